import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { Browser, Page } from 'playwright-core';
import { routes } from '../../src/routes/index.ts';
import { loadSiteSettings } from '../../src/site/index.ts';
import { launchBrowser } from '../support/browser.ts';
import { CHECKED_SITES, checkedSite, pageFile, siteFiles, type CheckedSiteName } from '../support/checked-sites.ts';
import { headersFor, readHeadersFile, type HeadersBlock } from '../support/headers-file.ts';
import { pageTypeSamples } from '../support/page-types.ts';
import { serveSite, type ServedSite } from '../support/static-server.ts';

// The `_headers` file as a host reads it, then every page type served with
// those headers in Chromium: no Content-Security-Policy violation, no console
// error, scripts and search still working.
let browser: Browser;
const servers = new Map<CheckedSiteName, ServedSite>();
const headerBlocks = new Map<CheckedSiteName, HeadersBlock[]>();

before(async () => {
  browser = await launchBrowser();
  for (const name of CHECKED_SITES) {
    const blocks = readHeadersFile(path.join(checkedSite(name).dir, '_headers'));
    headerBlocks.set(name, blocks);
    servers.set(name, await serveSite(checkedSite(name).dir, { headers: (pathname) => headersFor(blocks, pathname) }));
  }
});

after(async () => {
  await browser?.close();
  await Promise.all([...servers.values()].map((server) => server.close()));
});

/** Parses "a b; c d" into { a: ['b'], c: ['d'] }. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe('_headers', () => {
  for (const name of CHECKED_SITES) {
    test(`${name}: every page gets a strict CSP and the security headers`, () => {
      const site = checkedSite(name);
      const settings = loadSiteSettings(path.join(site.contentDir, '_data', 'site.yaml'));
      for (const url of [routes.home, routes.feedback, routes.feed, '/tin-tuc/x/']) {
        const headers = headersFor(headerBlocks.get(name)!, url);
        const csp = directives(headers['Content-Security-Policy'] ?? '');
        assert.deepEqual(csp['default-src'], ["'self'"]);
        assert.deepEqual(csp['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
        assert.deepEqual(csp['style-src'], ["'self'"]);
        assert.deepEqual(csp['img-src'], ["'self'", 'data:']);
        assert.deepEqual(csp['form-action'], ["'self'", new URL(settings.feedback.endpoint).origin]);
        assert.deepEqual(csp['frame-ancestors'], ["'none'"]);
        assert.deepEqual(csp['base-uri'], ["'self'"]);
        assert.deepEqual(csp['object-src'], ["'none'"]);
        assert.doesNotMatch(headers['Content-Security-Policy'], /'unsafe-inline'|'unsafe-eval'|\*/);
        assert.equal(headers['X-Content-Type-Options'], 'nosniff');
        assert.equal(headers['Referrer-Policy'], 'strict-origin-when-cross-origin');
        assert.match(headers['Permissions-Policy'] ?? '', /camera=\(\).*geolocation=\(\).*microphone=\(\)/);
        assert.equal(headers['Cache-Control'], undefined, `${url}: pages are not cached for long`);
      }
    });

    test(`${name}: stylesheets and scripts have content-hashed names and are cached for a year`, () => {
      const site = checkedSite(name);
      const hashed = [...siteFiles(site.dir, '.css'), ...siteFiles(site.dir, '.js')].filter((file) =>
        file.startsWith('/assets/'),
      );
      assert.ok(hashed.some((file) => file.endsWith('.css')) && hashed.some((file) => file.endsWith('.js')));
      for (const file of hashed) {
        const hash = createHash('sha256')
          .update(readFileSync(path.join(site.dir, file)))
          .digest('hex');
        assert.match(file, new RegExp(`\\.${hash.slice(0, 10)}\\.(css|js)$`), `${file} is named by its content`);
        assert.equal(headersFor(headerBlocks.get(name)!, file)['Cache-Control'], 'public, max-age=31536000, immutable', file);
      }
      const $ = cheerio.load(readFileSync(pageFile(site.dir, routes.home), 'utf8'));
      const used = [
        ...$('link[rel="stylesheet"]')
          .map((_, el) => $(el).attr('href'))
          .get(),
        ...$('script[src]')
          .map((_, el) => $(el).attr('src'))
          .get(),
      ];
      assert.ok(used.length >= 2 && used.every((url) => hashed.includes(url)), `pages load the hashed files: ${used.join(', ')}`);
    });
  }
});

interface Watched {
  page: Page;
  violations: () => Promise<string[]>;
  errors: string[];
}

/** Opens a page that records CSP violations (from before its first script) and console errors. */
async function watch(url: string, options: { width?: number } = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(url, { waitUntil: 'networkidle' });
  // allHeaders() waits for the headers as received: headers() may hold only those Chromium reported first
  // (the CSP header was missing from it once, on a busy machine, for a page served with it).
  const received = await response?.allHeaders();
  assert.ok(received?.['content-security-policy'], `${url} is served with the CSP header`);
  return {
    page,
    errors,
    violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  };
}

describe('served with the _headers', () => {
  test('the header policy alone blocks an injected inline script, and the test sees it', async () => {
    const server = await serveSite(checkedSite('sample').dir, {
      headers: (pathname) => headersFor(headerBlocks.get('sample')!, pathname),
      transformHtml: (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
    });
    const { page, violations } = await watch(server.url(routes.contact));
    assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').count(), 0);
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
      return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
    });
    assert.equal(ran, false);
    assert.ok(
      (await violations()).some((v) => v.startsWith('script-src')),
      (await violations()).join('\n'),
    );
    await page.context().close();
    await server.close();
  });

  for (const name of CHECKED_SITES) {
    test(`${name}: no page type raises a CSP violation or a console error, and the page scripts run`, async () => {
      const found: string[] = [];
      for (const sample of await pageTypeSamples(checkedSite(name))) {
        const { page, violations, errors } = await watch(servers.get(name)!.url(sample.url));
        found.push(...(await violations()).map((v) => `${sample.type} ${sample.url}: ${v}`));
        // The 404 page is served with status 404, which Chromium logs; anything else is a finding.
        found.push(
          ...errors
            .filter((e) => !(sample.type === '404' && /404/.test(e)))
            .map((e) => `${sample.type} ${sample.url}: console: ${e}`),
        );
        if (sample.type === 'article') {
          assert.equal(await page.isVisible('.text-size'), true, `${sample.url}: site.js ran and showed the text size buttons`);
          await page.click('[data-text-size="1"]');
          assert.equal(
            await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--text-scale').trim()),
            '1.125',
          );
        }
        await page.context().close();
      }
      assert.deepEqual(found, []);
    });
  }

  test('search works under the policy', async (t) => {
    const site = checkedSite('sample');
    if (!existsSync(path.join(site.dir, 'pagefind'))) {
      t.skip('this build has no Pagefind bundle yet');
      return;
    }
    const article = (await pageTypeSamples(site)).find((sample) => sample.type === 'article')!;
    const title = cheerio
      .load(readFileSync(pageFile(site.dir, article.url), 'utf8'))('h1')
      .text()
      .trim();
    const { page, violations, errors } = await watch(
      `${servers.get('sample')!.url(routes.search)}?q=${encodeURIComponent(title)}`,
    );
    await page.locator(`main a[href$="${article.url}"]`).first().waitFor({ timeout: 15_000 });
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
