import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ShardPlan } from '../../src/search/index.ts';
import { ROOT, build, copyFixture, treeHash, type BuildRun } from '../support/build.ts';
import { NPM_RUN_BUILD } from '../../scripts/npm-scripts.ts';

let run: BuildRun;
let content: string;

before(() => {
  content = copyFixture('search');
  // At most 4 pages a shard: the fixture's 13 articles of 2021–2024 make 4 shards.
  run = build(content, { PORTAL_SEARCH_SHARD_PAGES: '4' });
  assert.equal(run.status, 0, run.stderr);
});

const articleCount = () =>
  (readdirSync(path.join(content, 'articles'), { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).length;

describe('npm run build writes the search index', () => {
  const plan = () => JSON.parse(readFileSync(path.join(run.outputDir, 'pagefind/shards.json'), 'utf8')) as ShardPlan;
  const entry = (shard: string) =>
    JSON.parse(readFileSync(path.join(run.outputDir, 'pagefind', shard, 'pagefind-entry.json'), 'utf8'));

  test('into pagefind/, in shards of whole years, newest first, with one page per article and nothing else', () => {
    const { shards } = plan();
    assert.deepEqual(
      shards.map((shard) => shard.name),
      ['2024', '2023', '2022', '2021'],
    );
    for (const shard of shards) {
      assert.deepEqual(Object.keys(entry(shard.name).languages), ['vi']);
      assert.equal(entry(shard.name).languages.vi.page_count, shard.pages, shard.name);
    }
    assert.equal(
      shards.reduce((sum, shard) => sum + shard.pages, 0),
      articleCount(),
    );
    assert.deepEqual(
      readdirSync(path.join(run.outputDir, 'pagefind')).sort(),
      [...shards.map((shard) => shard.name), 'shards.json', 'words'].sort(),
    );
    assert.match(run.stdout, new RegExp(`Chỉ mục tìm kiếm: ${articleCount()} mục`));
  });

  test("each shard a whole bundle, without Pagefind's own search interfaces, which the portal does not use", () => {
    for (const { name } of plan().shards) {
      const files = readdirSync(path.join(run.outputDir, 'pagefind', name));
      assert.ok(files.includes('pagefind.js') && files.includes('pagefind-worker.js'), files.join(', '));
      assert.deepEqual(
        files.filter((f) => /ui\.(js|css)$|highlight/.test(f)),
        [],
      );
    }
  });

  test('no page carries Pagefind markup: what is indexed is decided by the search documents alone', () => {
    const pages = (readdirSync(run.outputDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
    assert.ok(pages.length > 20);
    const marked = pages.filter((file) => /data-pagefind-|data-pf-/.test(readFileSync(path.join(run.outputDir, file), 'utf8')));
    assert.deepEqual(marked, []);
  });
});

test('when indexing fails, the build stops and the published site is kept', () => {
  const before = treeHash(run.outputDir);
  const failed = build(content, { PAGEFIND_BINARY_PATH: path.join(content, 'khong-co-pagefind') }, run.outputDir);
  assert.equal(failed.status, 1);
  assert.match(failed.stderr, /Không lập được chỉ mục tìm kiếm \(Pagefind\)/);
  assert.match(failed.stderr, /Trang đã xuất bản trước đó ở .*_site được giữ nguyên/);
  assert.equal(treeHash(run.outputDir), before);
  assert.deepEqual(
    readdirSync(path.dirname(run.outputDir)).filter((name) => name.startsWith('_site.next')),
    [],
    'no half-built site left behind',
  );
});

test('a build stopped while Pagefind indexes stops Pagefind too, and its documents leave the memory', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-pagefind-stop-'));
  // A Pagefind that takes its time and, like Pagefind started in the background of a shell, outlives Ctrl+C;
  // it writes its process id down once it runs. The search documents go to a folder of the test's.
  const standIn = path.join(dir, 'pagefind-cham');
  writeFileSync(
    standIn,
    "#!/usr/bin/env node\nprocess.on('SIGINT', () => {});\nrequire('node:fs').writeFileSync(process.env.STAND_IN_PID, String(process.pid));\nsetTimeout(() => {}, 60_000);\n",
    { mode: 0o755 },
  );
  const scratch = path.join(dir, 'scratch');
  mkdirSync(scratch);
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const ways = {
    'the build process is terminated': (pid: number) => process.kill(pid, 'SIGTERM'),
    'Ctrl+C reaches the whole process group': (pid: number) => process.kill(-pid, 'SIGINT'),
  };
  for (const [way, stop] of Object.entries(ways)) {
    const pidFile = path.join(dir, `${way.length}.pid`);
    const building = spawn(process.execPath, NPM_RUN_BUILD, {
      cwd: ROOT,
      env: {
        ...process.env,
        PORTAL_CONTENT: content,
        PORTAL_OUTPUT: path.join(dir, '_site'),
        PAGEFIND_BINARY_PATH: standIn,
        PORTAL_SEARCH_SCRATCH: scratch,
        STAND_IN_PID: pidFile,
      },
      stdio: 'ignore',
      detached: true, // its own process group, as a terminal gives a command
    });
    const exited = new Promise((resolve) => building.on('exit', resolve));
    for (let waited = 0; !existsSync(pidFile); waited += 50) {
      assert.ok(waited < 60_000, `${way}: Pagefind never started`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const pagefind = Number(readFileSync(pidFile, 'utf8'));
    assert.ok(alive(pagefind) && readdirSync(scratch).length, `${way}: Pagefind runs on the documents`);
    stop(building.pid!);
    await exited;
    for (let waited = 0; alive(pagefind) || readdirSync(scratch).length; waited += 50) {
      assert.ok(waited < 3000, `${way}: ${alive(pagefind) ? 'Pagefind still runs' : 'the search documents are left'}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
});
