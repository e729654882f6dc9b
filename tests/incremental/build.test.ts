// npm run build on the previous _site (src/incremental): after each kind of edit, the incremental
// build must write exactly what a full build from scratch writes, and leave every unchanged file alone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { firstFive } from '../../scripts/bench/relevance.ts';
import { generateCorpus } from '../../scripts/corpus/generate.ts';
import { routes } from '../../src/routes/index.ts';
import type { ShardPlan } from '../../src/search/index.ts';
import { launchBrowser } from '../support/browser.ts';
import { build, fileHashes, page, text, type BuildRun } from '../support/build.ts';
import { serveSite } from '../support/static-server.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-incremental-'));
const content = path.join(work, 'content');
const outputDir = path.join(work, 'site', '_site');
let browser: Browser;
/** The URL of the article the deletion test removed. */
let deleted: string | undefined;
/** Small search shards, so the 100 articles' index is several (src/search/shards.ts) and an edit re-indexes one. */
const SHARDS = { PORTAL_SEARCH_SHARD_PAGES: '20' };

/** The generated articles, oldest file name first, as paths relative to content/articles/. */
const articleFiles = () =>
  (readdirSync(path.join(content, 'articles'), { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).sort();
const articleFile = (index: number) => path.join(content, 'articles', articleFiles()[index]);
const urlOf = (file: string) => `/tin-tuc/${path.basename(file, '.md')}/`;
const edit = (file: string, change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, 'utf8')));

/** Inode of every file of the output: a file the build kept is the same file, not a copy. */
function inodes(dir: string): Map<string, number> {
  return new Map([...fileHashes(dir).keys()].map((file) => [file, statSync(path.join(dir, file)).ino]));
}

/** Every folder of the output: a deleted page's folder must go too, as a full build would not make it. */
const folders = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();

interface Compared {
  incremental: BuildRun;
  /** Files whose bytes changed, and those kept as the very same file. */
  changed: string[];
  keptFiles: number;
  /** Whether the build started from the site the build before it replaced. */
  fromSpare: boolean;
}

/**
 * Builds incrementally onto the previous output, and renders everything (PORTAL_FULL_BUILD=1) onto a copy
 * of it: the two must be identical. A copy, because published-urls.json carries the previous build's list on purpose.
 */
function buildBoth(): Compared {
  const before = fileHashes(outputDir);
  const beforeInodes = inodes(outputDir);
  const fullOutput = path.join(mkdtempSync(path.join(tmpdir(), 'portal-full-')), '_site');
  cpSync(outputDir, fullOutput, { recursive: true });
  // From the second edit on, the build starts from the site the one before replaced (the spare), whose files
  // are the published ones where the two builds share them.
  const fromSpare = existsSync(`${outputDir}.spare`);
  const incremental = build(content, SHARDS, outputDir);
  assert.equal(incremental.status, 0, incremental.stderr);
  // The replaced site is kept as it was: no file the build wrote was one the published site served.
  assert.deepEqual(fileHashes(`${outputDir}.spare`), before, 'the replaced site changed during the build');
  const full = build(content, { ...SHARDS, PORTAL_FULL_BUILD: '1' }, fullOutput);
  assert.equal(full.status, 0, full.stderr);
  assert.doesNotMatch(full.stdout, /Dựng tăng dần/);
  const [got, expected] = [fileHashes(outputDir), fileHashes(full.outputDir)];
  const differing = [...new Set([...got.keys(), ...expected.keys()])].filter((file) => got.get(file) !== expected.get(file));
  assert.deepEqual(differing, [], 'the incremental build differs from a full build');
  assert.deepEqual(folders(outputDir), folders(full.outputDir), 'the incremental build has other folders than a full build');
  const afterInodes = inodes(outputDir);
  const changed = [...got.keys()].filter((file) => before.get(file) !== got.get(file));
  const unchanged = [...got.keys()].filter((file) => before.get(file) === got.get(file));
  // The manifest is rewritten on every build, as the record of the build that is live.
  const rewritten = unchanged.filter((file) => afterInodes.get(file) !== beforeInodes.get(file) && file !== '.portal-build.json');
  assert.deepEqual(rewritten, [], 'files whose bytes did not change were written again');
  assert.match(incremental.stdout, /Dựng tăng dần: giữ nguyên \d+ trang/);
  return { incremental, changed, keptFiles: unchanged.length, fromSpare };
}

