import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { loadSiteSettings } from '../../src/site/index.ts';
import { CHECKED_SITES, checkedSite, pageFile, pageUrl, siteFiles } from '../support/checked-sites.ts';

// The NewsArticle JSON-LD of every article page, as a search engine reads it.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}$/;

/** schema.org allows an image as a URL, an ImageObject or a list of either. */
function imageUrls(image: unknown): string[] {
  if (image === undefined) return [];
  if (Array.isArray(image)) return image.flatMap(imageUrls);
  if (typeof image === 'string') return [image];
  return [String((image as { url?: unknown }).url)];
}

for (const name of CHECKED_SITES) {
  test(`${name}: every article's JSON-LD parses and has headline, dates with offset, author, image, publisher`, () => {
    const site = checkedSite(name);
    const { baseUrl } = loadSiteSettings(path.join(site.contentDir, '_data', 'site.yaml'));
    const builtFile = (url: string) => url.startsWith(baseUrl) && existsSync(pageFile(site.dir, `/${url.slice(baseUrl.length)}`));
    const articles = siteFiles(site.dir, '.html')
      .map(pageUrl)
      .filter((url) => /^\/tin-tuc\/[^/]+\/$/.test(url));
    assert.ok(articles.length > 10);
    for (const url of articles) {
      const $ = cheerio.load(readFileSync(pageFile(site.dir, url), 'utf8'));
      const blocks = $('script[type="application/ld+json"]');
      assert.equal(blocks.length, 1, url);
      const data = JSON.parse(blocks.text());
      assert.equal(data['@context'], 'https://schema.org', url);
      assert.equal(data['@type'], 'NewsArticle', url);
      assert.equal(data.headline, $('h1').text().trim(), `${url}: headline is the title shown`);
      assert.match(data.datePublished, ISO_WITH_OFFSET, `${url}: datePublished`);
      assert.match(data.dateModified, ISO_WITH_OFFSET, `${url}: dateModified`);
      assert.ok(Date.parse(data.dateModified) >= Date.parse(data.datePublished), `${url}: modified after published`);
      assert.equal(data.dateModified, $('.updated time').attr('datetime'), `${url}: dateModified is the "Cập nhật lúc" time`);
      assert.equal(data.author?.name, $('.author').text().trim(), `${url}: author`);
      const images = imageUrls(data.image);
      // A lead photo, else the body's first one: the same picture as og:image.
      if ($('meta[property="og:image"]').length) {
        assert.ok(images.length > 0, `${url}: image`);
        for (const image of images) assert.ok(builtFile(image), `${url}: image ${image} is a built file`);
        assert.ok(images.includes($('meta[property="og:image"]').attr('content')!), `${url}: the og:image`);
      } else assert.deepEqual(images, [], `${url}: no image`);
      assert.ok(data.publisher?.name, `${url}: publisher`);
      assert.ok(builtFile(data.publisher?.logo?.url ?? ''), `${url}: publisher logo`);
      assert.equal(data.mainEntityOfPage, new URL(url.slice(1), baseUrl).href, `${url}: mainEntityOfPage`);
    }
  });
}
