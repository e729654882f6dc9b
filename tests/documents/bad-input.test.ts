import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, copyFixture, treeHash, type BuildRun } from '../support/build.ts';

/** A content change, and where and what the build must say about it. */
interface BadInput {
  name: string;
  files: Record<string, string | Buffer>;
  /** "path/in/content.md:line — trường "field":" */
  at: RegExp;
  says: RegExp;
}

const pdf = (marker: string) => `%PDF-1.4\n% ${marker}\n%%EOF\n`;
const documentFile = (fields: string) =>
  `---\nso_ky_hieu: "7/QĐ-UBND"\nloai: Quyết định\nco_quan_ban_hanh: UBND tỉnh\nngay_ban_hanh: "2026-02-01"\ntrich_yeu: "Văn bản thử"\n${fields}---\n`;

const cases: BadInput[] = [
  {
    name: 'a document number used twice (typed differently)',
    files: { 'van-ban/2026/trung.md': documentFile('tep: ./123-qd-ubnd.pdf\n').replace('7/QĐ-UBND', '123-qđ-ubnd') },
    at: /van-ban\/2026\/trung\.md:2 — trường "so_ky_hieu":/,
    says: /đã có ở văn bản .*van-ban\/2026\/123-qd-ubnd\.md/,
  },
  {
    name: 'a document type not in site.yaml',
    files: { 'van-ban/2026/sai-loai.md': documentFile('tep: ./123-qd-ubnd.pdf\n').replace('loai: Quyết định', 'loai: Luật') },
    at: /van-ban\/2026\/sai-loai\.md:3 — trường "loai":/,
    says: /"Luật" không có trong documentTypes.*Quyết định, Công văn/,
  },
  {
    name: 'a document without its summary',
    files: { 'van-ban/2026/thieu.md': documentFile('tep: ./123-qd-ubnd.pdf\n').replace('trich_yeu: "Văn bản thử"\n', '') },
    at: /van-ban\/2026\/thieu\.md:\d+ — trường "trich_yeu":/,
    says: /bắt buộc nhưng đang thiếu/,
  },
  {
    name: 'a missing file',
    files: { 'van-ban/2026/thieu-tep.md': documentFile('tep:\n  - ./123-qd-ubnd.pdf\n  - ./khong-co.pdf\n') },
    at: /van-ban\/2026\/thieu-tep\.md:9 — trường "tep":/,
    says: /không tìm thấy tệp "\.\/khong-co\.pdf"/,
  },
  {
    name: 'a file type that is not allowed',
    files: {
      'van-ban/2026/exe.md': documentFile('tep: ./cai-dat.exe\n'),
      'van-ban/2026/cai-dat.exe': 'MZ',
    },
    at: /van-ban\/2026\/exe\.md:7 — trường "tep":/,
    says: /loại \.exe không được phép đính kèm; chỉ được dùng: pdf, docx, xlsx, jpg, png/,
  },
  {
    name: 'a file over the size limit',
    files: {
      'pages/lich-cong-tac.md': '---\ntitle: Lịch công tác\n---\nDòng đầu.\n\n[Tải bản quét](./ban-quet.pdf)\n',
      'pages/ban-quet.pdf': Buffer.alloc(1024 * 1024 + 1, 0x20),
    },
    at: /pages\/lich-cong-tac\.md:6 — trường "nội dung":/,
    says: /nặng 1,0 MB, vượt giới hạn 1 MB \(attachments\.maxSizeMb/,
  },
  {
    name: 'a file outside the content folder',
    files: { 'pages/lich-cong-tac.md': '---\ntitle: Lịch công tác\n---\n[Tải](../../../../etc/passwd.pdf)\n' },
    at: /pages\/lich-cong-tac\.md:4 — trường "nội dung":/,
    says: /nằm ngoài thư mục/,
  },
  {
    name: 'two different files competing for one URL',
    files: {
      'pages/gioi-thieu/ke-hoach.pdf': pdf('another plan'),
      'pages/gioi-thieu/lich-su.md': '---\ntitle: Lịch sử\n---\n[Kế hoạch khác](./ke-hoach.pdf)\n',
    },
    at: /pages\/gioi-thieu\/lich-su\.md:4 — trường "nội dung":/,
    says: /articles\/2024\/ke-hoach\.pdf khác nhau nhưng cùng được xuất bản ở \/tep\/ke-hoach\.pdf; hãy đổi tên/,
  },
  {
    name: 'a page and its folder index at one URL',
    files: { 'pages/gioi-thieu/index.md': '---\ntitle: Giới thiệu 2\n---\nx\n' },
    at: /pages\/gioi-thieu\/index\.md:1 — /,
    says: /địa chỉ \/gioi-thieu\/ trùng với trang .*pages\/gioi-thieu\.md/,
  },
  {
    name: 'a child page without its parent',
    files: { 'pages/tin-tuc-noi-bat/dong-chay.md': '---\ntitle: Dòng chảy\n---\nx\n' },
    at: /pages\/tin-tuc-noi-bat\/dong-chay\.md:1 — /,
    says: /trang cha \/tin-tuc-noi-bat\/ chưa có; hãy tạo tệp tin-tuc-noi-bat\.md/,
  },
  {
    name: "a page at one of the portal's own URLs",
    files: { 'pages/van-ban.md': '---\ntitle: Văn bản\n---\nx\n' },
    at: /pages\/van-ban\.md:1 — /,
    says: /địa chỉ \/van-ban\/ của trang này .* trùng với một trang có sẵn/,
  },
  {
    name: "a page in the web editor's folder, which the build writes itself",
    files: { 'pages/quan-tri.md': '---\ntitle: Quản trị\n---\nx\n' },
    at: /pages\/quan-tri\.md:1 — /,
    says: /địa chỉ \/quan-tri\/ của trang này .* nằm trong thư mục \/quan-tri\/ mà cổng dùng cho tệp của mình/,
  },
  {
    name: "an article's old URL on a page",
    files: {
      'articles/2024/hoi-nghi-trien-khai.md': `---\ntitle: Hội nghị\ndate: "2024-08-20T08:00:00+07:00"\nauthor: Thu Cúc\naliases: ["/lich-cong-tac/"]\n---\n[Tải kế hoạch](./ke-hoach.pdf)\n`,
    },
    at: /articles\/2024\/hoi-nghi-trien-khai\.md:5 — trường "aliases":/,
    says: /trùng với địa chỉ của trang .*pages\/lich-cong-tac\.md/,
  },
];

const menuCases: { name: string; entry: string; field: string; says: RegExp }[] = [
  {
    name: 'a page',
    entry: '{ label: Lịch sử, page: lich-su-cu }',
    field: 'page',
    says: /không có trang "lich-su-cu".*gioi-thieu/,
  },
  {
    name: 'a category',
    entry: '{ label: Thể thao, category: the-thao }',
    field: 'category',
    says: /không có chuyên mục "the-thao"/,
  },
  {
    name: 'a portal URL',
    entry: '{ label: Hỏi đáp, url: /hoi-dap/ }',
    field: 'url',
    says: /trỏ tới \/hoi-dap\/, không có trang nào/,
  },
];

let published: BuildRun;
let before_: string;

before(() => {
  published = build(copyFixture('documents'));
  assert.equal(published.status, 0, published.stderr);
  before_ = treeHash(published.outputDir);
});

function buildWith(files: Record<string, string | Buffer>): BuildRun {
  const content = copyFixture('documents');
  for (const [relative, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(content, relative)), { recursive: true });
    writeFileSync(path.join(content, relative), body);
  }
  return build(content, {}, published.outputDir);
}

