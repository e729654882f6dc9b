import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { acquireBuildLock, BuildLockedError, MANIFEST_FILE } from '../../src/publish/index.ts';
import { loadSiteSettings } from '../../src/site/index.ts';
import { ROOT, build, copyFixture, fileHashes, treeHash, type BuildRun } from '../support/build.ts';
import { writeCorpus } from '../support/corpus.ts';
import { NPM_RUN_BUILD } from '../../scripts/npm-scripts.ts';

/** The published files, but the manifest (it records the build's inputs, not its output). */
function siteHashes(dir: string): Map<string, string> {
  const hashes = fileHashes(dir);
  hashes.delete(MANIFEST_FILE);
  return hashes;
}

/** `npm run build` in the background, as a second editor (or a scheduled job) would start it. */
function buildInBackground(content: string, outputDir: string, imageCache: string): Promise<BuildRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, NPM_RUN_BUILD, {
      cwd: ROOT,
      env: {
        ...process.env,
        PORTAL_CONTENT: content,
        PORTAL_OUTPUT: outputDir,
        PORTAL_NOW: '2026-11-26T12:00:00+07:00',
        PORTAL_IMAGE_CACHE: imageCache,
      },
    });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr, outputDir }));
  });
}

test('two builds at once: one builds, the other refuses in Vietnamese, and the site is that of a clean build', async () => {
  const content = copyFixture('basic');
  // Enough articles that the first build still holds its lock while the second starts up (the fixture alone built too fast).
  const site = loadSiteSettings(path.join(content, '_data', 'site.yaml'));
  writeCorpus({ contentDir: content, articles: 400, categories: site.categories.map((c) => c.slug), images: [] });
  const clean = build(content);
  assert.equal(clean.status, 0, clean.stderr);
  const outputDir = path.join(mkdtempSync(path.join(tmpdir(), 'portal-site-')), '_site');
  const cache = mkdtempSync(path.join(tmpdir(), 'portal-cache-'));
  const first = buildInBackground(content, outputDir, cache);
  // The second starts while the first is at work (it holds its lock), or after 1.5 s at the latest.
  for (let waited = 0; waited < 1500 && !existsSync(`${outputDir}.lock`); waited += 20)
    await new Promise((resolve) => setTimeout(resolve, 20));
  const second = buildInBackground(content, outputDir, cache);
  const runs = await Promise.all([first, second]);

  assert.deepEqual(
    runs.map((run) => run.status),
    [0, 1],
    runs.map((run) => run.stderr).join('\n'),
  );
  assert.match(runs[1].stderr, /Một lần dựng khác đang chạy \(tiến trình \d+, bắt đầu lúc .*\) và ghi vào cùng thư mục/);
  assert.doesNotMatch(runs[1].stderr, /\n\s+at |ENOENT/);
  assert.deepEqual(siteHashes(outputDir), siteHashes(clean.outputDir));
  assert.equal(existsSync(`${outputDir}.lock`), false, 'the lock is released');
});

test('a lock held by a running build: the build refuses and leaves the published site as it was', () => {
  const content = copyFixture('basic');
  const published = build(content);
  const before = treeHash(published.outputDir);
  const running = spawn('sleep', ['30']);
  try {
    const owner = { pid: running.pid, host: hostname(), started: '2026-11-26T05:00:00.000Z' };
    writeFileSync(`${published.outputDir}.lock`, JSON.stringify(owner));
    const run = build(content, {}, published.outputDir);
    assert.equal(run.status, 1);
    assert.match(run.stderr, new RegExp(`tiến trình ${running.pid}, bắt đầu lúc 2026-11-26T05:00:00.000Z`));
    assert.match(run.stderr, /Trang đã xuất bản trước đó ở .* được giữ nguyên/);
    assert.equal(treeHash(published.outputDir), before);
  } finally {
    running.kill();
  }
});

test("a killed build's lock is detected, cleared, and said so", () => {
  const content = copyFixture('basic');
  const outputDir = path.join(mkdtempSync(path.join(tmpdir(), 'portal-site-')), '_site');
  const gone = spawnSync('true').pid;
  writeFileSync(`${outputDir}.lock`, JSON.stringify({ pid: gone, host: hostname(), started: '2026-11-26T05:00:00.000Z' }));
  const run = build(content, {}, outputDir);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, new RegExp(`Đã gỡ khóa của một lần dựng bị dừng giữa chừng \\(tiến trình ${gone}`));
  assert.equal(existsSync(`${outputDir}.lock`), false);
});

test("a killed build's lock that names this very process's pid (pids repeat, in containers alike) is cleared; one this process holds is not", () => {
  const outputDir = path.join(mkdtempSync(path.join(tmpdir(), 'portal-site-')), '_site');
  writeFileSync(`${outputDir}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), started: '2026-11-26T05:00:00.000Z' }));
  const lock = acquireBuildLock(outputDir);
  try {
    assert.equal(lock.cleared?.started, '2026-11-26T05:00:00.000Z');
    assert.throws(() => acquireBuildLock(outputDir), BuildLockedError);
  } finally {
    lock.release();
  }
  assert.equal(existsSync(`${outputDir}.lock`), false);
});
