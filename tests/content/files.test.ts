// The build's source files (src/content/files.ts): the Markdown hashed for the manifest is the Markdown read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ReadingCache, SourceFiles, readArticles } from '../../src/content/index.ts';

const work = mkdtempSync(path.join(tmpdir(), 'source-files-'));
const article = (title: string) =>
  `---\ntitle: ${title}\ndate: "2024-01-02T08:00:00+07:00"\nauthor: Thu Cúc\n---\nNội dung của ${title}.\n`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

test('an article edited after the build hashed it is read as it was hashed: the pages match the manifest', () => {
  const file = path.join(work, 'bai.md');
  for (const cache of [undefined, new ReadingCache()]) {
    writeFileSync(file, article('Tiêu đề đã băm'));
    const files = new SourceFiles();
    assert.equal(files.hash(file), sha256(article('Tiêu đề đã băm')));
    writeFileSync(file, article('Tiêu đề sửa giữa chừng'));
    const [source] = readArticles(work, [], cache, files);
    assert.equal(source.frontMatter.title, 'Tiêu đề đã băm');
    assert.equal(source.body, 'Nội dung của Tiêu đề đã băm.\n');
    // Handed over once: a later reader reads the file as it is now.
    assert.equal(readArticles(work, [], cache, files)[0].frontMatter.title, 'Tiêu đề sửa giữa chừng');
  }
});

test('only Markdown is kept from hashing (a photo folder may weigh gigabytes)', () => {
  const photo = path.join(work, 'anh.jpg');
  writeFileSync(photo, 'ảnh 1');
  const files = new SourceFiles();
  assert.equal(files.hash(photo), sha256('ảnh 1'));
  writeFileSync(photo, 'ảnh 2');
  assert.equal(files.read(photo).bytes?.toString(), 'ảnh 2');
  assert.equal(files.read(photo).digest, sha256('ảnh 2'));
});
