import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { routes } from '../../src/routes/index.ts';
import { launchBrowser } from '../support/browser.ts';
import { CHECKED_SITES, checkedSite } from '../support/checked-sites.ts';
import { PAGE_TYPES, pageTypeSamples } from '../support/page-types.ts';
import { serveSite, type ServedSite } from '../support/static-server.ts';

// axe-core (WCAG 2.1 A and AA rules) on one page of every type of both sites,
// at a phone's and a desktop's width; then the header, menu, search and
// feedback form driven with the keyboard alone.
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** axe for one page: legacy mode runs it in one call, twice as fast; the portal's pages have no frames to cross. */
const axe = (page: Page) => new AxeBuilder({ page }).withTags(WCAG_21_AA).setLegacyMode(true);
const WIDTHS = [360, 1280];
/** The corpus is checked at desktop width only: its page types share the sample's layouts. */
const AXE_WIDTHS: Record<string, number[]> = { sample: WIDTHS, corpus: [1280] };

let browser: Browser;
const servers = new Map<string, ServedSite>();

before(async () => {
  browser = await launchBrowser();
  for (const name of CHECKED_SITES) servers.set(name, await serveSite(checkedSite(name).dir));
});

after(async () => {
  await browser?.close();
  await Promise.all([...servers.values()].map((server) => server.close()));
});

/** A page in a context of its own (axe needs one), closed with `page.context().close()`. */
async function openPage(url: string, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const response = await page.goto(url, { waitUntil: 'load' });
  assert.ok(response, url);
  return page;
}

describe('axe-core, WCAG 2.1 A and AA', () => {
  const covered = new Set<string>();

  for (const name of CHECKED_SITES) {
    test(`no violations on any page type of the ${name} site`, async () => {
      const server = servers.get(name)!;
      const findings: string[] = [];
      for (const sample of await pageTypeSamples(checkedSite(name))) {
        covered.add(sample.type);
        for (const width of AXE_WIDTHS[name]) {
          const page = await openPage(server.url(sample.url), width);
          const results = await axe(page).analyze();
          await page.context().close();
          assert.ok(results.passes.length > 10, `${sample.url}: axe ran`);
          for (const violation of results.violations) {
            const nodes = violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ')}`);
            findings.push(
              `${sample.type} ${sample.url} @${width}px — ${violation.id}: ${violation.help}\n    ${nodes.slice(0, 5).join('\n    ')}`,
            );
          }
        }
      }
      assert.deepEqual(findings, []);
    });
  }

  test('axe finds a planted violation (the harness reads its results)', async () => {
    const page = await openPage(servers.get('sample')!.url(routes.contact), 1280);
    await page.evaluate(() => {
      const low = document.createElement('p');
      low.textContent = 'chữ mờ';
      low.style.color = '#ccc';
      document.querySelector('main')!.append(low, document.createElement('img'));
    });
    const results = await axe(page).analyze();
    assert.deepEqual(results.violations.map((v) => v.id).sort(), ['color-contrast', 'image-alt']);
    await page.context().close();
  });

  test('every page type was checked on at least one site', () => {
    assert.deepEqual(
      PAGE_TYPES.filter((type) => !covered.has(type)),
      [],
    );
  });
});

interface FocusStop {
  label: string;
  top: number;
  left: number;
  visible: boolean;
  indicator: boolean;
  /** The focus ring (outline and box-shadow) is cut off by an ancestor that clips its overflow. */
  clipped: boolean;
}

