import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import * as cheerio from 'cheerio';
import { routes } from '../../src/routes/index.ts';
import { loadSiteSettings } from '../../src/site/index.ts';
import { CHECKED_SITES, checkedSite, pageFile } from '../support/checked-sites.ts';

// The Atom feed read by an independent parser, as a feed reader would.
for (const name of CHECKED_SITES) {
  test(`${name}: the Atom feed parses, with unique ids, titles, dates and absolute links to built articles`, () => {
    const site = checkedSite(name);
    const { baseUrl, name: portal } = loadSiteSettings(path.join(site.contentDir, '_data', 'site.yaml'));
    const feed = parseFeed(readFileSync(pageFile(site.dir, routes.feed), 'utf8'));
    assert.equal(feed.meta.type, 'atom');
    assert.match(feed.title ?? '', new RegExp(portal));
    assert.equal(feed.self, new URL(routes.feed.slice(1), baseUrl).href);
    assert.ok(feed.items.length > 0 && feed.items.length <= 20, `${feed.items.length} entries`);

    const ids = feed.items.map((item) => item.id);
    assert.equal(new Set(ids).size, ids.length, 'unique ids');
    const urls = feed.items.map((item) => item.url);
    assert.equal(new Set(urls).size, urls.length, 'unique links');
    let previous = Infinity;
    for (const item of feed.items) {
      const url = item.url ?? '';
      assert.ok(item.id, `${url}: id`);
      assert.ok(url.startsWith(baseUrl), `${url}: absolute link on ${baseUrl}`);
      const file = pageFile(site.dir, `/${url.slice(baseUrl.length)}`);
      assert.ok(existsSync(file), `${url}: built`);
      // The title a feed reader shows is the title the page shows.
      const $ = cheerio.load(readFileSync(file, 'utf8'));
      assert.equal(item.title, $('h1').text().trim(), `${url}: title`);
      assert.ok(item.published && !Number.isNaN(item.published.getTime()), `${url}: published`);
      assert.ok(item.updated && item.updated >= item.published, `${url}: updated`);
      assert.ok(item.published.getTime() <= previous, `${url}: newest first`);
      previous = item.published.getTime();
      assert.ok(item.authors.length && item.authors[0].name, `${url}: author`);
    }
  });
}
