import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as cheerio from 'cheerio';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { launchBrowser } from '../support/browser.ts';
import { build, copyFixture, page, text, treeHash, writeArticle, type BuildRun } from '../support/build.ts';
import { writePhoto } from '../support/photos.ts';
import { serveSite, type ServedSite } from '../support/static-server.ts';

const ARTICLE = '/tin-tuc/hoi-cho/';
let content: string;
let cache: string;
let run: BuildRun;

before(async () => {
  content = copyFixture('basic');
  cache = mkdtempSync(path.join(tmpdir(), 'portal-image-cache-'));
  await writePhoto(path.join(content, 'images/hoi-cho.jpg'), { width: 2400, height: 1600 });
  await writePhoto(path.join(content, 'articles/2026/gian-hang.jpg'), { width: 1200, height: 800, sideways: true });
  await writePhoto(path.join(content, 'images/bi-mat.jpg'), { width: 1000, height: 700 });
  writeArticle(
    content,
    '2026/hoi-cho.md',
    `---
title: "Hội chợ nông sản vùng cao"
date: "2026-11-20T08:00:00+07:00"
author: Bảo Ngọc
category: kinh-te
image:
  src: /images/hoi-cho.jpg
  alt: Các gian hàng hội chợ
  caption: Quang cảnh hội chợ
---
Hội chợ thu hút đông đảo khách tham quan.

${'Các gian hàng giới thiệu nông sản, đặc sản vùng cao. '.repeat(40)}

![Gian hàng miến dong](gian-hang.jpg "Gian hàng miến dong Na Rì")

Nhiều hợp đồng tiêu thụ đã được ký kết.
`,
  );
  writeArticle(
    content,
    '2026/ban-nhap-anh.md',
    `---
title: Bài nháp có ảnh
date: "2026-11-01T08:00:00+07:00"
author: Biên tập viên
draft: true
image: { src: /images/bi-mat.jpg, alt: Ảnh chưa công bố }
---
Chưa xuất bản.
`,
  );
  run = build(content, { PORTAL_IMAGE_CACHE: cache });
  assert.equal(run.status, 0, run.stderr);
});

/** Every image file a page references (srcset, src, og:image), as site paths. */
function referencedImages($: cheerio.CheerioAPI): string[] {
  const urls = [
    ...$('source, img')
      .map((_, el) => ($(el).attr('srcset') ?? '').split(',').map((c) => c.trim().split(' ')[0]))
      .get(),
    ...$('img')
      .map((_, el) => $(el).attr('src'))
      .get(),
    $('meta[property="og:image"]').attr('content') ?? '',
  ];
  return urls
    .filter(Boolean)
    .map((url) => new URL(url, 'https://vidu.gov.vn/').pathname)
    .filter((url) => url.startsWith('/img/'));
}

function srcsetWidths(srcset: string | undefined): number[] {
  return (srcset ?? '').split(',').map((candidate) => Number(candidate.trim().split(' ')[1].replace('w', '')));
}

test('the lead photo is a <picture>: AVIF and WebP sources, a JPEG <img> with its real size, fetched first', async () => {
  const $ = page(run.outputDir, ARTICLE);
  const picture = $('figure.lead-figure picture');
  assert.deepEqual(
    picture
      .find('source')
      .map((_, s) => $(s).attr('type'))
      .get(),
    ['image/avif', 'image/webp'],
  );
  const img = picture.find('img');
  for (const element of [...picture.find('source').toArray(), img[0]]) {
    assert.deepEqual(srcsetWidths($(element).attr('srcset')), [360, 720, 1080, 1600]);
    assert.match($(element).attr('sizes') ?? '', /46rem/);
  }
  assert.equal(img.attr('alt'), 'Các gian hàng hội chợ');
  assert.equal(img.attr('fetchpriority'), 'high');
  assert.equal(img.attr('loading'), undefined, 'the lead photo is not lazy');
  const largest = await sharp(path.join(run.outputDir, img.attr('src')!)).metadata();
  assert.deepEqual([Number(img.attr('width')), Number(img.attr('height'))], [largest.width, largest.height]);
  assert.deepEqual([largest.width, largest.height], [1600, 1067]);
  assert.equal(text($, 'figure.lead-figure figcaption'), 'Quang cảnh hội chợ');
  for (const url of referencedImages($)) assert.ok(existsSync(path.join(run.outputDir, url)), `${url} is published`);
});

test('a Markdown image next to the article becomes a lazy <figure> with caption, turned upright', async () => {
  const $ = page(run.outputDir, ARTICLE);
  const figure = $('.article-body figure.article-figure');
  assert.equal(figure.length, 1);
  assert.equal(figure.parent('p').length, 0, 'not inside a paragraph');
  assert.equal(text($, '.article-body figcaption'), 'Gian hàng miến dong Na Rì');
  const img = figure.find('picture img');
  assert.equal(img.attr('alt'), 'Gian hàng miến dong');
  assert.equal(img.attr('loading'), 'lazy');
  assert.equal(img.attr('decoding'), 'async');
  assert.equal(img.attr('fetchpriority'), undefined);
  assert.deepEqual([img.attr('width'), img.attr('height')], ['1200', '800'], 'upright: the phone stored it 800×1200 on its side');
  for (const source of figure.find('source, img').toArray()) {
    for (const candidate of ($(source).attr('srcset') ?? '').split(', ')) {
      const [url, width] = candidate.split(' ');
      const meta = await sharp(path.join(run.outputDir, url)).metadata();
      assert.equal(`${meta.width}w`, width, url);
      assert.equal(meta.height, Math.round((meta.width! * 800) / 1200), `${url} keeps the upright aspect ratio`);
    }
  }
});

