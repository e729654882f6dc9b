// Front matters and bodies kept between builds (src/content/cache.ts): a cached reading is the reading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { DOCUMENTS_FOLDER, ReadingCache, PAGES_FOLDER, readArticles, readMarkdownFiles } from '../../src/content/index.ts';
import { documentContract } from '../../src/documents/index.ts';
import type { Problem } from '../../src/problems/index.ts';
import { pageContract } from '../../src/static-pages/index.ts';
import { FIXTURES } from '../support/build.ts';
import { loadSite } from '../../src/pages/index.ts';
import { parseVietnamDate } from '../../src/dates/index.ts';

const work = mkdtempSync(path.join(tmpdir(), 'front-matter-cache-'));
const valid = '---\ntitle: Tiêu đề\ndate: "2024-01-02T08:00:00+07:00"\nauthor: Thu Cúc\n---\nNội dung.\n';
// Articles with every kind of problem the reading finds: they are cached with their problems.
const faulty = path.join(work, 'faulty');
mkdirSync(faulty);
for (const [name, text] of Object.entries({
  'yaml-hong.md': '---\ntitle: [a\n---\nx\n',
  'sai-truong.md': valid.replace('author:', 'sumary: Tóm tắt\nauthor:'),
  'sai-ngay.md': valid.replace('"2024-01-02T08:00:00+07:00"', '"02/01/2024"'),
  'anh-thieu-alt.md': valid.replace('author:', 'image:\n  src: anh.jpg\nauthor:'),
  'tu-khoa.md': valid.replace('author:', 'tags:\n  - Nông thôn mới\n  - ""\nauthor:'),
  'thieu-het.md': '---\ntags: [a]\n---\nx\n',
})) {
  writeFileSync(path.join(faulty, name), text);
}

/** Every reader of Markdown files, on folders with valid and faulty files. */
const READERS: [string, (problems: Problem[], cache?: ReadingCache) => unknown[]][] = [
  ['articles of the sample', (problems, cache) => readArticles('content/articles', problems, cache)],
  ['articles of the fixtures', (problems, cache) => readArticles(path.join(FIXTURES, 'basic', 'articles'), problems, cache)],
  ['faulty articles', (problems, cache) => readArticles(faulty, problems, cache)],
  ['pages', (problems, cache) => readMarkdownFiles(path.join('content', PAGES_FOLDER), pageContract, problems, cache)],
  [
    'documents',
    (problems, cache) => readMarkdownFiles(path.join('content', DOCUMENTS_FOLDER), documentContract, problems, cache),
  ],
];

type Read = { frontMatter: object; lines: (field: (string | number)[]) => number | undefined };

/**
 * A source as plain data: its fields (not the cache it was read with), and the line of every field and list item of
 * its front matter (and of some that aren't there).
 */
function described(source: unknown) {
  const { lines, cache: _readWith, ...rest } = source as Read & { cache?: ReadingCache };
  const paths: (string | number)[][] = [[], ['khong-co'], ['image', 'khong-co']];
  for (const [key, value] of Object.entries(rest.frontMatter)) {
    paths.push([key]);
    if (Array.isArray(value)) for (const index of value.keys()) paths.push([key, index]);
    else if (value && typeof value === 'object') for (const inner of Object.keys(value)) paths.push([key, inner]);
  }
  return { ...rest, lines: paths.map((at) => [at.join('.'), lines(at)]) };
}

for (const [name, read] of READERS) {
  test(`${name}: read through a saved cache, every file, problem and line is the same as read afresh`, () => {
    const fresh: Problem[] = [];
    const expected = read(fresh).map(described);
    const saving = new ReadingCache();
    read([], saving);
    const file = path.join(work, `${name}.bin`);
    saving.save(file, 'v1');
    const cached: Problem[] = [];
    assert.deepEqual(read(cached, ReadingCache.load(file, 'v1')).map(described), expected);
    assert.deepEqual(cached, fresh);
  });
}

test('the faulty articles do have problems (what the test above compares)', () => {
  const problems: Problem[] = [];
  readArticles(faulty, problems);
  assert.deepEqual([...new Set(problems.map((p) => path.basename(p.file)))].sort(), [
    'anh-thieu-alt.md',
    'sai-ngay.md',
    'sai-truong.md',
    'thieu-het.md',
    'tu-khoa.md',
    'yaml-hong.md',
  ]);
});

test('a saved reading is used by the same code only: another version reads the file again', () => {
  const file = path.join(work, 'tampered.bin');
  const saving = new ReadingCache();
  readArticles('content/articles', [], saving);
  saving.save(file, 'v1');
  // What only the cache says: the build believes it when the version is its own.
  const stored = deserialize(readFileSync(file)) as { readings: Map<string, unknown> };
  for (const reading of stored.readings.values() as Iterable<{ frontMatter: { title: string } }>)
    reading.frontMatter.title = 'Từ bộ nhớ đệm';
  writeFileSync(file, serialize(stored));
  const titles = (cache: ReadingCache) =>
    new Set(readArticles('content/articles', [], cache).map((source) => source.frontMatter.title));
  assert.deepEqual(titles(ReadingCache.load(file, 'v1')), new Set(['Từ bộ nhớ đệm']));
  assert.ok(!titles(ReadingCache.load(file, 'v2')).has('Từ bộ nhớ đệm'));
  writeFileSync(file, '{ hỏng');
  assert.ok(!titles(ReadingCache.load(file, 'v1')).has('Từ bộ nhớ đệm'));
});