/** Presses Tab and describes what has focus: its name, where it is, whether focus can be seen. */
async function tab(page: Page): Promise<FocusStop> {
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const rect = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    let scrolled = 0;
    for (let parent = el.parentElement; parent; parent = parent.parentElement) scrolled += parent.scrollLeft;
    const label = el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim().replace(/\s+/g, ' ')}`;
    // How far the ring reaches outside the element: the outline beyond its offset, and the box-shadow's spread.
    const outline = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
    const spread = style.boxShadow === 'none' ? 0 : parseFloat(style.boxShadow.match(/-?[\d.]+px/g)?.[3] ?? '0');
    const reach = Math.max(0, outline, spread);
    let clipped = false;
    for (let parent = el.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      const { overflowX, overflowY } = getComputedStyle(parent);
      if (overflowX === 'visible' && overflowY === 'visible') continue;
      const box = parent.getBoundingClientRect();
      if (
        rect.left - reach < box.left ||
        rect.right + reach > box.right ||
        rect.top - reach < box.top ||
        rect.bottom + reach > box.bottom
      )
        clipped = true;
    }
    return {
      label,
      top: Math.round(rect.top + window.scrollY),
      // In the page's coordinates: the phone menu is one row that scrolls sideways as focus moves along it.
      left: Math.round(rect.left + scrolled),
      visible:
        rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < window.innerHeight && style.visibility !== 'hidden',
      indicator: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
      clipped,
    };
  });
}

async function tabThrough(page: Page, count: number): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let i = 0; i < count; i++) stops.push(await tab(page));
  return stops;
}

/** Tabs until `label` has focus (at most 60 presses) and returns that stop. */
async function tabTo(page: Page, label: string): Promise<FocusStop> {
  for (let i = 0; i < 60; i++) {
    const stop = await tab(page);
    if (stop.label === label) return stop;
  }
  throw new Error(`Tab never reached ${label}`);
}

function assertVisibleFocus(stops: FocusStop[]): void {
  for (const stop of stops) {
    assert.ok(stop.visible, `${stop.label} is on screen when focused`);
    assert.ok(stop.indicator, `${stop.label} shows a focus outline`);
    assert.ok(!stop.clipped, `${stop.label}: its focus outline is not cut off`);
  }
}

/** Reading order: each stop is below the previous one, or on the same row to its right. */
function assertReadingOrder(stops: FocusStop[]): void {
  for (let i = 1; i < stops.length; i++) {
    const [a, b] = [stops[i - 1], stops[i]];
    const sameRow = Math.abs(a.top - b.top) <= 4;
    assert.ok(sameRow ? b.left > a.left : b.top > a.top, `${a.label} (${a.left},${a.top}) → ${b.label} (${b.left},${b.top})`);
  }
}

describe('keyboard only', () => {
  const header = async (page: Page) => [
    'a:Bỏ qua, đến nội dung chính',
    'a:Trang chủ',
    'a:Góp ý',
    'a:Sơ đồ trang',
    'a:Liên hệ',
    `a:${await page.textContent('.brand-name')}`,
    '#tu-khoa',
    'button:Tìm kiếm',
  ];
  const menuLinks = (page: Page) =>
    page.$$eval('nav.main-menu .menu-items a', (links) => links.map((a) => `a:${a.textContent!.trim()}`));

  test('at 1280px, Tab goes skip link → header links → portal name → search → menu, each with visible focus', async () => {
    const page = await openPage(servers.get('sample')!.url(routes.home), 1280);
    const menu = await menuLinks(page);
    const stops = await tabThrough(page, 8 + menu.length);
    assert.deepEqual(
      stops.map((s) => s.label),
      [...(await header(page)), ...menu],
    );
    assertVisibleFocus(stops);
    assertReadingOrder(stops.slice(1));
    await page.context().close();
  });

  test('at 360px, Tab reaches the menu button after the search; Enter opens the menu, Escape closes it', async () => {
    const page = await openPage(servers.get('sample')!.url(routes.category('kinh-te')), 360);
    const menu = await menuLinks(page);
    const stops = await tabThrough(page, 9);
    assert.deepEqual(
      stops.map((s) => s.label),
      [...(await header(page)), 'button:Danh mục'],
    );
    assertVisibleFocus(stops);
    assertReadingOrder(stops.slice(1));
    const expanded = () => page.getAttribute('.menu-toggle', 'aria-expanded');
    assert.equal(await expanded(), 'false');
    assert.equal(await page.isVisible('.menu-items'), false, 'closed, the menu takes no room');

    await page.keyboard.press('Enter');
    assert.equal(await expanded(), 'true');
    const opened = await tabThrough(page, menu.length);
    assert.deepEqual(
      opened.map((s) => s.label),
      menu,
    );
    assertVisibleFocus(opened);
    assertReadingOrder(opened);
    // The current section shows, in the open menu, as the highlighted item.
    assert.equal(await page.textContent('.menu-items a[aria-current]'), 'Kinh tế');

    await page.keyboard.press('Escape');
    assert.equal(await expanded(), 'false');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'menu-toggle');
    assert.equal(await page.isVisible('.menu-items'), false);
    // Space works as well as Enter, and a second press closes.
    await page.keyboard.press('Space');
    assert.equal(await expanded(), 'true');
    await page.keyboard.press('Space');
    assert.equal(await expanded(), 'false');
    await page.context().close();
  });

  test('with JavaScript off, at 360px every menu item shows and Tab reaches each one after the search', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(servers.get('sample')!.url(routes.home));
    const menu = await menuLinks(page);
    assert.ok(menu.length >= 8, String(menu));
    assert.equal(await page.isVisible('.menu-toggle'), false, 'a button that could do nothing is not shown');
    const stops = await tabThrough(page, 8 + menu.length);
    assert.deepEqual(
      stops.map((s) => s.label),
      [...(await header(page)), ...menu],
    );
    assertVisibleFocus(stops);
    assertReadingOrder(stops.slice(1));
    await context.close();
  });

  test('the skip link moves focus to the main content, and Tab continues from there', async () => {
    const page = await openPage(servers.get('sample')!.url(routes.home), 1280);
    await tab(page);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'noi-dung');
    const next = await tab(page);
    assert.equal(await page.evaluate(() => !!document.activeElement?.closest('main')), true, next.label);
    await page.context().close();
  });

  test('a search typed in the header box lands on the search page with the query', async () => {
    const page = await openPage(servers.get('sample')!.url(routes.home), 1280);
    await tabTo(page, '#tu-khoa');
    await page.keyboard.type('nông thôn mới');
    await Promise.all([page.waitForURL((url) => url.pathname === routes.search), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).searchParams.get('q'), 'nông thôn mới');
    await page.context().close();
  });

  test('the feedback form is filled and submitted with the keyboard, in label order, skipping the honeypot', async () => {
    const page = await openPage(servers.get('sample')!.url(routes.feedback), 1280);
    const stops = [await tabTo(page, '#gy-ten'), ...(await tabThrough(page, 7))];
    assert.deepEqual(
      stops.map((s) => s.label),
      ['#gy-ten', '#gy-email', '#gy-dien-thoai', '#gy-dia-chi', '#gy-tieu-de', '#gy-noi-dung', '#gy-dong-y', 'button:Gửi góp ý'],
    );
    assertVisibleFocus(stops);
    assertReadingOrder(stops);

    // Submitting empty: the browser's own validation stops it and focuses the first required field.
    const action = await page.getAttribute('form.feedback-form', 'action');
    const posted: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posted.push(request.url());
    });
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'gy-ten');
    assert.deepEqual(posted, []);

    // Filled in with the keyboard, the form posts to the configured endpoint.
    await page.route(`${action}*`, (route) => route.fulfill({ status: 204 }));
    for (const text of ['Nguyễn Văn A', 'a@example.com', '0912 345 678', 'Bắc Kạn', 'Góp ý về cổng', 'Nội dung góp ý']) {
      await page.keyboard.type(text);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Space');
    assert.equal(await page.isChecked('#gy-dong-y'), true);
    await page.keyboard.press('Tab');
    const request = page.waitForRequest((r) => r.method() === 'POST');
    await page.keyboard.press('Enter');
    assert.equal((await request).url(), action);
    await page.context().close();
  });
});
