// npm run build reads its sources on a worker thread while its code loads (src/publish/read-ahead.ts,
// sources.js): the manifest's hashes and the Markdown from the same bytes, read as the content check reads them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readArticles, readMarkdownFiles, type MarkdownAhead, type MarkdownSource } from '../../src/content/index.ts';
import { buildRoots, hashSources, readSourcesAhead } from '../../src/publish/index.ts';
import type { Problem } from '../../src/problems/index.ts';
import { pageContract } from '../../src/static-pages/index.ts';
import { ROOT, writeArticle } from '../support/build.ts';

/** A copy of the sample content, with an article in NFD and two that are not clean UTF-8. */
function content(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-read-ahead-'));
  cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
  const article = '---\ntitle: "Tiêu đề"\ndate: "2024-05-01T08:00:00+07:00"\nauthor: Thu Cúc\n---\nNội dung.\n';
  writeArticle(dir, '2025/nfd.md', article.normalize('NFD'));
  writeArticle(dir, '2025/bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(article)]));
  writeArticle(
    dir,
    '2025/cu.md',
    Buffer.concat([Buffer.from('---\ntitle: "H'), Buffer.from([0xe0, 0x20]), Buffer.from('"\n---\nx\n')]),
  );
  return dir;
}

const comparable = (sources: MarkdownSource<unknown>[]) =>
  sources.map(({ file, frontMatter, body, bodyLine, hasErrors }) => ({ file, frontMatter, body, bodyLine, hasErrors }));

test('the sources read ahead are the ones the build would hash and read itself', async () => {
  const dir = content();
  const ahead = readSourcesAhead(dir);
  assert.deepEqual(ahead.roots, buildRoots(dir));
  const read = await ahead.reading;
  assert.ok(read, 'the worker read them');
  assert.deepEqual(read.hashes, hashSources(ahead.roots, process.cwd()));
  // Every Markdown file of the content, by absolute path; NFC text, or null to be read again for its problem.
  const articles = path.join(dir, 'articles');
  assert.equal(
    read.markdown[path.join(articles, '2025/nfd.md')],
    readFileSync(path.join(articles, '2025/nfd.md'), 'utf8').normalize('NFC'),
  );
  assert.equal(read.markdown[path.join(articles, '2025/bom.md')], null);
  assert.equal(read.markdown[path.join(articles, '2025/cu.md')], null);
  assert.ok(Object.keys(read.markdown).every((file) => file.startsWith(`${dir}/`) && file.endsWith('.md')));

  // Read from them or from the disk, the content gives the same sources and the same problems.
  const readAll = (markdown?: MarkdownAhead) => {
    const problems: Problem[] = [];
    const sources = readArticles(articles, problems, undefined, markdown);
    const pages = readMarkdownFiles(path.join(dir, 'pages'), pageContract, problems, undefined, markdown);
    return { sources: comparable(sources), pages: comparable(pages), problems };
  };
  const fromDisk = readAll();
  assert.ok(fromDisk.pages.length > 3, "the sample's pages");
  assert.ok(fromDisk.sources.some((source) => source.file.endsWith('nfd.md')));
  assert.equal(fromDisk.problems.filter((problem) => /BOM|không phải UTF-8/.test(problem.message)).length, 2);
  assert.deepEqual(readAll(read.markdown), fromDisk);
});

test('missing folders are skipped, as the build skips them when it hashes them itself', async () => {
  const ahead = readSourcesAhead(path.join(tmpdir(), 'portal-no-such-content'));
  const read = await ahead.reading;
  assert.deepEqual(read?.hashes, hashSources(ahead.roots, process.cwd()));
  assert.deepEqual(read?.markdown, {});
});
