import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import * as cheerio from 'cheerio';
import type { Browser, Page } from 'playwright-core';
import { readArticle, type FrontMatter } from '../../src/content/index.ts';
import { routes } from '../../src/routes/index.ts';
import { slugify } from '../../src/slugs/index.ts';
import { launchBrowser } from '../support/browser.ts';
import { FIXTURES } from '../support/build.ts';
import { CHECKED_SITES, checkedSite, pageFile, pageUrl, siteFiles } from '../support/checked-sites.ts';
import { HOSTILE_ARTICLE } from '../support/page-types.ts';
import { serveSite, type ServedSite } from '../support/static-server.ts';

// tests/fixtures/hostile: an article whose every field carries markup and
// script. Each payload calls __xss('<where>'); it must show as plain text
// everywhere and never run.
const FIXTURE = path.join(FIXTURES, 'hostile', 'articles', '2026', 'noi-dung-doc-hai.md');
const source = readArticle(FIXTURE, readFileSync(FIXTURE), [])!;
const fm: FrontMatter = source.frontMatter;
const site = () => checkedSite('corpus');
const load = (url: string) => cheerio.load(readFileSync(pageFile(site().dir, url), 'utf8'));
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('hostile content renders as text', () => {
  test('on the article page: title, meta, image, caption, summary, author, tags and body', () => {
    const $ = load(HOSTILE_ARTICLE);
    assert.equal($('h1').text(), fm.title);
    assert.equal($('title').text().startsWith(fm.title), true);
    assert.equal($('meta[property="og:title"]').attr('content'), fm.title);
    assert.equal($('meta[name="description"]').attr('content'), fm.summary);
    assert.equal($('meta[property="og:image:alt"]').attr('content'), fm.image!.alt);
    assert.equal($('.lead-figure img').attr('alt'), fm.image!.alt);
    assert.equal($('.lead-figure figcaption').text(), fm.image!.caption);
    assert.equal($('.summary').text(), fm.summary);
    assert.equal($('.author').text(), fm.author);
    assert.deepEqual(
      $('.tags a')
        .map((_, a) => $(a).text())
        .get(),
      fm.tags,
    );
    const body = $('.article-body');
    assert.equal(body.find('script, img, iframe, details, style').length, 0);
    for (const shown of [
      "<script>__xss('body-script')</script>",
      `<img src=x onerror="__xss('body-img')">`,
      "</script><script>__xss('body-close')</script>",
      `<a href="javascript:__xss('raw-link')">`,
      "[Liên kết javascript](javascript:__xss('md-link'))",
    ]) {
      assert.ok(body.text().includes(shown), shown);
    }
    // The link with a hostile title attribute keeps it inside the attribute.
    assert.equal(body.find('a[title]').attr('title'), `" onmouseover="__xss('title-attr')`);
    const ld = JSON.parse($('script[type="application/ld+json"]').text());
    assert.equal(ld.headline, fm.title);
    assert.equal(ld.description, fm.summary);
    assert.equal(ld.author.name, fm.author);
  });

  test('in the lists: home, category, tag and archive pages', () => {
    const home = load(routes.home);
    assert.equal(home('.lead-title').text(), fm.title, 'the newest article leads the home page');
    assert.equal(home('.lead-story .story-photo img').attr('alt'), fm.image!.alt);
    const category = load(routes.category(fm.category!));
    assert.equal(category(`.card-title a[href="${HOSTILE_ARTICLE}"]`).text(), fm.title);
    assert.equal(
      squash(category(`.card-title a[href="${HOSTILE_ARTICLE}"]`).closest('.card').find('.card-summary').text()),
      squash(fm.summary!),
    );
    for (const tag of fm.tags) {
      const $ = load(routes.tag(slugify(tag)));
      assert.equal($('h1').text(), `Từ khóa: ${tag}`);
      assert.equal($(`.card-title a[href="${HOSTILE_ARTICLE}"]`).text(), fm.title);
    }
    const tags = load(routes.tagIndex);
    for (const tag of fm.tags) assert.equal(tags(`a[href="${routes.tag(slugify(tag))}"]`).text(), tag);
    const month = load(routes.archiveMonth(2026, 11));
    assert.equal(month(`.card-title a[href="${HOSTILE_ARTICLE}"]`).text(), fm.title);
  });

  test('in the feed and the sitemap', () => {
    const feed = parseFeed(readFileSync(pageFile(site().dir, routes.feed), 'utf8'));
    const entry = feed.items.find((item) => item.url?.endsWith(HOSTILE_ARTICLE));
    assert.ok(entry);
    assert.equal(entry.title, fm.title);
    assert.equal(entry.description, fm.summary);
    assert.equal(entry.authors[0].name, fm.author);
    const sitemap = cheerio.load(readFileSync(pageFile(site().dir, routes.sitemapXml), 'utf8'), { xml: true });
    const locs = sitemap('loc')
      .map((_, el) => sitemap(el).text())
      .get();
    for (const url of [HOSTILE_ARTICLE, ...fm.tags.map((tag) => routes.tag(slugify(tag)))]) {
      assert.ok(
        locs.some((loc) => loc.endsWith(url)),
        url,
      );
    }
    assert.ok(locs.every((loc) => /^https:\/\/[^<>"'\s]+$/.test(loc)));
  });

  for (const name of CHECKED_SITES) {
    test(`${name}: no page carries an event handler, script URL, inline style or foreign script`, () => {
      const dir = checkedSite(name).dir;
      const found: string[] = [];
      // The web editor is Decap's own app under its own policy (tests/cms/published.test.ts); it shows no content.
      const pages = siteFiles(dir, '.html').filter((file) => !file.startsWith(routes.admin));
      assert.ok(pages.length < siteFiles(dir, '.html').length, 'the sample and corpus sites publish the web editor');
      for (const file of pages) {
        const $ = cheerio.load(readFileSync(path.join(dir, file), 'utf8'));
        $('*').each((_, node) => {
          const el = node as unknown as { tagName: string; attribs: Record<string, string> };
          for (const [attr, value] of Object.entries(el.attribs)) {
            if (/^on/i.test(attr)) found.push(`${file}: <${el.tagName} ${attr}>`);
            if (attr === 'style') found.push(`${file}: <${el.tagName} style>`);
            // Attributes a browser follows as a URL; data-* values (search filters) are only ever read as text.
            const followed = /^(href|src|srcset|action|formaction|poster|cite|background|content)$/i.test(attr);
            if (followed && /^\s*(javascript|vbscript|data):/i.test(value) && !(attr === 'src' && /^data:image\//.test(value)))
              found.push(`${file}: ${attr}="${value}"`);
          }
        });
        $('iframe, object, embed, style, base').each((_, el) => {
          found.push(`${file}: <${$(el).prop('tagName')}>`);
        });
        $('script').each((_, el) => {
          const src = $(el).attr('src');
          if (src ? !/^\/[^/]/.test(src) : $(el).attr('type') !== 'application/ld+json')
            found.push(`${file}: <script ${src ?? 'inline'}>`);
        });
      }
      assert.deepEqual(found, []);
      assert.ok(siteFiles(dir, '.html').length > 20);
    });
  }
});

// In the browser, with the CSP taken out (no header, meta removed), so the
// test shows the escaping alone keeps content inert.
describe('hostile content never runs, even without the CSP', () => {
  let browser: Browser;
  let server: ServedSite;
  before(async () => {
    browser = await launchBrowser();
    server = await serveSite(site().dir, {
      transformHtml: (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a page where __xss records its calls, and pokes every element the way a reader might. */
  async function visit(url: string): Promise<{ page: Page; calls: string[] }> {
    const page = await browser.newPage();
    // A string, not a function: tsx would wrap a named arrow function in a helper the page lacks.
    await page.addInitScript('window.xssCalls = []; window.__xss = function (where) { window.xssCalls.push(where); };');
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('*')) {
        for (const type of ['mouseover', 'focus', 'toggle']) el.dispatchEvent(new Event(type));
      }
    });
    const calls = await page.evaluate(() => (window as unknown as { xssCalls: string[] }).xssCalls);
    return { page, calls };
  }

  test('the watch catches a payload that does run', async () => {
    const { page } = await visit(server.url(routes.contact));
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', `<img src="x" onerror="__xss('canary')">`));
    await page.waitForFunction(() => (window as unknown as { xssCalls: string[] }).xssCalls.includes('canary'));
    await page.close();
  });

  test('on the article, home, category, tag, archive and search pages', async () => {
    const urls = [
      HOSTILE_ARTICLE,
      routes.home,
      routes.category(fm.category!),
      routes.archiveMonth(2026, 11),
      routes.tagIndex,
      ...fm.tags.map((tag) => routes.tag(slugify(tag))),
      `${routes.search}?q=${encodeURIComponent(fm.title)}`,
    ];
    for (const url of urls) {
      const { page, calls } = await visit(server.url(url));
      if (url.startsWith(routes.search) && existsSync(path.join(site().dir, 'pagefind'))) {
        await page.locator(`main a[href$="${HOSTILE_ARTICLE}"]`).first().waitFor({ timeout: 15_000 });
        calls.push(...(await page.evaluate(() => (window as unknown as { xssCalls: string[] }).xssCalls)));
      }
      assert.deepEqual(calls, [], url);
      await page.close();
    }
  });
});

test('the hostile article is part of the corpus every check runs over', () => {
  assert.ok(siteFiles(site().dir, '.html').map(pageUrl).includes(HOSTILE_ARTICLE));
});
