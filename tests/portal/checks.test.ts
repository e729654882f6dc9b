import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspectSite } from '../../src/pages/index.ts';
import type { Problem } from '../../src/problems/index.ts';
import { parseVietnamDate } from '../../src/dates/index.ts';
import { copyFixture, writeArticle } from '../support/build.ts';

const NOW = parseVietnamDate('2026-11-26T12:00:00+07:00')!;

/** Front matter lines 1–5, then the body from line 6 (or more lines of front matter first). */
const article = (body: string, fields = '') =>
  `---\ntitle: "Bài kiểm tra"\ndate: "2024-05-01T08:00:00+07:00"\nauthor: Thu Cúc\n${fields}---\n${body}\n`;

async function inspect(files: Record<string, string | Buffer>) {
  const content = copyFixture('basic');
  for (const [name, text] of Object.entries(files)) writeArticle(content, name, text);
  return (await inspectSite({ contentDir: content, now: NOW })).problems;
}

interface Expected {
  file: string;
  line: number;
  field?: string;
  severity?: 'error' | 'warning';
  says: RegExp;
}

/** The one problem at file:line, with its field, severity and message. */
function assertProblem(problems: Problem[], expected: Expected): void {
  const found = problems.filter(
    (p) => p.file.endsWith(`articles/${expected.file}`) && p.line === expected.line && expected.says.test(p.message),
  );
  assert.equal(found.length, 1, `${expected.file}:${expected.line} ${expected.says}\n${JSON.stringify(problems, null, 1)}`);
  assert.equal(found[0].field, expected.field);
  assert.equal(found[0].severity, expected.severity ?? 'error');
}

const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');

test('the fixture itself passes', async () => {
  assert.deepEqual(errors(await inspect({})), []);
});

test('two articles with the same URL', async () => {
  const problems = await inspect({ '2025/bai-moi.md': article('Nội dung.', 'slug: dang-uy-hop\n') });
  assertProblem(problems, {
    file: '2025/bai-moi.md',
    line: 5,
    field: 'slug',
    says: /\/tin-tuc\/dang-uy-hop\/ trùng với bài .*2024\/dang-uy-hop\.md/,
  });
});

test('an unknown category', async () => {
  assertProblem(await inspect({ '2025/bai.md': article('Nội dung.', 'category: the-thao\n') }), {
    file: '2025/bai.md',
    line: 5,
    field: 'category',
    says: /"the-thao" không tồn tại; chỉ được dùng: .*kinh-te/,
  });
});

test('a modified date before the publication date', async () => {
  assertProblem(await inspect({ '2025/bai.md': article('Nội dung.', 'modified: "2024-04-01T08:00:00+07:00"\n') }), {
    file: '2025/bai.md',
    line: 5,
    field: 'modified',
    says: /sớm hơn ngày đăng/,
  });
});

test("tags that differ only by case, accents or Unicode form: a warning naming both spellings, on the tag's line", async () => {
  const problems = await inspect({
    '2025/a.md': article('Nội dung.', 'tags:\n  - Kinh tế\n  - Giáo dục\n'),
    '2025/b.md': article('Nội dung.', 'tags: ["Giáo dục"]\n'),
    '2025/c.md': article('Nội dung.', `tags: ["giáo dục", "${'Giao duc'}"]\n`),
    '2025/d.md': article('Nội dung.', `tags: ["${'Giáo dục'.normalize('NFD')}"]\n`),
  });
  assertProblem(problems, { file: '2025/c.md', line: 5, field: 'tags', severity: 'warning', says: /"giáo dục" và "Giáo dục"/ });
  assertProblem(problems, { file: '2025/c.md', line: 5, field: 'tags', severity: 'warning', says: /"Giao duc" và "Giáo dục"/ });
  // NFD is read as NFC: the same spelling, so no warning of its own.
  assert.equal(problems.filter((p) => p.file.endsWith('d.md')).length, 0);
  assert.deepEqual(errors(problems), []);
});

test('links to articles and pages that do not exist, on their own line of the body', async () => {
  const problems = await inspect({
    '2025/bai.md': article(
      'Đoạn đầu có [một bài](/tin-tuc/khong-co/)\nvà dòng sau có [trang](/gioi-thieu/).\n\nThiếu tiền tố: [bài](/bac-kan-so-ket/).',
    ),
  });
  assertProblem(problems, { file: '2025/bai.md', line: 6, field: 'nội dung', says: /\/tin-tuc\/khong-co\/ không tồn tại/ });
  assertProblem(problems, { file: '2025/bai.md', line: 7, field: 'nội dung', says: /\/gioi-thieu\/ không tồn tại/ });
  assertProblem(problems, {
    file: '2025/bai.md',
    line: 9,
    field: 'nội dung',
    says: /có phải ý bạn là \/tin-tuc\/bac-kan-so-ket\//,
  });
});

