import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { swapDForIndex, toIndexerHtml } from '../../src/search/index.ts';
import { ROOT } from '../support/build.ts';

// The query side is a browser module; it has no DOM code, so Node can load it as is.
const browserModule = pathToFileURL(path.join(ROOT, 'assets/js/vietnamese-search.js')).href;
const querySide: {
  toPagefindQuery(text: string): string;
  toReaderText(text: string): string;
  hasDiacritics(text: string): boolean;
  onlyPrefixFallback(query: string, excerpt: string): boolean;
} = await import(browserModule);

describe("the indexer's copy of a page", () => {
  test('swaps đ/Đ in text and keeps attributes, so filter values stay real', () => {
    const html = '<a href="/the/dang-uy/" data-pf-tag="Đảng ủy" title="đường">Đảng ủy đang họp</a>';
    assert.equal(
      toIndexerHtml(html),
      '<a href="/the/dang-uy/" data-pf-tag="Đảng ủy" title="đường">\u1E0Eảng ủy \u1E0Fang họp</a>',
    );
  });

  test('decomposed (NFD) pages become precomposed (NFC)', () => {
    const nfd = '<h1 data-pf-category="Kinh tế">Nông thôn mới</h1>'.normalize('NFD');
    assert.equal(toIndexerHtml(nfd), '<h1 data-pf-category="Kinh tế">Nông thôn mới</h1>');
  });

  test('đ written as a character reference is swapped too', () => {
    assert.equal(
      toIndexerHtml('<p>&#272;&#x1EA3;ng &#273;&#x111;&dstrok;&Dstrok; &amp;</p>'),
      '<p>\u1E0E&#x1EA3;ng \u1E0F\u1E0F\u1E0F\u1E0E &amp;</p>',
    );
  });

  test('leaves scripts, styles, comments and quoted ">" in attributes alone', () => {
    const html =
      '<script type="application/ld+json">{"headline":"Đảng"}</script><style>.đ{}</style><!-- Đà Nẵng --><img alt="a > Đà">Đà';
    assert.equal(
      toIndexerHtml(html),
      '<script type="application/ld+json">{"headline":"Đảng"}</script><style>.đ{}</style><!-- Đà Nẵng --><img alt="a > Đà">\u1E0Eà',
    );
  });
});

describe('the query side (assets/js/vietnamese-search.js) mirrors the indexer', () => {
  const samples = ['Đảng ủy', 'dang uy', 'Đà Nẵng', 'được', 'xã hội hóa', 'ĐỒNG ĐẤT đỏ'];

  test('a query is spelled as the index spells the same text', () => {
    for (const text of samples) {
      assert.equal(querySide.toPagefindQuery(text), swapDForIndex(text), text);
      assert.equal(querySide.toPagefindQuery(text.normalize('NFD')), swapDForIndex(text), `${text} (NFD)`);
    }
    assert.equal(querySide.toPagefindQuery('  dang \t uy  '), 'dang uy');
  });

  test('what Pagefind returns is shown with the real đ/Đ', () => {
    for (const text of samples) assert.equal(querySide.toReaderText(swapDForIndex(text)), text);
    assert.equal(querySide.toReaderText('<mark>\u1E0Eảng</mark> ủy'), '<mark>Đảng</mark> ủy');
  });

  test('only accented queries ask for exact-accent matches first', () => {
    assert.equal(querySide.hasDiacritics(querySide.toPagefindQuery('Đảng')), true);
    assert.equal(querySide.hasDiacritics(querySide.toPagefindQuery('đang')), true);
    assert.equal(querySide.hasDiacritics('dang uy'), false);
  });

  test('a result that only matched a shorter word is recognised', () => {
    assert.equal(querySide.onlyPrefixFallback('bitcoin', 'đồng chí <mark>Bí</mark> thư'), true);
    assert.equal(querySide.onlyPrefixFallback('dang', '<mark>\u1E0Eảng</mark> ủy'), false);
    assert.equal(querySide.onlyPrefixFallback('nong thon', 'xây dựng <mark>nông</mark> <mark>thôn</mark>'), false);
    assert.equal(querySide.onlyPrefixFallback('Đà Nẵng', 'tại <mark>Đà</mark> <mark>Nẵng.</mark>'), false);
    assert.equal(querySide.onlyPrefixFallback('Đảng ủy', 'only meta matched, nothing marked'), false);
  });
});