before(async () => {
  generateCorpus({ articles: 100, seed: 7, dir: content });
  const first = build(content, SHARDS, outputDir);
  assert.equal(first.status, 0, first.stderr);
  assert.doesNotMatch(first.stdout, /Dựng tăng dần/, 'the first build has nothing to keep');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

describe('an incremental build is byte-identical to a full build', () => {
  test('after a body edit: the article page and its search shard change, the lists, other articles and shards do not', () => {
    const file = articleFile(40);
    edit(file, (t) => `${t}\nĐoạn văn mới thêm vào cuối bài để kiểm tra bản dựng tăng dần.\n`);
    const { changed, incremental, fromSpare } = buildBoth();
    assert.equal(fromSpare, false, 'the first build replaced no site');
    const html = changed.filter((f) => f.endsWith('.html'));
    assert.deepEqual(html, [`${urlOf(file).slice(1)}index.html`], `pages rewritten: ${html.join(', ')}`);
    // Pagefind ran on the edited article's shard only: the recent shard if its months hold the article's, else the
    // shard whose years do.
    const shards = (JSON.parse(readFileSync(path.join(outputDir, 'pagefind/shards.json'), 'utf8')) as ShardPlan).shards;
    assert.ok(shards.length >= 3, `${shards.length} shards`);
    assert.match(incremental.stdout, new RegExp(`lập lại 1 phần, giữ nguyên ${shards.length - 1} phần không đổi`));
    const month = readFileSync(file, 'utf8').match(/^date: "?(\d{4}-\d{2})/m)![1];
    const span = (name: string, unit: RegExp) => {
      const [, first, last = first] = name.match(unit) ?? [];
      return first !== undefined && first <= month.slice(0, first.length) && month.slice(0, first.length) <= last;
    };
    const own =
      shards.find(({ name }) => span(name, /^(\d{4}-\d{2})(?:-(\d{4}-\d{2}))?$/)) ??
      shards.find(({ name }) => span(name, /^(\d{4})(?:-(\d{4}))?$/))!;
    const index = changed.filter((f) => f.startsWith('pagefind/'));
    assert.ok(index.length > 0, 'the index changed');
    // Besides the shard, at most the word table (the new words) and the list of its chunks.
    assert.deepEqual(
      index.filter(
        (f) => !f.startsWith(`pagefind/${own.name}/`) && !f.startsWith('pagefind/words/') && f !== 'pagefind/shards.json',
      ),
      [],
      `only pagefind/${own.name}/ changed`,
    );
    assert.match(text(page(outputDir, urlOf(file)), '.article-body'), /Đoạn văn mới thêm vào cuối bài/);
  });

  test('after a title edit: the article, its lists and the pages showing it change; search finds the new title', async () => {
    const file = articleFile(60);
    edit(file, (t) => t.replace(/^title: .*$/m, 'title: "Tỉnh khánh thành cầu treo Pác Nặm mới"'));
    const { changed, fromSpare } = buildBoth();
    assert.ok(fromSpare, 'the body edit’s build kept the site it replaced');
    assert.equal(text(page(outputDir, urlOf(file)), 'h1'), 'Tỉnh khánh thành cầu treo Pác Nặm mới');
    assert.ok(
      changed.some((f) => /^chuyen-muc\//.test(f)),
      `its category page changed: ${changed.join(', ')}`,
    );
    const server = await serveSite(outputDir);
    try {
      const tab = await browser.newPage();
      await tab.goto(`${server.origin}/tim-kiem/`);
      const [top] = await firstFive(tab, ['cầu treo Pác Nặm'], 'portal');
      assert.equal(top[0], path.basename(file, '.md'));
      await tab.close();
    } finally {
      await server.close();
    }
  });

  test('after a tag change: the article, the old and the new tag pages change', () => {
    const file = articleFile(80);
    edit(file, (t) => t.replace(/^tags: .*$/m, 'tags: ["Cầu treo dân sinh"]'));
    const { changed } = buildBoth();
    assert.ok(changed.includes(`${routes.tag('cau-treo-dan-sinh').slice(1)}index.html`), changed.join(', '));
    const $ = page(outputDir, urlOf(file));
    assert.deepEqual(
      $('.tags a')
        .map((_, a) => $(a).text())
        .get(),
      ['Cầu treo dân sinh'],
    );
  });

  test('after a new article: its page, the lists, the home page and the feed change', () => {
    const source = articleFile(90);
    const added = path.join(path.dirname(source), 'bai-moi-them-vao.md');
    writeFileSync(added, readFileSync(source, 'utf8').replace(/^title: .*$/m, 'title: "Bài mới thêm vào cổng thông tin"'));
    const { changed } = buildBoth();
    assert.ok(changed.includes(`${urlOf(added).slice(1)}index.html`));
    assert.equal(text(page(outputDir, urlOf(added)), 'h1'), 'Bài mới thêm vào cổng thông tin');
  });

  test('after a deletion: its page is gone and no page links to it', () => {
    const file = articleFile(100);
    const url = urlOf(file);
    renameSync(file, path.join(work, 'deleted.md'));
    const { changed } = buildBoth();
    assert.ok(!fileHashes(outputDir).has(`${url.slice(1)}index.html`));
    assert.ok(changed.length > 0);
    const linking = [...fileHashes(outputDir).keys()].filter(
      (f) => f.endsWith('.html') && readFileSync(path.join(outputDir, f), 'utf8').includes(`href="${url}"`),
    );
    assert.deepEqual(linking, []);
    unlinkSync(path.join(work, 'deleted.md'));
    deleted = url;
  });

  test('after an edit that follows a deletion: the deleted page and its folder stay gone, though the spare had them', () => {
    assert.ok(deleted, 'the deletion was built');
    const page = `${deleted.slice(1)}index.html`;
    assert.ok(existsSync(path.join(`${outputDir}.spare`, page)), 'the site the deletion replaced has the page');
    edit(articleFile(20), (t) => `${t}\nThêm một câu sau khi đã xóa bài.\n`);
    const { fromSpare } = buildBoth();
    assert.ok(fromSpare);
    assert.equal(existsSync(path.join(outputDir, path.dirname(page))), false);
  });
});
