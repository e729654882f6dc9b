import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import { renderPicture, type ImageFile, type ProcessedImage } from '../../src/images/index.ts';
import { createMarkdown } from '../../src/markdown/index.ts';

const file = (format: ImageFile['format'], width: number): ImageFile => ({
  format,
  width,
  height: Math.round((width * 2) / 3),
  url: `/img/abc-${width}.${format === 'jpeg' ? 'jpg' : format}`,
  path: '',
});
const image: ProcessedImage = {
  hash: 'abc',
  source: 'a.jpg',
  width: 1000,
  height: 667,
  variants: (['avif', 'webp', 'jpeg'] as const).flatMap((format) => [360, 720, 1000].map((width) => file(format, width))),
  openGraph: { ...file('jpeg', 1200), height: 630, url: '/img/abc-og.jpg' },
};

test('alt text is escaped; only the priority photo skips lazy loading', () => {
  const $ = cheerio.load(renderPicture(image, { alt: 'Ảnh "đẹp" <b>', sizes: 'article' }));
  assert.equal($('img').attr('alt'), 'Ảnh "đẹp" <b>');
  assert.equal($('b').length, 0);
  assert.deepEqual(
    [$('img').attr('loading'), $('img').attr('decoding'), $('img').attr('fetchpriority')],
    ['lazy', 'async', undefined],
  );
  assert.equal($('img').attr('srcset'), '/img/abc-360.jpg 360w, /img/abc-720.jpg 720w, /img/abc-1000.jpg 1000w');
  const lead = cheerio.load(renderPicture(image, { alt: 'a', sizes: 'homeLead', priority: true, className: 'lead-image' }));
  assert.deepEqual(
    [lead('img').attr('loading'), lead('img').attr('fetchpriority'), lead('img').attr('class')],
    [undefined, 'high', 'lead-image'],
  );
});

test('Markdown: an image alone in its paragraph is a figure with caption; one inside a sentence stays inline', () => {
  const md = createMarkdown({ allowHtml: false });
  const env = { images: new Map([['anh.jpg', image]]) };
  const $ = cheerio.load(md.render('![Ảnh *hội* nghị](anh.jpg "Chú thích & <em>")\n\nTrước ![ảnh nhỏ](anh.jpg) sau.\n', env));
  assert.equal($('body > figure > picture').length, 1);
  assert.equal($('figure figcaption').text(), 'Chú thích & <em>');
  assert.equal($('figure img').attr('alt'), 'Ảnh hội nghị');
  assert.equal($('p > picture img').attr('alt'), 'ảnh nhỏ');
  assert.equal($('p').length, 1, 'the figure is not wrapped in <p>');
  const plain = cheerio.load(md.render('![Ảnh](khac.jpg)\n', env));
  assert.equal(plain('img').attr('src'), 'khac.jpg', 'an image the build did not process stays a plain lazy image');
  assert.equal(plain('img').attr('loading'), 'lazy');
});
