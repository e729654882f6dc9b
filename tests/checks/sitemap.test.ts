import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { routes } from '../../src/routes/index.ts';
import { loadSiteSettings } from '../../src/site/index.ts';
import { CHECKED_SITES, checkedSite, pageFile, pageUrl, siteFiles } from '../support/checked-sites.ts';

// sitemap.xml against the sitemaps.org 0.9 schema (shipped in the `sitemap`
// package) with libxml2's xmllint, then against the built files.
const XSD = path.join(path.dirname(createRequire(import.meta.url).resolve('sitemap/package.json')), 'schema', 'sitemap.xsd');

function xmllint(file: string): { status: number | null; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint is missing (apt-get install libxml2-utils): ${run.error.message}`);
  return { status: run.status, output: run.stderr };
}

test('xmllint rejects a sitemap that breaks the schema', () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sitemap-canary-')), 'sitemap.xml');
  writeFileSync(
    file,
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.vn/</loc><lastmod>hôm qua</lastmod></url></urlset>',
  );
  const run = xmllint(file);
  assert.notEqual(run.status, 0);
  assert.match(run.output, /lastmod/);
});

/** A page search engines may index: not marked noindex, and canonical to itself. */
function isIndexable($: cheerio.CheerioAPI, absolute: string): boolean {
  if (/noindex/i.test($('meta[name="robots"]').attr('content') ?? '')) return false;
  const canonical = $('link[rel="canonical"]').attr('href');
  return canonical === undefined || canonical === absolute;
}

for (const name of CHECKED_SITES) {
  test(`${name}: sitemap.xml is valid, lists only built pages and every indexable page`, () => {
    const site = checkedSite(name);
    const { baseUrl } = loadSiteSettings(path.join(site.contentDir, '_data', 'site.yaml'));
    const sitemap = pageFile(site.dir, routes.sitemapXml);
    const lint = xmllint(sitemap);
    assert.equal(lint.status, 0, lint.output);

    const $ = cheerio.load(readFileSync(sitemap, 'utf8'), { xml: true });
    const locs = $('url > loc')
      .map((_, el) => $(el).text())
      .get();
    assert.equal(new Set(locs).size, locs.length, 'no URL twice');
    const missing = locs.filter(
      (loc) => !loc.startsWith(baseUrl) || !existsSync(pageFile(site.dir, `/${loc.slice(baseUrl.length)}`)),
    );
    assert.deepEqual(missing, [], 'every URL in the sitemap is a built page');

    const listed = new Set(locs);
    const unlisted = siteFiles(site.dir, '.html')
      .map(pageUrl)
      .map((url) => new URL(url.slice(1), baseUrl).href)
      .filter((absolute) => !listed.has(absolute))
      .filter((absolute) =>
        isIndexable(cheerio.load(readFileSync(pageFile(site.dir, `/${absolute.slice(baseUrl.length)}`), 'utf8')), absolute),
      );
    assert.deepEqual(unlisted, [], 'every indexable page is in the sitemap');
    assert.ok(locs.length > 30, `${locs.length} URLs`);
  });
}
