// The staging folder of an incremental build started from the spare (the site the build before
// replaced): the spare's files are the published site's own where the two share them (hard links),
// so what is left in it when writers start must be exactly what the build keeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  keepPreviousFiles,
  listFiles,
  reuseUnchangedFiles,
  writtenFiles,
  type FileDescription,
} from '../../src/incremental/index.ts';

const MANIFEST = '.manifest.json';
const ASIDE = { aside: 'pagefind', rewrittenAside: ['pagefind/words'] };

const describe = (bytes: string): FileDescription => ({
  size: Buffer.byteLength(bytes),
  sha256: createHash('sha256').update(bytes).digest('hex'),
});

/** Writes `files` under `dir` with a manifest listing them; returns their descriptions. */
function site(dir: string, files: Record<string, string>): Record<string, FileDescription> {
  for (const [file, bytes] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), bytes);
  }
  const described = Object.fromEntries(Object.entries(files).map(([file, bytes]) => [file, describe(bytes)]));
  writeFileSync(path.join(dir, MANIFEST), JSON.stringify({ files: described }));
  return described;
}

/** The published site, and a spare that shares its unchanged files with it (as after an edit's build). */
function publishedAndSpare() {
  const work = mkdtempSync(path.join(tmpdir(), 'portal-spare-'));
  const [live, staging] = [path.join(work, '_site'), path.join(work, '_site.next')];
  const shared = {
    'tin-tuc/a/index.html': '<p>a</p>',
    'tin-tuc/b/index.html': '<p>b</p>',
    'index.html': '<p>trang chủ</p>',
    'assets/site.css': 'body{}',
    'pagefind/2025/fragment/x.pf_fragment': 'x',
    'pagefind/words/abc.pf_words': 'words',
    'pagefind/shards.json': '{}',
  };
  const liveFiles = site(live, { ...shared, 'tin-tuc/c/index.html': '<p>c, sửa</p>' });
  // The spare: the same files as hard links, but c (edited since) and d (deleted since).
  for (const file of Object.keys(shared)) {
    mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
    linkSync(path.join(live, file), path.join(staging, file));
  }
  site(staging, { 'tin-tuc/c/index.html': '<p>c</p>', 'tin-tuc/d/index.html': '<p>d</p>' });
  const spareManifest = JSON.parse(readFileSync(path.join(staging, MANIFEST), 'utf8'));
  for (const file of Object.keys(shared)) spareManifest.files[file] = liveFiles[file];
  writeFileSync(path.join(staging, MANIFEST), JSON.stringify(spareManifest));
  return { live, staging, liveFiles };
}

/** What publishedAndSpare's spare holds that a build may keep: pages as published, a search shard's files. */
const KEEPABLE = ['index.html', 'pagefind/2025/fragment/x.pf_fragment', 'tin-tuc/a/index.html', 'tin-tuc/b/index.html'];

const sameFile = (a: string, b: string) => statSync(a).ino === statSync(b).ino;

test('from the spare: before anything is written, only the files the build may keep are left, and they are the published ones', async (t) => {
  const { live, staging, liveFiles } = publishedAndSpare();
  const keeping = keepPreviousFiles(live, liveFiles, staging, ASIDE, MANIFEST);
  t.after(() => keeping.stop());
  await keeping.ready;
  // Pages the same as the published ones, and a search shard's files; not what changed, was deleted, or is always written.
  assert.deepEqual(listFiles(staging), KEEPABLE);
  // The plan keeps a, b (not in the spare as it is) and the shard; it renders the home page and c.
  const { cleared, kept } = keeping.link(
    ['tin-tuc/a/index.html', 'tin-tuc/c/index.html', 'pagefind/2025/fragment/x.pf_fragment'],
    [],
  );
  await cleared;
  await kept;
  assert.deepEqual(listFiles(staging), ['pagefind/2025/fragment/x.pf_fragment', 'tin-tuc/a/index.html', 'tin-tuc/c/index.html']);
  for (const file of listFiles(staging)) assert.ok(sameFile(path.join(staging, file), path.join(live, file)), file);
  assert.equal(readFileSync(path.join(live, 'index.html'), 'utf8'), '<p>trang chủ</p>');
  // The deleted page's folder goes once the output is known.
  await keeping.finish(Object.fromEntries(listFiles(staging).map((file) => [file, liveFiles[file]])));
  assert.equal(existsSync(path.join(staging, 'tin-tuc/d')), false);
  assert.equal(existsSync(path.join(staging, 'tin-tuc/b')), false);
});

