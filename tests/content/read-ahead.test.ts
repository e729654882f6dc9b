// Articles read on a second thread (src/content/read-ahead.ts, through SourceFiles): the same sources,
// problems and digests as read on the build's thread alone, each file read by one side.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ReadingCache,
  SourceFiles,
  articleFiles,
  bodyFacts,
  bodyHtml,
  readArticles,
  siteFile,
  type ArticleSource,
} from '../../src/content/index.ts';
import { createMarkdown } from '../../src/markdown/index.ts';
import type { Problem } from '../../src/problems/index.ts';
import { loadSiteSettings } from '../../src/site/index.ts';

/** The sample portal's settings: the thread makes its renderer from them, as the build does. */
const SITE_FILE = siteFile('content');

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A folder of articles, some with every kind of mistake a reading reports. */
function articlesFolder(count: number): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'read-ahead-')), 'articles');
  mkdirSync(path.join(dir, '2024'), { recursive: true });
  for (let n = 0; n < count; n++)
    writeFileSync(
      path.join(dir, '2024', `bai-${String(n).padStart(4, '0')}.md`),
      `---\ntitle: "Bài số ${n}: Đắk Lắk"\ndate: "2024-01-02T08:00:00+07:00"\nauthor: Thu Cúc\ntags:\n  - Nông thôn mới\n---\nĐoạn mở đầu của bài ${n}, *nhấn mạnh*.\n\n${n % 2 ? `![Ảnh ${n}](anh-${n}.jpg)` : '- Ý một\n- Ý hai'}\n`,
    );
  const odd: Record<string, string | Buffer> = {
    'yaml-hong.md': '---\ntitle: "Thiếu dấu nháy\ndate: 2024\n---\nNội dung.\n',
    'truong-la.md': '---\ntitle: Trường lạ\ndate: "2024-01-02T08:00:00+07:00"\nauthor: An\ntacgia: An\n---\nNội dung.\n',
    'khong-dau-bai.md': 'Chỉ có nội dung.\n',
    'than-trong.md': '---\ntitle: Trống\ndate: "2024-01-02T08:00:00+07:00"\nauthor: An\n---\n\n',
    'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\ntitle: BOM\n---\n')]),
    'ma-cu.md': Buffer.from([...Buffer.from('---\ntitle: Ti'), 0xea, ...Buffer.from('u\n---\n')]),
  };
  for (const [name, text] of Object.entries(odd)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** What a reader of the portal would get of a source: everything but the cache it was read with. */
const seen = (source: ArticleSource) => ({
  file: source.file,
  frontMatter: source.frontMatter,
  body: source.body,
  bodyLine: source.bodyLine,
  bodyDigest: source.bodyDigest,
  bodyBlank: source.bodyBlank,
  hasErrors: source.hasErrors,
  titleLine: source.lines(['title']),
  tagLine: source.lines(['tags', 0]),
});

function readAlone(dir: string): { sources: ReturnType<typeof seen>[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const sources = readArticles(dir, problems, new ReadingCache(), new SourceFiles()).map(seen);
  return { sources, problems };
}

/** Rewrites every file: what is read afterwards from the old text was read before. */
function rewrite(dir: string): void {
  for (const file of articleFiles(dir)) writeFileSync(file, '---\ntitle: Sửa sau\n---\nĐã sửa.\n');
}

test('articles the second thread read are the ones the build would have read: sources, problems and lines', async () => {
  const dir = articlesFolder(40);
  const alone = readAlone(dir);
  const files = new SourceFiles({ files: articleFiles(dir), siteFile: SITE_FILE });
  await files.readAheadEnded;
  const digests = Object.fromEntries(articleFiles(dir).map((file) => [file, sha256(readFileSync(file))]));
  rewrite(dir);
  const problems: Problem[] = [];
  const sources = readArticles(dir, problems, new ReadingCache(), files).map(seen);
  assert.deepEqual(sources, alone.sources);
  assert.deepEqual(problems, alone.problems);
  // Each odd file has its problem (the blank body is the article check's, not the reading's).
  assert.deepEqual([...new Set(problems.map((problem) => path.basename(problem.file)))].sort(), [
    'bom.md',
    'khong-dau-bai.md',
    'ma-cu.md',
    'truong-la.md',
    'yaml-hong.md',
  ]);
  assert.ok(sources.some((source) => source.body.includes('Đoạn mở đầu')));
  // Hashed as read: the manifest's digests are those of the bytes built, not of the files as they are now.
  for (const file of articleFiles(dir)) assert.equal(files.hash(file, `ten/${file}`), undefined);
  const named = files.digests();
  for (const [file, digest] of Object.entries(digests)) assert.equal(named[`ten/${file}`], digest);
});

test('the build reading while the thread reads: each article read once, by one side, as alone', () => {
  const dir = articlesFolder(600);
  const alone = readAlone(dir);
  const files = new SourceFiles({ files: articleFiles(dir), siteFile: SITE_FILE });
  const problems: Problem[] = [];
  const sources = readArticles(dir, problems, new ReadingCache(), files).map(seen);
  assert.deepEqual(sources, alone.sources);
  assert.deepEqual(problems, alone.problems);
});

test("an incremental build's thread only hashes: the same sources, problems and digests, from the bytes it read", async () => {
  const dir = articlesFolder(40);
  const alone = readAlone(dir);
  const files = new SourceFiles({ files: articleFiles(dir) });
  for (const file of articleFiles(dir)) assert.equal(files.hash(file), undefined);
  await files.readAheadEnded;
  const digests = Object.fromEntries(articleFiles(dir).map((file) => [file, sha256(readFileSync(file))]));
  rewrite(dir);
  const problems: Problem[] = [];
  const cache = new ReadingCache();
  const sources = readArticles(dir, problems, cache, files).map(seen);
  assert.deepEqual(sources, alone.sources);
  assert.deepEqual(problems, alone.problems);
  assert.deepEqual(files.digests(), digests);
});

test('the build reading while the thread hashes: each article read once, by one side, as alone', () => {
  const dir = articlesFolder(600);
  const alone = readAlone(dir);
  const problems: Problem[] = [];
  const sources = readArticles(dir, problems, new ReadingCache(), new SourceFiles({ files: articleFiles(dir) })).map(seen);
  assert.deepEqual(sources, alone.sources);
  assert.deepEqual(problems, alone.problems);
});

test('a file hashed but never read is hashed from disk; one the thread could not read is read (and reported) by the build', async () => {
  const dir = articlesFolder(3);
  const missing = path.join(dir, '2024', 'da-xoa.md');
  const files = new SourceFiles({ files: [...articleFiles(dir), missing], siteFile: SITE_FILE });
  const [first] = articleFiles(dir);
  files.hash(first);
  await files.readAheadEnded;
  assert.deepEqual(files.digests(), { [first]: sha256(readFileSync(first)) });
  assert.throws(() => files.read(missing), { code: 'ENOENT' });
  // Deleted before it was read: not built, so left out of the manifest's digests.
  rmSync(first);
  assert.deepEqual(files.digests(), {});
});

test('bodies the thread parsed are not parsed again: their facts, and the HTML of those with no link nor image', async () => {
  const dir = articlesFolder(30);
  const md = () => createMarkdown({ allowHtml: loadSiteSettings(SITE_FILE).allowHtml });
  const made = (sources: ArticleSource[], renderer: ReturnType<typeof md>) =>
    sources.map((source) => ({ facts: bodyFacts(renderer, source), html: bodyHtml(renderer, source, {}) }));
  const alone = made(readArticles(dir, [], new ReadingCache(), new SourceFiles()), md());
  const files = new SourceFiles({ files: articleFiles(dir), siteFile: SITE_FILE });
  await files.readAheadEnded;
  const renderer = md();
  let parsed = 0;
  const parse = renderer.parse.bind(renderer);
  renderer.parse = (text, env) => {
    parsed++;
    return parse(text, env);
  };
  const ahead = made(readArticles(dir, [], new ReadingCache(), files), renderer);
  assert.deepEqual(ahead, alone);
  assert.ok(alone.some(({ html }) => html.includes('<li>Ý một</li>')));
  // Parsed here only for their HTML: the bodies with a photo, which the page's photos change.
  assert.equal(parsed, alone.filter(({ facts }) => facts.references.length > 0).length);
  assert.equal(parsed, 15);
});
