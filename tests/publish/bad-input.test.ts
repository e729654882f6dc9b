import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, copyFixture, treeHash, writeArticle } from '../support/build.ts';

const good = (fields: string) =>
  `---\ntitle: "Bài lỗi"\ndate: "2024-05-01T08:00:00+07:00"\nauthor: Thu Cúc\n${fields}---\nNội dung.\n`;

const cases: { name: string; text: string; field: string; line: number; says: RegExp }[] = [
  {
    name: 'missing title',
    text: '---\ndate: "2024-05-01"\nauthor: Thu Cúc\n---\nx\n',
    field: 'title',
    line: 2,
    says: /bắt buộc/,
  },
  {
    name: 'invalid date',
    text: good('').replace('"2024-05-01T08:00:00+07:00"', '"31/12/2024"'),
    field: 'date',
    line: 3,
    says: /ISO 8601/,
  },
  { name: 'unknown category', text: good('category: the-thao\n'), field: 'category', line: 5, says: /không tồn tại.*kinh-te/ },
  {
    name: 'image without alt',
    text: good('image:\n  src: /images/hoi-nghi.jpg\n'),
    field: 'image.alt',
    line: 5,
    says: /bắt buộc/,
  },
  {
    name: 'link to a missing article',
    text: good('').replace('Nội dung.', 'Xem [bài](/tin-tuc/khong-co/).'),
    field: 'nội dung',
    line: 6,
    says: /không tồn tại/,
  },
  {
    name: 'alias taken by a page',
    text: good('aliases: ["/lien-he/"]\n'),
    field: 'aliases',
    line: 5,
    says: /trùng với một trang/,
  },
];

for (const bad of cases) {
  test(`${bad.name}: the build stops, names file, line and field, and keeps the published site`, () => {
    const content = copyFixture('basic');
    const published = build(content);
    assert.equal(published.status, 0, published.stderr);
    const before = treeHash(published.outputDir);

    writeArticle(content, '2024/bai-loi.md', bad.text);
    const run = build(content, {}, published.outputDir);
    assert.equal(run.status, 1);
    assert.match(run.stderr, new RegExp(`articles/2024/bai-loi\\.md:${bad.line} — trường "${bad.field.replace('.', '\\.')}":`));
    assert.match(run.stderr, bad.says);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(treeHash(published.outputDir), before);
  });
}

test('malformed YAML stops the build with the file and line', () => {
  const content = copyFixture('basic');
  writeArticle(content, '2024/bai-loi.md', '---\ntitle: "Không đóng nháy\nauthor: A\n---\n');
  const run = build(content);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /articles\/2024\/bai-loi\.md:\d+ — .*YAML/);
});

test('every problem is reported, not only the first', () => {
  const content = copyFixture('basic');
  writeArticle(content, '2024/loi-1.md', '---\nauthor: A\ndate: "2024-01-01"\n---\n');
  writeArticle(content, '2024/loi-2.md', good('category: khong-co\n'));
  const run = build(content);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /có 2 lỗi/);
  assert.match(run.stderr, /loi-1\.md:\d+ — trường "title"/);
  assert.match(run.stderr, /loi-2\.md:\d+ — trường "category"/);
});

test('invalid site settings name the setting', () => {
  const content = copyFixture('basic');
  const file = path.join(content, '_data/site.yaml');
  writeFileSync(
    file,
    readFileSync(file, 'utf8')
      .replace('baseUrl: https://vidu.gov.vn/', 'baseUrl: khong-phai-url')
      .replace(/^name: .*$/m, ''),
  );
  const run = build(content);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /site\.yaml(:\d+)? — trường "name": bắt buộc/);
  assert.match(run.stderr, /site\.yaml:\d+ — trường "baseUrl": .*https:\/\//);
});
