import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import { createMarkdown } from '../../src/markdown/index.ts';

const render = (markdown: string) => cheerio.load(createMarkdown({ allowHtml: false }).render(markdown), null, false);

test('a link leaving the portal gets noopener noreferrer, a visible arrow and words for screen readers', () => {
  const $ = render('Xem [Cổng Chính phủ](https://chinhphu.vn/) và https://baochinhphu.vn/ nữa.');
  const links = $('a');
  assert.equal(links.length, 2);
  links.each((_, el) => {
    const link = $(el);
    assert.equal(link.attr('rel'), 'noopener noreferrer');
    assert.equal(link.find('.external-mark').text(), '↗');
    assert.equal(link.find('.external-mark').attr('aria-hidden'), 'true');
    assert.equal(link.find('.visually-hidden').text(), ' (liên kết ngoài, mở trang khác)');
  });
  assert.equal($('a').first().text(), 'Cổng Chính phủ↗ (liên kết ngoài, mở trang khác)');
});

test('links inside the portal are left plain', () => {
  const $ = render('[Tin khác](/tin-tuc/khac/) và [mục](#muc)');
  assert.equal($('a[rel], .external-mark, .visually-hidden').length, 0);
});

test('script URLs never become links, in any spelling', () => {
  const $ = render(
    '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](vbscript:x) [d](data:text/html;base64,PHA+) <javascript:alert(1)>\n\n[e][r]\n\n[r]: javascript:alert(1)',
  );
  assert.equal($('a').length, 0);
  assert.match($.text(), /\[a\]\(javascript:alert\(1\)\)/);
});
