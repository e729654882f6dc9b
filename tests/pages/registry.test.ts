import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { navigation, pageTypes, pageUrls, searchablePages, sitemapEntries, type SinglePageType } from '../../src/pages/index.ts';
import { Portal } from '../../src/portal/index.ts';
import { routes } from '../../src/routes/index.ts';
import { loadSiteSettings } from '../../src/site/index.ts';
import { FIXTURES, ROOT } from '../support/build.ts';

const site = loadSiteSettings(path.join(FIXTURES, 'basic', '_data', 'site.yaml'));
const empty = new Portal(site, []);

test('every page type has a unique name, a template in layouts/pages/ and, when it is one page, a URL of its own', () => {
  const names = pageTypes.map((type) => type.name);
  assert.equal(new Set(names).size, names.length);
  for (const type of pageTypes) assert.ok(existsSync(path.join(ROOT, 'layouts', 'pages', type.template)), type.template);
  const single = pageTypes.flatMap((type) => ('items' in type ? [] : [type.route]));
  assert.equal(new Set(single).size, single.length);
});

test('the URLs, sitemap.xml and navigation all come from the registry', () => {
  const urls = pageUrls(empty);
  for (const type of pageTypes) if (!('items' in type)) assert.ok(urls.includes(type.route), type.name);
  // A new category has its page before it has articles.
  assert.ok(urls.includes(routes.category(site.categories[0].slug)));
  // sitemap.xml: the flagged single pages in registry order, dated like the site, then the lists' pages.
  const flagged = pageTypes.flatMap((type) => (type.sitemap && !('items' in type) ? [type.route] : []));
  assert.deepEqual(flagged.slice(0, 3), [routes.home, routes.search, routes.sitemapPage]);
  assert.deepEqual(
    sitemapEntries(empty).map((entry) => entry.url),
    [...flagged, ...empty.documentListPages.map((listing) => listing.url), ...empty.categoryPages.map((listing) => listing.url)],
  );
  assert.ok(sitemapEntries(empty).every((entry) => entry.lastmod === empty.updated));
  const { header, footer, siteMap } = navigation();
  assert.deepEqual(
    header.map((link) => link.label),
    ['Trang chủ', 'Góp ý', 'Sơ đồ trang', 'Liên hệ'],
  );
  assert.equal(footer[0].url, routes.sitemapPage);
  assert.ok(siteMap.some((link) => link.url === routes.feed && link.label === 'RSS/Atom'));
  assert.ok(!siteMap.some((link) => link.url === routes.sitemapPage), 'Sơ đồ trang does not list itself');
  assert.deepEqual(searchablePages(empty), []);
});

test('a page type without flags (an admin page, say) is written but listed nowhere and not searched', () => {
  const admin: SinglePageType = {
    name: 'admin',
    template: 'contact.njk',
    route: '/quan-tri/',
    title: 'contactTitle',
    noindex: true,
  };
  pageTypes.push(admin);
  try {
    assert.ok(pageUrls(empty).includes('/quan-tri/'));
    assert.ok(!sitemapEntries(empty).some((entry) => entry.url === '/quan-tri/'));
    const links = Object.values(navigation()).flat();
    assert.ok(!links.some((link) => link.url === '/quan-tri/'));
    assert.deepEqual(searchablePages(empty), []);
    // Flagged for the sitemap and Sơ đồ trang, the same entry shows up in both.
    Object.assign(admin, { sitemap: true, navigation: { siteMap: true } });
    assert.ok(sitemapEntries(empty).some((entry) => entry.url === '/quan-tri/'));
    assert.ok(navigation().siteMap.some((link) => link.url === '/quan-tri/'));
  } finally {
    pageTypes.pop();
  }
});