test("the home page leads with the newest article's photo, fetched first", () => {
  const $ = page(run.outputDir, '/');
  assert.equal($('.lead-title a').attr('href'), ARTICLE);
  const img = $('.lead-story .story-photo picture img');
  assert.equal($('.lead-story .story-photo').attr('href'), ARTICLE, 'the photo links to the article');
  assert.equal(img.attr('fetchpriority'), 'high');
  assert.equal(img.attr('loading'), undefined);
  assert.match(img.attr('sizes') ?? '', /calc\(100vw - 2rem\)$/);
  assert.deepEqual([img.attr('width'), img.attr('height')], ['1600', '1067']);
});

test('og:image is a 1200×630 crop with its size, and JSON-LD names it', async () => {
  const $ = page(run.outputDir, ARTICLE);
  const url = $('meta[property="og:image"]').attr('content')!;
  assert.match(url, /^https:\/\/vidu\.gov\.vn\/img\/[0-9a-f]{16}-og\.jpg$/);
  const meta = await sharp(path.join(run.outputDir, new URL(url).pathname)).metadata();
  assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 1200, 630]);
  assert.equal($('meta[property="og:image:width"]').attr('content'), '1200');
  assert.equal($('meta[property="og:image:height"]').attr('content'), '630');
  assert.equal($('meta[property="og:image:alt"]').attr('content'), 'Các gian hàng hội chợ');
  const jsonLd = JSON.parse($('script[type="application/ld+json"]').text());
  assert.deepEqual(jsonLd.image, { '@type': 'ImageObject', url, width: 1200, height: 630 });
  assert.equal(page(run.outputDir, '/tin-tuc/dang-uy-hop/')('meta[property="og:image"]').length, 0, 'no photo, no og:image');
});

test('only processed files are published: no originals, no metadata, nothing from drafts', async () => {
  assert.equal(existsSync(path.join(run.outputDir, 'images')), false, 'content/images originals (with GPS) are not copied');
  const published = readdirSync(path.join(run.outputDir, 'img'))
    .map((name) => `/img/${name}`)
    .sort();
  const pages = ['/', ARTICLE, '/tin-tuc/bac-kan-so-ket/'];
  const referenced = [...new Set(pages.flatMap((url) => referencedImages(page(run.outputDir, url))))].sort();
  assert.deepEqual(published, referenced, "every published file is used by a page; the draft's photo is not among them");
  assert.equal(
    published.length,
    3 * 3 * 4 + 2,
    'three photos × 3 formats × 4 widths, and the og:image of the two articles with a lead photo',
  );
  for (const url of published) {
    const meta = await sharp(path.join(run.outputDir, url)).metadata();
    assert.equal(meta.exif, undefined, `${url} has no EXIF (no GPS)`);
    assert.equal(meta.icc, undefined, url);
  }
});

test('a rebuild with unchanged photos encodes nothing and publishes the same files', () => {
  assert.match(
    run.stdout,
    /Ảnh: mã hóa 4, dùng lại từ bộ nhớ đệm 0\./,
    'the first build encodes the four photos (draft included, to check it)',
  );
  const cacheBefore = treeHash(cache);
  const again = build(content, { PORTAL_IMAGE_CACHE: cache });
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /Ảnh: mã hóa 0, dùng lại từ bộ nhớ đệm 4\./);
  assert.equal(treeHash(path.join(again.outputDir, 'img')), treeHash(path.join(run.outputDir, 'img')));
  assert.equal(treeHash(cache), cacheBefore, 'the cache was not rewritten');
});

describe('what Chromium downloads', () => {
  let browser: Browser;
  let server: ServedSite;
  before(async () => {
    server = await serveSite(run.outputDir);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const requestedImages = async (url: string, width: number) => {
    const context = await browser.newContext({ viewport: { width, height: 740 }, deviceScaleFactor: 1 });
    const tab = await context.newPage();
    server.requests.length = 0;
    await tab.goto(server.origin + url, { waitUntil: 'networkidle' });
    // Scroll through the page so lazy photos load too.
    await tab.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await tab.waitForFunction(() => [...document.images].every((img) => img.complete));
    await tab.waitForLoadState('networkidle');
    await context.close();
    return server.requests.filter((request) => request.startsWith('/img/'));
  };

  test('in Chromium at 360 px, the article and home pages load only the 360 px AVIF variants', async () => {
    const article = await requestedImages(ARTICLE, 360);
    assert.ok(article.length >= 2, `lead and body photo: ${article}`);
    const home = await requestedImages('/', 360);
    assert.ok(home.length >= 1, `the lead photo: ${home}`);
    for (const url of [...article, ...home]) assert.match(url, /^\/img\/[0-9a-f]{16}-360\.avif$/);
  });

  test('at 1280 px the article column gets a larger variant, thumbnails the smallest', async () => {
    const $ = page(run.outputDir, ARTICLE);
    const column = new Set(
      $('.article picture img')
        .map((_, img) => /\/img\/([0-9a-f]{16})-/.exec($(img).attr('src')!)![1])
        .get(),
    );
    const article = await requestedImages(ARTICLE, 1280);
    const inColumn = article.filter((url) => column.has(url.slice(5, 21)));
    assert.ok(inColumn.length > 0 && inColumn.every((url) => /-1080\.avif$/.test(url)), String(article));
    assert.ok(
      article.filter((url) => !inColumn.includes(url)).every((url) => /-360\.avif$/.test(url)),
      String(article),
    );
  });
});
