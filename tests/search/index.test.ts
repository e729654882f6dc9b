import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build, copyFixture, page, treeHash, type BuildRun } from '../support/build.ts';

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
    assert.match(run.stdout, new RegExp(`Chỉ mục tìm kiếm: ${articleCount()} tin bài`));
  });

  test("without Pagefind's own search interfaces, which the portal does not use", () => {
    const files = readdirSync(path.join(run.outputDir, 'pagefind'));
    assert.ok(files.includes('pagefind.js') && files.includes('pagefind-worker.js'), files.join(', '));
    assert.deepEqual(
      files.filter((f) => /ui\.(js|css)$|highlight/.test(f)),
      [],
    );
  });

  test('article pages mark what is indexed, with filters, meta and sort key', () => {
    const $ = page(run.outputDir, '/tin-tuc/dang-uy-tinh-tong-ket/');
    const body = $('[data-pagefind-body]');
    assert.equal(body.length, 1);
    assert.ok(body.is('article'));
    assert.equal(body.attr('data-pf-category'), 'Chính trị');
    assert.equal(body.attr('data-pf-year'), '2024');
    assert.equal(body.attr('data-pf-date'), '2024-12-20T09:00:00+07:00');
    assert.match(body.attr('data-pagefind-sort') ?? '', /date\[data-pf-date\]/);
    assert.deepEqual(
      $('[data-pagefind-filter^="tag"]')
        .map((_, a) => $(a).attr('data-pf-tag'))
        .get(),
      ['Đảng ủy', 'Xây dựng Đảng'],
    );
    assert.equal($('[data-pagefind-meta="category"]').text(), 'Chính trị');
    // Header, menus, footer and "Các tin khác" are outside the indexed element.
    for (const outside of ['header', 'nav.main-menu', 'footer', 'section.related']) {
      assert.equal(
        $(outside).closest('[data-pagefind-body]').length + $(outside).find('[data-pagefind-body]').length,
        0,
        outside,
      );
    }
  });

  test('other pages are not indexed', () => {
    for (const url of ['/', '/chuyen-muc/chinh-tri/', '/the/dang-uy/', '/tim-kiem/', '/so-do-trang/']) {
      assert.equal(page(run.outputDir, url)('[data-pagefind-body]').length, 0, url);
    }
  });
});

test('when indexing fails, the build stops and the published site is kept', () => {
  const before = treeHash(run.outputDir);
  const failed = build(content, { PAGEFIND_BINARY_PATH: path.join(content, 'khong-co-pagefind') }, run.outputDir);
  assert.equal(failed.status, 1);
  assert.match(failed.stderr, /Không lập được chỉ mục tìm kiếm \(Pagefind\)/);
  assert.match(failed.stderr, /Trang đã xuất bản trước đó được giữ nguyên/);
  assert.equal(treeHash(run.outputDir), before);
  assert.equal(existsSync(`${run.outputDir}.next`), false, 'no half-built site left behind');
});
