import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build, copyFixture, treeHash, type BuildRun } from '../support/build.ts';

let run: BuildRun;
let content: string;

before(() => {
  content = copyFixture('search');
  run = build(content);
  assert.equal(run.status, 0, run.stderr);
});

const articleCount = () =>
  (readdirSync(path.join(content, 'articles'), { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).length;

describe('npm run build writes the search index', () => {
  test('into pagefind/, with one page per article and nothing else', () => {
    const entry = JSON.parse(readFileSync(path.join(run.outputDir, 'pagefind/pagefind-entry.json'), 'utf8'));
    assert.deepEqual(Object.keys(entry.languages), ['vi']);
    assert.equal(entry.languages.vi.page_count, articleCount());
    assert.match(run.stdout, new RegExp(`Chỉ mục tìm kiếm: ${articleCount()} mục`));
  });

  test("without Pagefind's own search interfaces, which the portal does not use", () => {
    const files = readdirSync(path.join(run.outputDir, 'pagefind'));
    assert.ok(files.includes('pagefind.js') && files.includes('pagefind-worker.js'), files.join(', '));
    assert.deepEqual(
      files.filter((f) => /ui\.(js|css)$|highlight/.test(f)),
      [],
    );
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
  assert.equal(existsSync(`${run.outputDir}.next`), false, 'no half-built site left behind');
});
