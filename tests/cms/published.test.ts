import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { adminBackend, cmsConfig, type AdminPageData } from '../../src/cms/index.ts';
import { adminContentSecurityPolicy, contentSecurityPolicy } from '../../src/security/index.ts';
import { loadSiteSettings } from '../../src/site/index.ts';
import { launchBrowser } from '../support/browser.ts';
import { checkedSite } from '../support/checked-sites.ts';
import { headersFor, readHeadersFile } from '../support/headers-file.ts';
import { serveSite } from '../support/static-server.ts';

// The web editor as the sample site publishes it (content/_data/site.yaml names its repository).
const sample = checkedSite('sample');
const site = loadSiteSettings(path.join(sample.contentDir, '_data', 'site.yaml'), {});
const admin = (file: string) => path.join(sample.dir, 'quan-tri', file);
let browser: Browser;
before(async () => (browser = await launchBrowser()));
after(() => browser?.close());

test('/quan-tri/ is published from the npm package (no CDN), noindex, with config.yml generated from the schemas', () => {
  const $ = cheerio.load(readFileSync(admin('index.html'), 'utf8'));
  assert.equal($('html').attr('lang'), 'vi');
  assert.equal($('meta[name=robots]').attr('content'), 'noindex, nofollow');
  assert.equal(
    $('meta[http-equiv=Content-Security-Policy]').attr('content'),
    adminContentSecurityPolicy(site, { delivery: 'meta' }),
  );
  const scripts = $('script[src]')
    .map((_, s) => $(s).attr('src'))
    .get();
  assert.deepEqual(
    scripts.map((src) => src.replace(/\.[0-9a-f]{10}\.js$/, '.js')),
    ['portal-cms.js', 'decap-cms.js'],
  );
  for (const src of scripts) assert.ok(existsSync(admin(src)), src);
  const styles = $('link[rel=stylesheet]').attr('href') ?? '';
  assert.match(styles, /^portal-cms\.[0-9a-f]{10}\.css$/);
  assert.ok(existsSync(admin(styles)), styles);
  const config = parse(readFileSync(admin('config.yml'), 'utf8'));
  assert.deepEqual(config, JSON.parse(JSON.stringify(cmsConfig(site, { ...adminBackend(site, {}), contentDir: 'content' }))));
});

test("the preview pane gets the site's published photos, page titles and typeface", () => {
  const $ = cheerio.load(readFileSync(admin('index.html'), 'utf8'));
  const data: AdminPageData = JSON.parse($('#portal-cms').text());
  const site = (url: string) => path.join(sample.dir, url);
  // A saved lead photo is shown from the build's processed copy: the site serves no /images/.
  assert.match(data.photos['/images/quang-canh-hoi-nghi.jpg'] ?? '', /^\/img\/.+\.jpg$/);
  for (const url of Object.values(data.photos)) assert.ok(existsSync(site(url)), url);
  assert.equal(data.pageTitles['gioi-thieu'], 'Giới thiệu tỉnh Bắc Kạn');
  // font-display: optional would leave the preview, laid out late, in the fallback font.
  const faces = data.previewFonts.match(/@font-face/g) ?? [];
  assert.equal(faces.length, 4);
  assert.doesNotMatch(data.previewFonts, /optional/);
  for (const [, url] of data.previewFonts.matchAll(/url\("([^"]+)"\)/g)) assert.ok(existsSync(site(url)), url);
});

test('the editor is in no list of pages: robots.txt disallows it, the sitemap, Sơ đồ trang and published list leave it out', () => {
  assert.match(readFileSync(path.join(sample.dir, 'robots.txt'), 'utf8'), /^Disallow: \/quan-tri\/$/m);
  assert.doesNotMatch(readFileSync(path.join(sample.dir, 'sitemap.xml'), 'utf8'), /quan-tri/);
  assert.doesNotMatch(readFileSync(path.join(sample.dir, 'so-do-trang', 'index.html'), 'utf8'), /quan-tri/);
  assert.doesNotMatch(readFileSync(path.join(sample.dir, 'published-urls.json'), 'utf8'), /quan-tri/);
});

test("_headers: /quan-tri/ gets the editor's policy, every other path keeps the portal's", () => {
  const blocks = readHeadersFile(path.join(sample.dir, '_headers'));
  assert.equal(headersFor(blocks, '/quan-tri/')['Content-Security-Policy'], adminContentSecurityPolicy(site));
  assert.equal(headersFor(blocks, '/quan-tri/')['X-Robots-Tag'], 'noindex, nofollow');
  for (const page of ['/', '/tin-tuc/bac-kan-so-ket-03-nam/', '/quan-tri-vien/', '/assets/css/x.css']) {
    assert.equal(headersFor(blocks, page)['Content-Security-Policy'], contentSecurityPolicy(site), page);
  }
  assert.doesNotMatch(adminContentSecurityPolicy(site), /script-src[^;]*'unsafe-inline'/);
});

for (const prefix of ['/', '/cong-thong-tin/']) {
  test(`served with its _headers at ${prefix}, the editor starts with no policy violation and asks editors to sign in`, async () => {
    const blocks = readHeadersFile(path.join(sample.dir, '_headers'));
    const server = await serveSite(sample.dir, { prefix, headers: (p) => headersFor(blocks, p.slice(prefix.length - 1)) });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && !/Failed to load resource.*404/.test(m.text()) && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    try {
      await page.goto(`${server.root}quan-tri/`);
      await page.getByRole('button', { name: 'Đăng nhập bằng GitHub' }).waitFor({ timeout: 60_000 });
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
      await server.close();
    }
  });
}