test("a file the spare's manifest does not name (put in the published site by hand) leaves before anything is written", async (t) => {
  const { live, staging, liveFiles } = publishedAndSpare();
  writeFileSync(path.join(staging, 'google123.html'), 'xác minh');
  writeFileSync(path.join(staging, 'tin-tuc/a/ghi-chu.txt'), 'ghi chú');
  const keeping = keepPreviousFiles(live, liveFiles, staging, ASIDE, MANIFEST);
  t.after(() => keeping.stop());
  await keeping.ready;
  assert.deepEqual(listFiles(staging), KEEPABLE);
});

test('a spare whose manifest names a path outside it is not used: the staging folder starts empty, nothing outside is touched', async (t) => {
  const { live, staging, liveFiles } = publishedAndSpare();
  const manifest = JSON.parse(readFileSync(path.join(staging, MANIFEST), 'utf8'));
  manifest.files['../_site/index.html'] = liveFiles['index.html'];
  writeFileSync(path.join(staging, MANIFEST), JSON.stringify(manifest));
  const keeping = keepPreviousFiles(live, liveFiles, staging, ASIDE, MANIFEST);
  t.after(() => keeping.stop());
  await keeping.ready;
  assert.deepEqual(listFiles(staging), []);
  assert.ok(existsSync(path.join(live, 'index.html')));
});

test('a build that fails before the spare is ready does not crash on it', async () => {
  const { live, staging, liveFiles } = publishedAndSpare();
  const unhandled: unknown[] = [];
  const listen = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', listen);
  try {
    await keepPreviousFiles(live, liveFiles, staging, ASIDE, MANIFEST).stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', listen);
  }
});

test('a kept file missing from the staging folder (a spare that lost it) is linked from the published site', async (t) => {
  const { live, staging, liveFiles } = publishedAndSpare();
  const page = 'tin-tuc/a/index.html';
  rmSync(path.join(staging, path.dirname(page)), { recursive: true });
  const keeping = keepPreviousFiles(live, liveFiles, staging, ASIDE, MANIFEST);
  t.after(() => keeping.stop());
  await keeping.ready;
  const { cleared, kept } = keeping.link([page], []);
  await cleared;
  assert.deepEqual(await kept, { [page]: liveFiles[page] });
  assert.ok(sameFile(path.join(staging, page), path.join(live, page)));
});

test('what the build wrote is described, and what it wrote with the published bytes is the published file; the page folders are not listed', () => {
  const { live, staging, liveFiles } = publishedAndSpare();
  rmSync(staging, { recursive: true });
  const kept = { 'tin-tuc/a/index.html': liveFiles['tin-tuc/a/index.html'] };
  const written = {
    'tin-tuc/c/index.html': '<p>c, sửa lần nữa</p>',
    'tin-tuc/b/index.html': '<p>b</p>',
    'index.html': '<p>trang chủ</p>',
  };
  const ofItsOwn = { 'assets/site.css': 'body{}', 'pagefind/shards.json': '{"mới":1}', 'feed.xml': '<rss/>' };
  site(staging, { ...written, ...ofItsOwn });
  rmSync(path.join(staging, MANIFEST));
  mkdirSync(path.join(staging, 'tin-tuc/a'));
  linkSync(path.join(live, 'tin-tuc/a/index.html'), path.join(staging, 'tin-tuc/a/index.html'));
  // Never listed: a page folder holds the pages written and the kept files only.
  writeFileSync(path.join(staging, 'tin-tuc/b/stray.txt'), 'x');
  const described = Object.fromEntries(Object.entries(written).map(([file, bytes]) => [file, describe(bytes)]));
  const made = writtenFiles(staging, described, ['assets', 'img', 'pagefind']);
  assert.deepEqual(made, [
    'assets/site.css',
    'feed.xml',
    'index.html',
    'pagefind/shards.json',
    'tin-tuc/b/index.html',
    'tin-tuc/c/index.html',
  ]);
  const files = reuseUnchangedFiles(live, liveFiles, staging, kept, { made, written: described });
  const all = { ...written, ...ofItsOwn };
  assert.deepEqual(files, {
    ...kept,
    ...Object.fromEntries(Object.entries(all).map(([file, bytes]) => [file, describe(bytes)])),
  });
  assert.deepEqual(Object.keys(files), Object.keys(files).sort());
  // The same bytes as published: the published file. New bytes: the new file.
  for (const file of ['tin-tuc/b/index.html', 'index.html', 'assets/site.css', 'tin-tuc/a/index.html'])
    assert.ok(sameFile(path.join(staging, file), path.join(live, file)), file);
  for (const file of ['tin-tuc/c/index.html', 'pagefind/shards.json'])
    assert.ok(!sameFile(path.join(staging, file), path.join(live, file)), file);
});