for (const bad of cases) {
  test(`${bad.name}: the build stops, names file, line and field, and keeps the published site`, () => {
    const run = buildWith(bad.files);
    assert.equal(run.status, 1, run.stdout);
    assert.match(run.stderr, bad.at);
    assert.match(run.stderr, bad.says);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(treeHash(published.outputDir), before_);
  });
}

for (const bad of menuCases) {
  test(`a menu entry pointing to ${bad.name} that does not exist is an error on its line of site.yaml`, () => {
    const site = readFileSync(path.join(copyFixture('documents'), '_data/site.yaml'), 'utf8');
    const run = buildWith({ '_data/site.yaml': site.replace('  - { label: Văn bản, url: /van-ban/ }', `  - ${bad.entry}`) });
    assert.equal(run.status, 1);
    assert.match(run.stderr, new RegExp(`_data/site\\.yaml:\\d+ — trường "menu\\.3\\.${bad.field}":`));
    assert.match(run.stderr, bad.says);
  });
}

test('an attachment nothing links to is a warning; the build goes on without publishing it', () => {
  const run = buildWith({ 'van-ban/2026/phu-luc-cu.xlsx': 'PK' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(
    run.stderr + run.stdout,
    /CẢNH BÁO .*van-ban\/2026\/phu-luc-cu\.xlsx — tệp đính kèm này không được tệp Markdown nào liên kết tới/,
  );
});
