import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readArticle } from '../../src/content/index.ts';
import type { Problem } from '../../src/problems/index.ts';

function read(text: string | Buffer) {
  const problems: Problem[] = [];
  const source = readArticle('content/articles/bai.md', Buffer.isBuffer(text) ? text : Buffer.from(text), problems);
  return { source, problems };
}

const valid = '---\ntitle: Tiêu đề\ndate: "2024-01-02T08:00:00+07:00"\nauthor: Thu Cúc\n---\nNội dung.\n';

test('a valid article is read with its body and NFC text', () => {
  const { source, problems } = read(valid.replace('Tiêu đề', 'Tiêu đề'.normalize('NFD')));
  assert.deepEqual(problems, []);
  assert.equal(source?.frontMatter.title, 'Tiêu đề');
  assert.equal(source?.body, 'Nội dung.\n');
  assert.equal(source?.bodyLine, 6);
});

test('every missing required field is reported with its line, in Vietnamese', () => {
  const { source, problems } = read('---\ntags: [a]\n---\nx\n');
  assert.equal(source, null);
  assert.deepEqual(problems.map((p) => p.field).sort(), ['author', 'date', 'title']);
  for (const p of problems) {
    assert.equal(p.file, 'content/articles/bai.md');
    assert.match(p.message, /bắt buộc nhưng đang thiếu/);
  }
});

test('an invalid date names the field, its line and the allowed form', () => {
  const { problems } = read(valid.replace('"2024-01-02T08:00:00+07:00"', '"02/01/2024"'));
  assert.equal(problems.length, 1);
  assert.equal(problems[0].field, 'date');
  assert.equal(problems[0].line, 3);
  assert.match(problems[0].message, /ISO 8601/);
});

test('an image without alt text is an error on image.alt', () => {
  const { problems } = read(valid.replace('author:', 'image:\n  src: /images/a.jpg\nauthor:'));
  assert.equal(problems[0].field, 'image.alt');
  assert.equal(problems[0].line, 4);
});

test('malformed YAML is reported with its line', () => {
  const { problems } = read('---\ntitle: "Không đóng nháy\ndate: 2024-01-01\n---\n');
  assert.ok(problems.length >= 1);
  assert.match(problems[0].message, /YAML/);
  assert.ok(problems[0].line);
});

test('a misspelt field is named', () => {
  const { problems } = read(valid.replace('author:', 'tittle: x\nauthor:'));
  assert.match(problems[0].message, /tittle/);
});

test('a byte-order mark and non-UTF-8 bytes are refused', () => {
  assert.match(read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(valid)])).problems[0].message, /BOM/);
  assert.match(read(Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a])).problems[0].message, /UTF-8/);
});