test('links from a published article to a draft or a scheduled one are errors', async () => {
  const problems = await inspect({ '2025/bai.md': article('Xem [nháp](/tin-tuc/ban-nhap/) và [hẹn giờ](/tin-tuc/hen-gio/).') });
  assertProblem(problems, { file: '2025/bai.md', line: 6, field: 'nội dung', says: /"Bài đang soạn".*bản nháp/ });
  assertProblem(problems, {
    file: '2025/bai.md',
    line: 6,
    field: 'nội dung',
    says: /"Bài hẹn giờ đăng".*hẹn giờ đăng lúc 01\/01\/2099 07:00:00/,
  });
});

test('a draft may link to another draft; links to every kind of page the portal writes pass', async () => {
  const links = [
    '/tin-tuc/dang-uy-hop/',
    '../bac-kan-so-ket/',
    '/tin-tuc/dang-uy-hop',
    '/chuyen-muc/kinh-te/',
    '/the/giam-ngheo/',
    '/the/',
    '/luu-tru/2024/03/',
    '/tim-kiem/?q=n%C3%B4ng',
    '/feed.xml',
    '/assets/images/emblem.svg',
    'https://vidu.gov.vn/lien-he/',
    'https://chinhphu.vn/',
    'mailto:a@b.vn',
    '#muc-2',
  ];
  const problems = await inspect({
    '2025/bai.md': article(links.map((href, i) => `[liên kết ${i}](${href})`).join('\n')),
    '2025/nhap.md': article('Xem [nháp khác](/tin-tuc/ban-nhap/).', 'draft: true\n'),
  });
  assert.deepEqual(
    problems.filter((p) => p.file.includes('2025/')),
    [],
  );
});

test('a link to an old URL (an alias) is a warning naming the new one', async () => {
  const problems = await inspect({
    '2025/moi.md': article('Nội dung.', 'aliases: ["/tin-tuc/ten-cu/"]\n'),
    '2025/bai.md': article('Xem [bài](/tin-tuc/ten-cu/).'),
  });
  assertProblem(problems, {
    file: '2025/bai.md',
    line: 6,
    field: 'nội dung',
    severity: 'warning',
    says: /địa chỉ cũ \/tin-tuc\/ten-cu\/, nay là \/tin-tuc\/moi\//,
  });
});

test('Markdown images that do not exist or have no alt text', async () => {
  const problems = await inspect({
    '2025/bai.md': article(
      'Ảnh tốt ![Hội trường](/images/hoi-nghi.jpg) rồi\nảnh thiếu mô tả ![](/images/hoi-nghi.jpg)\nvà ảnh mất ![Cầu](/images/cau.jpg) ![Ảnh cạnh bài](anh.jpg)',
    ),
  });
  assertProblem(problems, { file: '2025/bai.md', line: 7, field: 'nội dung', says: /thiếu mô tả \(alt\)/ });
  assertProblem(problems, {
    file: '2025/bai.md',
    line: 8,
    field: 'nội dung',
    says: /không tìm thấy tệp ảnh "\/images\/cau\.jpg"/,
  });
  assertProblem(problems, {
    file: '2025/bai.md',
    line: 8,
    field: 'nội dung',
    says: /không tìm thấy tệp ảnh "anh\.jpg" \(đã tìm .*articles\/2025\/anh\.jpg\)/,
  });
  assert.equal(errors(problems).length, 3);
});

test('an article without a body', async () => {
  assertProblem(await inspect({ '2025/bai.md': article('\n') }), {
    file: '2025/bai.md',
    line: 6,
    field: 'nội dung',
    says: /chưa có nội dung/,
  });
});

test('a byte-order mark, and bytes that are not UTF-8 (with the line they are on)', async () => {
  const text = article('Nội dung.');
  const problems = await inspect({
    '2025/bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    // "Hà Nội" in Windows-1258 on the title line.
    '2025/cu.md': Buffer.concat([
      Buffer.from('---\ndate: "2024-05-01"\ntitle: "H'),
      Buffer.from([0xe0, 0x20, 0x4e, 0xf4, 0x69]),
      Buffer.from('"\n---\nx\n'),
    ]),
  });
  assertProblem(problems, { file: '2025/bom.md', line: 1, says: /BOM/ });
  assertProblem(problems, { file: '2025/cu.md', line: 3, says: /không phải UTF-8.*Windows-1258/ });
});

