import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { build, copyFixture, page, text, writeArticle, type BuildRun } from '../support/build.ts';
import { launchBrowser } from '../support/browser.ts';
import { serveSite, type ServedSite } from '../support/static-server.ts';

const TITLE = 'Đảng ủy khối họp phiên thường kỳ </script><script>alert(1)</script>';
let run: BuildRun;
let content: string;

before(() => {
  content = copyFixture('basic');
  const file = path.join(content, 'articles/2024/dang-uy-hop.md');
  writeArticle(
    content,
    '2024/dang-uy-hop.md',
    readFileSync(file, 'utf8').replace(
      'author: Hoàng Lan',
      'author: Hoàng Lan\naliases: ["/tin-tuc/dang-uy-hop-cu/", "/cu", "/Pages/tin-tuc-123.aspx"]',
    ),
  );
  writeArticle(
    content,
    '2024/nhap-co-alias.md',
    '---\ntitle: Nháp\ndate: "2024-01-01"\nauthor: A\ndraft: true\naliases: ["/tin-nhap-cu/"]\n---\nx\n',
  );
  run = build(content);
  assert.equal(run.status, 0, run.stderr);
});

test('each alias of a published article is a Vietnamese redirect page: meta refresh, canonical, noindex, a visible link', () => {
  for (const [url, file] of [
    ['/tin-tuc/dang-uy-hop-cu/', 'tin-tuc/dang-uy-hop-cu/index.html'],
    ['/cu', 'cu/index.html'],
  ]) {
    assert.ok(existsSync(path.join(run.outputDir, file)), file);
    const $ = page(run.outputDir, `/${path.dirname(file)}/`);
    assert.equal($('html').attr('lang'), 'vi', url);
    assert.equal($('meta[http-equiv="refresh"]').attr('content'), '0; url=/tin-tuc/dang-uy-hop/');
    assert.equal($('link[rel="canonical"]').attr('href'), 'https://vidu.gov.vn/tin-tuc/dang-uy-hop/');
    assert.equal($('meta[name="robots"]').attr('content'), 'noindex');
    assert.equal(text($, 'h1'), 'Trang này đã chuyển sang địa chỉ mới');
    assert.equal($('main a').attr('href'), '/tin-tuc/dang-uy-hop/');
    assert.equal(text($, 'main a'), TITLE);
    assert.equal($('script').length, 0, 'the title is text, not markup');
  }
  // A static host won't serve ".aspx" as HTML: that one is left to _redirects.
  assert.equal(existsSync(path.join(run.outputDir, 'Pages/tin-tuc-123.aspx')), false);
  // A draft's aliases lead nowhere yet.
  assert.equal(existsSync(path.join(run.outputDir, 'tin-nhap-cu')), false);
});

test('_redirects lists every alias for hosts that read it (Netlify, Cloudflare Pages)', () => {
  const rules = readFileSync(path.join(run.outputDir, '_redirects'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'));
  assert.deepEqual(rules, [
    '/Pages/tin-tuc-123.aspx /tin-tuc/dang-uy-hop/ 301',
    '/cu /tin-tuc/dang-uy-hop/ 301',
    '/tin-tuc/dang-uy-hop-cu/ /tin-tuc/dang-uy-hop/ 301',
  ]);
});

test('on Netlify the rules are forced (301!), since Netlify serves an existing page before a plain rule', () => {
  const netlify = build(content, { NETLIFY: 'true' });
  assert.equal(netlify.status, 0, netlify.stderr);
  const rules = readFileSync(path.join(netlify.outputDir, '_redirects'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'));
  assert.deepEqual(rules, [
    '/Pages/tin-tuc-123.aspx /tin-tuc/dang-uy-hop/ 301!',
    '/cu /tin-tuc/dang-uy-hop/ 301!',
    '/tin-tuc/dang-uy-hop-cu/ /tin-tuc/dang-uy-hop/ 301!',
  ]);
  // The HTML page stays for hosts without redirect rules (GitHub Pages).
  assert.ok(existsSync(path.join(netlify.outputDir, 'cu/index.html')));
});

test('elsewhere every rule has a status Cloudflare Pages accepts (it ignores "301!" lines)', () => {
  const statuses = readFileSync(path.join(run.outputDir, '_redirects'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => Number(line.split(/\s+/)[2]));
  assert.ok(statuses.length > 0);
  for (const status of statuses) assert.ok([301, 302, 303, 307, 308].includes(status), String(status));
});

test('old URLs are published (kept for the next check) but not offered to search engines', () => {
  const sitemap = readFileSync(path.join(run.outputDir, 'sitemap.xml'), 'utf8');
  assert.doesNotMatch(sitemap, /dang-uy-hop-cu|\/cu\/|tin-tuc-123/);
  const published = JSON.parse(readFileSync(path.join(run.outputDir, 'published-urls.json'), 'utf8'));
  assert.ok(published.pages.includes('/tin-tuc/dang-uy-hop-cu/') && published.pages.includes('/cu/'));
});

let browser: Browser;
let server: ServedSite;
after(async () => {
  await browser?.close();
  await server?.close();
});

test('in a browser, an old URL lands on the article', async () => {
  server = await serveSite(run.outputDir);
  browser = await launchBrowser();
  const tab = await browser.newPage();
  for (const old of ['/tin-tuc/dang-uy-hop-cu/', '/cu']) {
    await tab.goto(server.origin + old);
    await tab.waitForURL(`${server.origin}/tin-tuc/dang-uy-hop/`);
    assert.equal(await tab.locator('h1').textContent(), TITLE, old);
  }
});
