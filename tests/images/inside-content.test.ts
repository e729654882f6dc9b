import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspectSite } from '../../src/pages/index.ts';
import { parseVietnamDate } from '../../src/dates/index.ts';
import { build, FIXTURES, writeArticle } from '../support/build.ts';

const NOW = parseVietnamDate('2026-11-26T12:00:00+07:00')!;

/** A project folder holding `content/` (the basic fixture) and a photo next to it, outside the content. */
function project(): { content: string; outside: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'portal-outside-'));
  const content = path.join(root, 'content');
  cpSync(path.join(FIXTURES, 'basic'), content, { recursive: true });
  const outside = path.join(root, 'outside.jpg');
  copyFileSync(path.join(FIXTURES, 'basic/images/hoi-nghi.jpg'), outside);
  symlinkSync(outside, path.join(content, 'images/lien-ket.jpg'));
  return { content, outside };
}

const article = (fields: string, body = 'Nội dung.') =>
  `---\ntitle: "Bài có ảnh"\ndate: "2024-05-01T08:00:00+07:00"\nauthor: Thu Cúc\n${fields}---\n${body}\n`;

const cases = [
  { name: 'a relative lead photo', text: article('image: { src: "../../../outside.jpg", alt: "x" }\n'), line: 5 },
  { name: 'an absolute lead photo', text: article('image: { src: "/../outside.jpg", alt: "x" }\n'), line: 5 },
  { name: 'a body photo', text: article('', '![x](../../../outside.jpg)'), line: 6 },
  { name: 'a symbolic link in content/images/', text: article('image: { src: "/images/lien-ket.jpg", alt: "x" }\n'), line: 5 },
  { name: '/etc/passwd', text: article('', '![x](../../../../../../../../../../etc/passwd)'), line: 6 },
];

for (const { name, text, line } of cases) {
  test(`${name} outside the content folder is an error on its line`, async () => {
    const { content } = project();
    writeArticle(content, '2025/bai.md', text);
    const { problems } = await inspectSite({ contentDir: content, now: NOW });
    const found = problems.filter((p) => p.file.endsWith('2025/bai.md') && p.severity === 'error');
    assert.equal(found.length, 1, JSON.stringify(problems, null, 1));
    assert.equal(found[0].line, line);
    assert.match(found[0].message, /nằm ngoài thư mục nội dung/);
  });
}

test('the build refuses a photo outside the content folder and publishes nothing from it', () => {
  const { content } = project();
  writeArticle(content, '2025/bai.md', article('image: { src: "/../outside.jpg", alt: "x" }\n'));
  const run = build(content);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /2025\/bai\.md:5 — trường "image\.src": ảnh "\/\.\.\/outside\.jpg" nằm ngoài thư mục nội dung/);
  assert.equal(existsSync(run.outputDir), false);
});

test('photos inside the content folder, next to the article or under images/, still pass', async () => {
  const { content } = project();
  copyFileSync(path.join(content, 'images/hoi-nghi.jpg'), path.join(content, 'articles/anh.jpg'));
  writeArticle(content, '2025/bai.md', article('image: { src: "/images/hoi-nghi.jpg", alt: "x" }\n', '![y](../anh.jpg)'));
  const { problems } = await inspectSite({ contentDir: content, now: NOW });
  assert.deepEqual(
    problems.filter((p) => p.severity === 'error'),
    [],
  );
  assert.ok(readdirSync(path.join(content, 'articles')).includes('anh.jpg'));
});
