import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { t } from '../../src/i18n/index.ts';
import { numberVariants } from '../../src/search/index.ts';
import { launchBrowser } from '../support/browser.ts';
import { build, copyFixture } from '../support/build.ts';
import { serveSite, type ServedSite } from '../support/static-server.ts';

let server: ServedSite;
let browser: Browser;

before(async () => {
  const run = build(copyFixture('documents'));
  assert.equal(run.status, 0, run.stderr);
  server = await serveSite(run.outputDir);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

interface Result {
  url: string;
  title: string;
  kind: string;
}

/** What /tim-kiem/ shows for the URL's parameters, once the search has settled. */
async function results(params: Record<string, string>): Promise<Result[]> {
  const page: Page = await browser.newPage();
  await page.goto(server.url(`/tim-kiem/?${new URLSearchParams(params)}`));
  await page.waitForFunction((loading) => {
    const status = document.querySelector('.search-count')?.textContent ?? '';
    return status !== '' && status !== loading && !document.querySelector('.search-results[aria-busy]');
  }, t('searchLoading'));
  const found = await page.$$eval('.search-result', (items) =>
    items.map((item) => ({
      url: item.querySelector('h2 a')!.getAttribute('href')!,
      title: item.querySelector('h2')!.textContent!,
      kind: item.querySelector('.search-result-category')?.textContent ?? '',
    })),
  );
  await page.close();
  return found;
}

test('a document number is also indexed as loose spellings', () => {
  assert.deepEqual(numberVariants('123/QĐ-UBND'), ['123 QĐ UBND', '123QĐUBND']);
});

test('a document is found by its number typed loosely', async () => {
  for (const q of ['123/QĐ-UBND', '123 qd ubnd', '123-QĐ-UBND', '123qdubnd']) {
    const found = await results({ q });
    assert.equal(found[0]?.url, '/van-ban/123-qd-ubnd/', q);
    assert.equal(found[0].kind, 'Văn bản · Quyết định', q);
  }
});

test('a document is found by words of its summary, and filtered by its type', async () => {
  assert.deepEqual(
    (await results({ q: 'sot xuat huyet' })).map((r) => r.url),
    ['/van-ban/78-ubnd-vx/'],
  );
  assert.deepEqual(
    (await results({ 'loai-van-ban': 'ke-hoach' })).map((r) => r.url),
    ['/van-ban/45-kh-ubnd/'],
  );
  // "năm học mới" is in an article and a plan; the document filter keeps the plan only.
  const both = (await results({ q: 'năm học mới' })).map((r) => r.url).sort();
  assert.deepEqual(both, ['/tin-tuc/hoi-nghi-trien-khai/', '/van-ban/45-kh-ubnd/']);
  assert.deepEqual(
    (await results({ q: 'năm học mới', 'loai-noi-dung': 'van-ban' })).map((r) => r.url),
    ['/van-ban/45-kh-ubnd/'],
  );
});

test('static pages are found as "Trang" results', async () => {
  const found = await results({ q: 'lich su hinh thanh' });
  assert.equal(found[0]?.url, '/gioi-thieu/lich-su/');
  assert.equal(found[0].kind, 'Trang');
  assert.deepEqual((await results({ 'loai-noi-dung': 'trang' })).map((r) => r.url).sort(), [
    '/gioi-thieu/',
    '/gioi-thieu/co-cau-to-chuc/',
    '/gioi-thieu/lich-su/',
    '/lich-cong-tac/',
  ]);
});
