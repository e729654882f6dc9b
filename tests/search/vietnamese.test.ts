import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { oneSpelling, swapDForIndex, toIndexerHtml } from '../../src/search/index.ts';
import { ROOT } from '../support/build.ts';

// The query side is a browser module; it has no DOM code, so Node can load it as is.
const browserModule = pathToFileURL(path.join(ROOT, 'assets/js/vietnamese-search.js')).href;
const querySide: {
  toPagefindQuery(text: string): string;
  toReaderText(text: string): string;
  hasDiacritics(text: string): boolean;
  onlyPrefixFallback(query: string, excerpt: string): boolean;
  oneSpelling(text: string): string;
  excerptFor(content: string, words: string[], prefixes?: boolean, title?: string): string;
  holdsPhrase(text: string, words: string[], exact: boolean): boolean;
  readingOf(text: string, words: string[]): string;
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

describe('one spelling for the syllables written two ways', () => {
  test('the tone mark of an open oa, oe, uy goes on its first vowel; qui is quy', () => {
    const pairs = [
      ['xã hội hoá', 'xã hội hóa'],
      ['HOÁ', 'HÓA'],
      ['khoẻ', 'khỏe'],
      ['thuỷ lợi', 'thủy lợi'],
      ['Thuỵ', 'Thụy'],
      ['hoà bình', 'hòa bình'],
      ['thoả thuận', 'thỏa thuận'],
      ['quí I', 'quý I'],
      ['Quí', 'Quý'],
      ['qui định', 'quy định'],
      ['cam, quít', 'cam, quýt'],
    ];
    for (const [written, one] of pairs) {
      assert.equal(oneSpelling(written), one, written);
      assert.equal(oneSpelling(written.normalize('NFD')), one, `${written} (NFD)`);
      assert.equal(oneSpelling(one), one, one);
    }
  });

  test('leaves alone the syllables that have one spelling', () => {
    for (const word of ['hoàn', 'thuyết', 'quá', 'quý', 'quỷ', 'Huỳnh', 'của', 'mùa', 'khuya', 'quyết', 'ngoài']) {
      assert.equal(oneSpelling(word), word);
    }
  });

  test('the indexer spells text nodes one way, attributes as written', () => {
    assert.equal(
      toIndexerHtml('<a data-pf-tag="Xã hội hoá">Xã hội hoá, thuỷ lợi</a>'),
      '<a data-pf-tag="Xã hội hoá">Xã hội hóa, thủy lợi</a>',
    );
    assert.equal(toIndexerHtml('<a title="quí">Quí, quít</a>'), '<a title="quí">Quý, quýt</a>');
  });
});

describe('the query side (assets/js/vietnamese-search.js) mirrors the indexer', () => {
  const samples = ['Đảng ủy', 'dang uy', 'Đà Nẵng', 'được', 'xã hội hóa', 'ĐỒNG ĐẤT đỏ', 'xã hội hoá', 'thuỷ lợi', 'quí I'];

  test('a query is spelled as the index spells the same text', () => {
    // The indexer's own spelling of the text in a page's paragraph.
    const indexed = (text: string) => toIndexerHtml(`<p>${text}</p>`).slice('<p>'.length, -'</p>'.length);
    for (const text of samples) {
      assert.equal(querySide.oneSpelling(text), oneSpelling(text), text);
      assert.equal(querySide.toPagefindQuery(text), indexed(text), text);
      assert.equal(querySide.toPagefindQuery(text.normalize('NFD')), indexed(text), `${text} (NFD)`);
    }
    assert.equal(querySide.toPagefindQuery('  dang \t uy  '), 'dang uy');
  });

  test('what Pagefind returns is shown with the real đ/Đ', () => {
    for (const text of samples) assert.equal(querySide.toReaderText(swapDForIndex(text)), text);
    assert.equal(swapDForIndex('đ'), '\u1E0F');
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

describe('reading a result (assets/js/vietnamese-search.js)', () => {
  const content =
    'Đảng ủy tỉnh tổng kết năm 2024. Sáng 20/12, tại hội trường, Đảng ủy tỉnh tổ chức hội nghị tổng kết công tác xây dựng Đảng, các đồng chí đang công tác ở cơ sở và Ủy ban tham dự đầy đủ, đúng giờ theo kế hoạch của Ban Thường vụ.';

  test('an excerpt marks the phrase (not its syllables elsewhere) as one highlight, punctuation outside, … where it cuts a sentence', () => {
    const indexed = (text: string) => text.replace(/đ/g, '\u1E0F').replace(/Đ/g, '\u1E0E');
    const title = 'Đảng ủy tỉnh tổng kết năm 2024';
    const excerpt = querySide.excerptFor(indexed(content), ['dang', 'uy'], false, indexed(title));
    assert.equal(
      excerpt,
      'Sáng 20/12, tại hội trường, <mark>Đảng ủy</mark> tỉnh tổ chức hội nghị tổng kết công tác xây dựng Đảng, các đồng chí đang công tác ở cơ sở và Ủy …',
    );
  });

  test('whole syllables are marked, not longer words they begin', () => {
    const excerpt = querySide.excerptFor('Thôn Nà Pài, giao thông thuận lợi; các thôn, bản khác.', ['thon']);
    assert.equal(excerpt, '<mark>Thôn</mark> Nà Pài, giao thông thuận lợi; các <mark>thôn</mark>, bản khác.');
    assert.equal(querySide.excerptFor('Hội nghị chuyển đổi số', ['chuyen', 'd'], true), 'Hội nghị <mark>chuyển đổi</mark> số');
    // Scattered syllables are each marked; with accents typed, the phrase so written is.
    assert.equal(querySide.excerptFor('Cấp ủy và Đảng bộ.', ['dang', 'uy']), 'Cấp <mark>ủy</mark> và <mark>Đảng</mark> bộ.');
    assert.equal(
      querySide.excerptFor('Vốn đang ủy thác; Đảng ủy họp.', ['\u1E0Eảng', 'ủy']),
      'Vốn đang ủy thác; <mark>Đảng ủy</mark> họp.',
    );
  });

  test('a phrase is found exactly or accents aside, and its reading is the one written', () => {
    assert.equal(querySide.holdsPhrase('Đảng ủy xã Nam Mẫu', ['Đảng', 'ủy'], true), true);
    assert.equal(querySide.holdsPhrase('Vốn đang ủy thác', ['Đảng', 'ủy'], true), false);
    assert.equal(querySide.holdsPhrase('Vốn đang ủy thác', ['dang', 'uy'], false), true);
    assert.equal(querySide.holdsPhrase('Xã hội hoá', ['xã', 'hội', 'hóa'], true), true);
    assert.equal(querySide.readingOf('Vốn đang ủy thác; Đảng ủy', ['dang', 'uy']), 'đang ủy');
    assert.equal(querySide.readingOf('Ba ca bệnh', ['ba', 'be']), '');
  });
});