test('aliases: each must be a plain path no page, article or other alias uses', async () => {
  const problems = await inspect({
    '2025/a.md': article(
      'Nội dung.',
      'aliases:\n  - /tin-tuc/a/\n  - /lien-he\n  - /tin-tuc/dang-uy-hop/\n  - /tin-cu.aspx?id=3\n  - /img/cu/\n  - /trung/\n  - /quan-tri/cu/\n',
    ),
    '2025/b.md': article('Nội dung.', 'draft: true\naliases: ["/trung"]\n'),
  });
  const at = (line: number, says: RegExp, file = '2025/a.md') => assertProblem(problems, { file, line, field: 'aliases', says });
  at(6, /"\/tin-tuc\/a\/" chính là địa chỉ hiện tại của bài này/);
  at(7, /"\/lien-he" trùng với một trang của cổng thông tin \(\/lien-he\/\)/);
  at(8, /trùng với địa chỉ của bài .*2024\/dang-uy-hop\.md/);
  at(9, /có dấu \? hoặc #/);
  at(10, /thư mục tài nguyên/);
  at(12, /"\/quan-tri\/cu\/" nằm trong thư mục tài nguyên .*\/quan-tri\//);
  at(6, /"\/trung" đã là địa chỉ cũ của bài .*2025\/a\.md/, '2025/b.md');
  assert.equal(errors(problems).length, 7);
});

test('featuredUntil before the publication date is an error on its line', async () => {
  assertProblem(
    await inspect({ '2025/bai.md': article('Nội dung.', 'featured: true\nfeaturedUntil: "2024-04-30T17:00:00+07:00"\n') }),
    { file: '2025/bai.md', line: 6, field: 'featuredUntil', says: /hạn nổi bật .* sớm hơn ngày đăng/ },
  );
});

test('a featured draft, and featuredUntil without featured, are warnings', async () => {
  const problems = await inspect({
    '2025/nhap.md': article('Nội dung.', 'draft: true\nfeatured: true\n'),
    '2025/thieu.md': article('Nội dung.', 'featuredOrder: 2\n'),
  });
  assertProblem(problems, { file: '2025/nhap.md', line: 6, field: 'featured', severity: 'warning', says: /bản nháp/ });
  assertProblem(problems, {
    file: '2025/thieu.md',
    line: 5,
    field: 'featuredOrder',
    severity: 'warning',
    says: /chỉ có tác dụng khi bài có featured: true/,
  });
  assert.deepEqual(errors(problems), []);
});

test('more featured articles than the home page shows: a warning on each one left out, naming those shown', async () => {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 7; i++) {
    files[`2025/noi-bat-${i}.md`] = article('Nội dung.', `featured: true\nfeaturedOrder: ${i}\n`).replace(
      'Bài kiểm tra',
      `Tin nổi bật ${i}`,
    );
  }
  // An ended feature doesn't count.
  files['2025/het-han.md'] = article('Nội dung.', 'featured: true\nfeaturedUntil: "2025-01-01T00:00:00+07:00"\n');
  const problems = (await inspect(files)).filter((p) => p.field === 'featured');
  assert.deepEqual(
    problems.map((p) => [p.file.replace(/.*articles\//, ''), p.line, p.severity]),
    [
      ['2025/noi-bat-6.md', 5, 'warning'],
      ['2025/noi-bat-7.md', 5, 'warning'],
    ],
  );
  assert.match(problems[0].message, /^7 bài đang nổi bật nhưng trang chủ chỉ có 5 chỗ/);
  assert.match(problems[0].message, /"Tin nổi bật 1", "Tin nổi bật 2", "Tin nổi bật 3", "Tin nổi bật 4", "Tin nổi bật 5"/);
});

test('every problem of a file in one pass: unknown fields on their own line, with the closest known field', async () => {
  const problems = await inspect({
    '2025/bai.md': article(
      'Xem [bài](/tin-tuc/khong-co/).\n\n![](/images/khong-co.jpg)',
      'sumary: "Tóm tắt"\ntag: ["Kinh tế"]\ncategory: the-thao\nimage:\n  src: /images/cung-khong-co.jpg\n  captoin: "Hội nghị"\n',
    ),
  });
  assertProblem(problems, {
    file: '2025/bai.md',
    line: 5,
    field: 'sumary',
    says: /"sumary" không được hỗ trợ; có phải ý bạn là `summary`\?/,
  });
  assertProblem(problems, { file: '2025/bai.md', line: 6, field: 'tag', says: /có phải ý bạn là `tags`\?/ });
  assertProblem(problems, { file: '2025/bai.md', line: 7, field: 'category', says: /"the-thao" không tồn tại/ });
  assertProblem(problems, { file: '2025/bai.md', line: 8, field: 'image.alt', says: /bắt buộc/ });
  assertProblem(problems, {
    file: '2025/bai.md',
    line: 9,
    field: 'image.src',
    says: /không tìm thấy tệp ảnh "\/images\/cung-khong-co\.jpg"/,
  });
  assertProblem(problems, { file: '2025/bai.md', line: 10, field: 'image.captoin', says: /có phải ý bạn là `caption`\?/ });
  assertProblem(problems, { file: '2025/bai.md', line: 12, field: 'nội dung', says: /\/tin-tuc\/khong-co\/ không tồn tại/ });
  // A photo without alt text whose file is missing as well: both, on the photo's line.
  assertProblem(problems, { file: '2025/bai.md', line: 14, field: 'nội dung', says: /thiếu mô tả \(alt\)/ });
  assertProblem(problems, {
    file: '2025/bai.md',
    line: 14,
    field: 'nội dung',
    says: /không tìm thấy tệp ảnh "\/images\/khong-co\.jpg"/,
  });
  assert.equal(errors(problems).length, 9, JSON.stringify(problems, null, 1));
});

test('an unknown field far from any known one lists the fields there are', async () => {
  const problems = await inspect({ '2025/bai.md': article('Nội dung.', 'nguon: "Báo Bắc Kạn"\n') });
  assertProblem(problems, {
    file: '2025/bai.md',
    line: 5,
    field: 'nguon',
    says: /không được hỗ trợ; chỉ dùng: title, date, author/,
  });
});