test('a cache keeps only what was read since it was made, and an edited front matter is read again', () => {
  const folder = path.join(work, 'edited');
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'bai.md'), valid);
  const file = path.join(work, 'edited.bin');
  const first = new ReadingCache();
  readArticles(folder, [], first);
  first.save(file, 'v1');
  writeFileSync(path.join(folder, 'bai.md'), valid.replace('Tiêu đề', 'Tiêu đề mới'));
  const second = ReadingCache.load(file, 'v1');
  assert.equal(readArticles(folder, [], second)[0].frontMatter.title, 'Tiêu đề mới');
  second.save(file, 'v1');
  assert.equal((deserialize(readFileSync(file)) as { readings: Map<string, unknown> }).readings.size, 1);
});

test('a body read before is not parsed again: its summary comes from the cache, its HTML is rendered when a page needs it', async () => {
  const file = path.join(work, 'bodies.bin');
  const now = parseVietnamDate('2026-11-26T12:00:00+07:00')!;
  const saving = new ReadingCache();
  const fresh = (await loadSite({ contentDir: 'content', now, readings: saving })).portal.articles;
  saving.save(file, 'v1');
  // What only the cache says of the bodies: the first paragraphs (the summary of an article without one).
  const stored = deserialize(readFileSync(file)) as { readings: Map<string, unknown> };
  for (const reading of stored.readings.values() as Iterable<{ firstParagraph?: string }>)
    if (reading.firstParagraph !== undefined) reading.firstParagraph = 'Từ bộ nhớ đệm';
  writeFileSync(file, serialize(stored));
  const cached = (await loadSite({ contentDir: 'content', now, readings: ReadingCache.load(file, 'v1') })).portal.articles;
  const unsummarised = cached.filter((article) => article.standfirst === undefined);
  assert.ok(unsummarised.length > 0, 'the sample has articles without a summary');
  for (const article of unsummarised) assert.equal(article.summary, 'Từ bộ nhớ đệm');
  // The body itself is read from the file: the same HTML as without a cache, and the same digest.
  assert.deepEqual(
    cached.map((article) => [article.url, article.html, article.bodyDigest]),
    fresh.map((article) => [article.url, article.html, article.bodyDigest]),
  );
  assert.ok(cached.every((article) => article.html.includes('<p>')));
});

test('a build that reads nothing again leaves the saved readings as they are; one edit saves them anew', () => {
  const folder = path.join(work, 'unchanged');
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'bai.md'), valid);
  writeFileSync(path.join(folder, 'bai-khac.md'), valid.replace('Tiêu đề', 'Tiêu đề khác'));
  const file = path.join(work, 'unchanged.bin');
  const first = new ReadingCache();
  readArticles(folder, [], first);
  first.save(file, 'v1');
  const saved = statSync(file);
  const second = ReadingCache.load(file, 'v1');
  readArticles(folder, [], second);
  second.save(file, 'v1');
  // Written files are renamed into place: the same inode is the same file, untouched.
  assert.equal(statSync(file).ino, saved.ino);
  writeFileSync(path.join(folder, 'bai.md'), valid.replace('Tiêu đề', 'Tiêu đề mới'));
  const third = ReadingCache.load(file, 'v1');
  readArticles(folder, [], third);
  third.save(file, 'v1');
  assert.notEqual(statSync(file).ino, saved.ino);
  const titles = readArticles(folder, [], ReadingCache.load(file, 'v1')).map((source) => source.frontMatter.title);
  assert.deepEqual(titles.sort(), ['Tiêu đề khác', 'Tiêu đề mới']);
});

test('an edit among many files saves only the new readings beside the whole save, until they and the unused ones are a twentieth of it', () => {
  const folder = path.join(work, 'many');
  mkdirSync(folder);
  for (let n = 0; n < 100; n++) writeFileSync(path.join(folder, `bai-${n}.md`), valid.replace('Tiêu đề', `Bài ${n}`));
  const file = path.join(work, 'many.bin');
  const build = () => {
    const cache = ReadingCache.load(file, 'v1');
    const titles = readArticles(folder, [], cache).map((source) => source.frontMatter.title);
    cache.save(file, 'v1');
    return titles;
  };
  build();
  const whole = statSync(file).ino;
  const edit = (n: number, title: string) => writeFileSync(path.join(folder, `bai-${n}.md`), valid.replace('Tiêu đề', title));
  // 100 files' readings: a twentieth is 5, and an edit makes one new and leaves one unused.
  edit(7, 'Bài 7 đã sửa');
  assert.ok(build().includes('Bài 7 đã sửa'));
  assert.equal(statSync(file).ino, whole, 'the whole save stays');
  assert.equal((deserialize(readFileSync(`${file}.delta`)) as { readings: Map<string, unknown> }).readings.size, 1);
  // Read from the whole save and its delta: the edited title, and nothing read again (nothing saved).
  const delta = statSync(`${file}.delta`).ino;
  assert.ok(build().includes('Bài 7 đã sửa'));
  assert.equal(statSync(`${file}.delta`).ino, delta);
  edit(8, 'Bài 8 đã sửa');
  build();
  assert.equal(statSync(file).ino, whole);
  // A third edit: 3 new and 3 unused, over a twentieth: everything saved whole again, without the unused.
  edit(9, 'Bài 9 đã sửa');
  const titles = build();
  assert.notEqual(statSync(file).ino, whole);
  assert.ok(!existsSync(`${file}.delta`));
  assert.equal((deserialize(readFileSync(file)) as { readings: Map<string, unknown> }).readings.size, 100);
  assert.deepEqual(titles.filter((title) => title.endsWith('đã sửa')).sort(), ['Bài 7 đã sửa', 'Bài 8 đã sửa', 'Bài 9 đã sửa']);
  assert.deepEqual(build(), titles);
});
