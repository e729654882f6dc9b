import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, ROOT, build, copyFixture, lineOf, treeHash, writeArticle } from '../support/build.ts';

function check(content: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      PORTAL_CONTENT: content,
      PORTAL_OUTPUT: path.join(content, 'khong-co-ban-dung'),
      PORTAL_NOW: '2026-11-26T12:00:00+07:00',
      ...env,
    },
  });
}

const article = (fields: string, body = 'Nội dung.') =>
  `---\ntitle: "Bài"\ndate: "2024-05-01T08:00:00+07:00"\nauthor: Thu Cúc\n${fields}---\n${body}\n`;

test('npm run check prints every problem at once, with file, line and field, in Vietnamese, and exits 1', () => {
  const content = copyFixture('basic');
  writeArticle(content, '2025/thieu-tieu-de.md', '---\ndate: "2024-05-01"\nauthor: A\n---\nx\n');
  writeArticle(content, '2025/chuyen-muc.md', article('category: the-thao\n'));
  writeArticle(content, '2025/lien-ket.md', article('', 'Xem [bài](/tin-tuc/khong-co/).'));
  writeArticle(content, '2025/anh.md', article('', '![](/images/hoi-nghi.jpg)'));
  writeArticle(content, '2025/tu-khoa.md', article('tags: ["giảm nghèo"]\n'));
  const run = check(content);
  assert.equal(run.status, 1);
  const lines = run.stdout.split('\n');
  const expect = [
    /^LỖI .*articles\/2025\/anh\.md:6 — trường "nội dung": ảnh .* thiếu mô tả/,
    /^LỖI .*articles\/2025\/chuyen-muc\.md:5 — trường "category": chuyên mục "the-thao" không tồn tại/,
    /^LỖI .*articles\/2025\/lien-ket\.md:6 — trường "nội dung": liên kết tới trang \/tin-tuc\/khong-co\/ không tồn tại/,
    /^LỖI .*articles\/2025\/thieu-tieu-de\.md:2 — trường "title": bắt buộc nhưng đang thiếu/,
    // The spelling that loses is warned about where it is written.
    /^CẢNH BÁO .*articles\/2018\/bac-kan-so-ket\.md:6 — trường "tags": từ khóa "Giảm nghèo" và "giảm nghèo" chỉ khác nhau/,
  ];
  for (const pattern of expect) assert.equal(lines.filter((line) => pattern.test(line)).length, 1, `${pattern}\n${run.stdout}`);
  assert.match(run.stdout, /Đã kiểm tra 9 bài viết, 0 trang, 0 văn bản trong [\d.]+ giây: 4 lỗi, 2 cảnh báo\./);
  assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /, 'no stack trace');
});

test('warnings alone pass (exit 0)', () => {
  const content = copyFixture('basic');
  const run = check(content);
  assert.equal(run.status, 0, run.stdout);
  assert.match(run.stdout, /CẢNH BÁO .*trường "tags"/);
  assert.match(run.stdout, /0 lỗi, 1 cảnh báo/);
});

test('check and build both compare with the URLs the last build published; the build still goes ahead on a warning', () => {
  const content = copyFixture('basic');
  const first = build(content);
  assert.equal(first.status, 0, first.stderr);
  assert.ok(existsSync(path.join(first.outputDir, 'published-urls.json')));
  renameSync(path.join(content, 'articles/2018/bac-kan-so-ket.md'), path.join(content, 'articles/2018/so-ket-chuong-trinh.md'));

  const run = check(content, { PORTAL_OUTPUT: first.outputDir });
  assert.equal(run.status, 0, run.stdout);
  const warning =
    /CẢNH BÁO .*articles\/2018\/so-ket-chuong-trinh\.md:2 — trường "aliases": bài này trước đây ở địa chỉ \/tin-tuc\/bac-kan-so-ket\/.*aliases: \["\/tin-tuc\/bac-kan-so-ket\/"\]/;
  assert.match(run.stdout, warning);

  const before = treeHash(first.outputDir);
  const rebuilt = build(content, {}, first.outputDir);
  assert.equal(rebuilt.status, 0, rebuilt.stderr);
  assert.match(rebuilt.stderr, warning);
  assert.notEqual(treeHash(first.outputDir), before);
  // The new build still remembers the lost URL, so every later check reports it until an alias covers it.
  assert.match(check(content, { PORTAL_OUTPUT: first.outputDir }).stdout, warning);
  const file = path.join(content, 'articles/2018/so-ket-chuong-trinh.md');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace('author: Thu Cúc', 'author: Thu Cúc\naliases: ["/tin-tuc/bac-kan-so-ket/"]'),
  );
  assert.doesNotMatch(check(content, { PORTAL_OUTPUT: first.outputDir }).stdout, /trường "aliases"/);
});

test('a site-settings error: no stack trace, the setting and its line, and the articles are still checked', () => {
  const content = copyFixture('basic');
  const site = path.join(content, '_data/site.yaml');
  writeFileSync(
    site,
    readFileSync(site, 'utf8')
      .replace('endpoint: https://gopy.backan.example.gov.vn/gui', 'endpoint: "javascript:alert(1)"')
      .replace('url: /chuyen-muc/kinh-te/', 'url: "ftp://x.gov.vn/"'),
  );
  writeArticle(content, '2025/thieu-tieu-de.md', '---\ndate: "2024-05-01"\nauthor: A\n---\nx\n');
  const run = check(content);
  assert.equal(run.status, 1);
  assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at |Error/, 'no stack trace');
  const line = (text: string) => lineOf(path.join(FIXTURES, 'basic/_data/site.yaml'), text);
  assert.match(
    run.stdout,
    new RegExp(`site\\.yaml:${line('url: /chuyen-muc/kinh-te/')} — trường "menu\\.2\\.url": phải là đường dẫn trên cổng`),
  );
  assert.match(
    run.stdout,
    new RegExp(
      `site\\.yaml:${line('endpoint: https://gopy')} — trường "feedback\\.endpoint": phải để trống hoặc là địa chỉ https:`,
    ),
  );
  assert.match(run.stdout, /thieu-tieu-de\.md:2 — trường "title": bắt buộc/);
});
