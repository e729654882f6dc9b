// The search page in headless Chromium, against a build of tests/fixtures/search served under a strict CSP.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { t } from '../../src/i18n/index.ts';
import { launchBrowser } from '../support/browser.ts';
import { headersFor, readHeadersFile } from '../support/headers-file.ts';
import { build, copyFixture, FIXTURES } from '../support/build.ts';
import { serveSite, type ServedSite } from '../support/static-server.ts';

let server: ServedSite;
let policy: string;
let browser: Browser;
let context: BrowserContext;
/** CSP violations and script errors seen on any page: there must be none. */
const problems: string[] = [];

before(async () => {
  // Shards of at most 4 pages: the fixture's 13 articles of 2021–2024 make 4 shards, so every test also searches merged shards.
  const run = build(copyFixture('search'), { PORTAL_SEARCH_SHARD_PAGES: '4' });
  assert.equal(run.status, 0, run.stderr);
  // The headers the build writes for hosts (Content-Security-Policy among them), as a host would send them.
  const blocks = readHeadersFile(path.join(run.outputDir, '_headers'));
  policy = headersFor(blocks, '/tim-kiem/')['Content-Security-Policy'];
  server = await serveSite(run.outputDir, { headers: (pathname) => headersFor(blocks, pathname) });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.exposeBinding('reportProblem', (_source, text: string) => {
    problems.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportProblem(text: string): void }).reportProblem(
        `CSP ${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} on ${location.pathname}`,
      );
    });
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

interface Shown {
  slug: string;
  title: string;
  date: string;
  category: string;
  excerpt: string;
  marks: string[];
}

async function newPage(): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  return page;
}

/** Waits until the page shows the outcome of the latest search. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction((loading) => {
    const status = document.querySelector('.search-count')?.textContent ?? '';
    return status !== '' && status !== loading && !document.querySelector('.search-results[aria-busy]');
  }, t('searchLoading'));
  assert.deepEqual(problems, []);
}

async function open(params: Record<string, string>): Promise<Page> {
  const page = await newPage();
  await page.goto(`${server.origin}/tim-kiem/?${new URLSearchParams(params)}`);
  await settled(page);
  return page;
}

function shown(page: Page): Promise<Shown[]> {
  return page.$$eval('.search-result', (items) =>
    items.map((item) => ({
      slug: item
        .querySelector('h2 a')!
        .getAttribute('href')!
        .replace(/^\/tin-tuc\/|\/$/g, ''),
      title: item.querySelector('h2')!.textContent!,
      date: item.querySelector('time')?.textContent ?? '',
      category: item.querySelector('.search-result-category')?.textContent ?? '',
      excerpt: item.querySelector('.search-excerpt')!.textContent!,
      marks: [...item.querySelectorAll('.search-excerpt mark')].map((mark) => mark.textContent!),
    })),
  );
}

async function slugsFor(params: Record<string, string>): Promise<string[]> {
  const page = await open(params);
  const slugs = (await shown(page)).map((result) => result.slug);
  await page.close();
  return slugs;
}

const status = (page: Page) => page.getByRole('status').locator('.search-count').textContent();

describe('Vietnamese queries: the expected article is the first result', () => {
  const nfd = (text: string) => text.normalize('NFD');
  const table: [query: string, first: string][] = [
    ['Đảng ủy', 'dang-uy-tinh-tong-ket'],
    ['dang uy', 'dang-uy-tinh-tong-ket'],
    ['dang', 'dang-uy-tinh-tong-ket'],
    ['Đà Nẵng', 'hoc-tap-kinh-nghiem-da-nang'],
    ['Da Nang', 'hoc-tap-kinh-nghiem-da-nang'],
    [nfd('Đà Nẵng'), 'hoc-tap-kinh-nghiem-da-nang'],
    ['được', 'nguoi-dan-duoc-ho-tro'],
    ['duoc', 'nguoi-dan-duoc-ho-tro'],
    ['xã hội hóa', 'xa-hoi-hoa-giao-duc'],
    ['xa hoi hoa', 'xa-hoi-hoa-giao-duc'],
    [nfd('nông thôn mới'), 'nong-thon-moi-cho-don'],
    ['nong thon moi', 'nong-thon-moi-cho-don'],
    ['chuyển đổi số', 'chuyen-doi-so-cap-xa'],
    ['chuyen doi so', 'chuyen-doi-so-cap-xa'],
    ['đang', 'du-an-cham-tien-do'],
    ['dạng', 'dang-bai-thi-moi'],
    ['xã hội hoá', 'xa-hoi-hoa-giao-duc'],
    ['ba be', 'du-lich-pac-ngoi'],
    ['Ba Bể', 'du-lich-pac-ngoi'],
  ];
  for (const [query, first] of table) {
    const label = query === query.normalize('NFC') ? query : `${query.normalize('NFC')} (NFD)`;
    test(`«${label}» → ${first}`, async () => {
      const slugs = await slugsFor({ q: query });
      assert.equal(slugs[0], first, `got ${slugs.join(', ')}`);
    });
  }

  test('a query without diacritics finds the same articles as the accented one', async () => {
    const pairs = [
      ['Đảng ủy', 'dang uy'],
      ['Đà Nẵng', 'Da Nang'],
      ['được', 'duoc'],
      ['xã hội hóa', 'xa hoi hoa'],
      ['nông thôn mới', 'nong thon moi'],
    ];
    for (const [accented, plain] of pairs) {
      const expected = (await slugsFor({ q: accented })).sort();
      assert.ok(expected.length > 0, accented);
      assert.deepEqual((await slugsFor({ q: plain })).sort(), expected, `${plain} ↔ ${accented}`);
    }
  });

  test('"Đảng" lists every article saying Đảng before those saying đang or dạng', async () => {
    const slugs = await slugsFor({ q: 'Đảng' });
    // The rice-harvest article says Đảng once; by word counts alone it would come after the đang and dạng ones.
    const exact = ['dang-uy-tinh-tong-ket', 'hoi-nghi-ban-chap-hanh', 'mua-lua-chin-ruong-bac-thang'];
    assert.deepEqual(slugs.slice(0, 3).sort(), exact.sort(), slugs.join(', '));
    assert.ok(slugs.includes('du-an-cham-tien-do') && slugs.includes('dang-bai-thi-moi'), 'đang and dạng still match, later');
  });

  test('a word found nowhere gives the no-results message, not look-alike words', async () => {
    const page = await open({ q: 'bitcoin' });
    assert.equal(await status(page), t('searchNone', { query: 'bitcoin' }));
    assert.equal(await page.locator('.search-advice').textContent(), t('searchNoneHint'));
    assert.equal(await page.locator('.search-result').count(), 0);
    await page.close();
  });
});

describe('the shards a search loads', () => {
  /** The shards whose page list (pf_meta) or word index (pf_index) the page fetched. */
  const loaded = (urls: string[], kind: string) =>
    [...new Set(urls.filter((url) => url.endsWith(`.${kind}`)).map((url) => new URL(url).pathname.split('/')[2]))].sort();

  test('a word of one shard loads that shard and the newest (Pagefind’s primary) only; a later query merges more', async () => {
    const page = await newPage();
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    // "rừng" is in a 2021 article only (the fixture's shards: 2024, 2023, 2022, 2021).
    await page.goto(`${server.origin}/tim-kiem/?q=${encodeURIComponent('rung')}`);
    await settled(page);
    assert.deepEqual(
      (await shown(page)).map((result) => result.slug),
      ['trong-rung-go-lon'],
    );
    assert.deepEqual(loaded(urls, 'pf_meta'), ['2021', '2024']);
    assert.deepEqual(loaded(urls, 'pf_index'), ['2021', '2024']);
    assert.ok(
      urls.some((url) => url.endsWith('.pf_words')),
      'the word table was read',
    );
    // «chấp» (Ban Chấp hành) is in 2023 only: 2023 is merged now, and nothing else.
    await page.fill('input[name="q"]', 'chấp');
    await page.press('input[name="q"]', 'Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'chấp');
    await settled(page);
    assert.deepEqual(
      (await shown(page)).map((result) => result.slug),
      ['hoi-nghi-ban-chap-hanh'],
    );
    assert.deepEqual(loaded(urls, 'pf_meta'), ['2021', '2023', '2024']);
    await page.close();
  });
});

describe('phrases, whole syllables and clean excerpts', () => {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

  test('articles holding the syllables side by side come before those where they are scattered', async () => {
    for (const query of ['nong thon moi', 'dang uy', 'Đà Nẵng']) {
      const page = await open({ q: query });
      const results = await shown(page);
      const together = results.map((r) => r.marks.some((mark) => fold(mark) === fold(query)));
      assert.ok(together[0], `${query}: the first result holds the phrase`);
      assert.ok(together.lastIndexOf(true) < together.indexOf(false) || !together.includes(false), `${query}: ${together}`);
      await page.close();
    }
  });

  test('a short syllable does not pull in longer ones ("thon" is not "thông"), and the count is the list', async () => {
    const page = await open({ q: 'thon' });
    const results = await shown(page);
    assert.ok(results.length > 0);
    assert.equal(await status(page), t('searchFound', { count: results.length, query: 'thon' }));
    for (const result of results) {
      assert.ok(
        result.marks.every((mark) => fold(mark) === 'thon'),
        `${result.slug}: ${result.marks.join('|')}`,
      );
    }
    await page.close();
  });

  test('highlights cover words, not punctuation; an excerpt cut mid-sentence shows "…"', async () => {
    for (const query of ['Đà Nẵng', 'nong thon moi', 'tinh', 'được']) {
      const page = await open({ q: query });
      for (const result of await shown(page)) {
        for (const mark of result.marks) assert.match(mark, /^[\p{L}\p{N}](?:.*[\p{L}\p{N}])?$/u, `${query}: «${mark}»`);
        assert.match(result.excerpt, /^(?:… |[\p{Lu}\p{N}])/u, `${query}: starts a sentence or shows …: ${result.excerpt}`);
        assert.match(result.excerpt, /(?: …|[.!?…]["”’)]*)$/u, `${query}: ends a sentence or shows …: ${result.excerpt}`);
      }
      await page.close();
    }
  });

  test('the count is announced in a polite live region, and focus stays in the search box', async () => {
    const page = await open({});
    const box = page.getByLabel(t('searchQueryLabel'));
    await box.fill('Đà Nẵng');
    await box.press('Enter');
    await settled(page);
    assert.equal(await status(page), t('searchFound', { count: (await shown(page)).length, query: 'Đà Nẵng' }));
    assert.equal(await page.locator('.search-status').getAttribute('aria-atomic'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'noi-dung-tim');
    await page.close();
  });

  for (const width of [360, 1280]) {
    test(`at ${width}px, opening a ?q= link shifts the layout by at most 0.05 (CLS)`, async () => {
      const viewport = { width, height: width < 600 ? 740 : 900 };
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      await page.addInitScript(() => {
        const shifts: number[] = [];
        (window as unknown as { shifts: number[] }).shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
            if (!entry.hadRecentInput) shifts.push(entry.value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${server.origin}/tim-kiem/?q=${encodeURIComponent('nong thon moi')}`);
      await settled(page);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      // Every shift summed: at least the largest session window that CLS reports.
      const total = await page.evaluate(() =>
        (window as unknown as { shifts: number[] }).shifts.reduce((sum, value) => sum + value, 0),
      );
      assert.ok(total <= 0.05, `layout shift ${total.toFixed(4)}`);
      await page.close();
    });
  }
});

describe('results', () => {
  test('show count, title, date, category and an excerpt with the real accented words marked', async () => {
    const page = await open({ q: 'dang uy' });
    assert.equal(await status(page), 'Tìm thấy 2 kết quả cho «dang uy»');
    const [first] = await shown(page);
    assert.equal(first.title, 'Đảng ủy tỉnh tổng kết công tác xây dựng Đảng năm 2024');
    assert.equal(first.date, '20/12/2024');
    assert.equal(first.category, 'Chính trị');
    assert.ok(first.marks.includes('Đảng ủy'), `the phrase is one highlight: ${first.marks.join('|')}`);
    assert.doesNotMatch(first.excerpt + first.title, /[\u1E0E\u1E0F]/, 'no stand-in letters shown');
    assert.match(first.excerpt, /Đảng ủy tỉnh tổ chức hội nghị/);
    assert.equal(await page.getByLabel(t('searchQueryLabel')).inputValue(), 'dang uy');
    assert.equal(await page.getByRole('search').count(), 1, 'one search box: the header has none on this page');
    await page.close();
  });

  test('only articles are indexed: not the footer, nor "Các tin khác" of other articles', async () => {
    assert.deepEqual(await slugsFor({ q: 'Trường Chinh' }), [], 'the agency address is in every footer');
    assert.deepEqual(await slugsFor({ q: 'Pác Ngòi' }), ['du-lich-pac-ngoi'], 'its title is listed on other articles');
  });

  test('"Xem thêm kết quả" shows ten more and moves focus to the first new one', async () => {
    // Every article of the fixture mentions "tỉnh".
    const total = (readdirSync(path.join(FIXTURES, 'search/articles'), { recursive: true }) as string[]).filter((f) =>
      f.endsWith('.md'),
    ).length;
    assert.ok(total > 10 && total <= 20, 'the fixture needs between 11 and 20 articles');
    const page = await open({ q: 'tinh' });
    assert.equal(await page.locator('.search-result').count(), 10);
    assert.equal(await status(page), `Tìm thấy ${total} kết quả cho «tinh»`);
    assert.equal(await page.locator('.search-shown').textContent(), t('searchShown', { shown: 10, count: total }));
    await page.getByRole('button', { name: t('searchMore') }).click();
    await page.waitForFunction((count) => document.querySelectorAll('.search-result').length === count, total);
    assert.equal(
      await page.evaluate(() => document.activeElement === document.querySelector('.search-result:nth-child(11) h2 a')),
      true,
    );
    assert.equal(await page.getByRole('button', { name: t('searchMore') }).isVisible(), false);
    await page.close();
  });
});

describe('filters and sort', () => {
  const dates = async (page: Page) => (await shown(page)).map((r) => r.date.split('/').reverse().join('-'));

  test('newest first reorders the same results by date, and says so in the URL', async () => {
    const page = await open({ q: 'hội nghị' });
    const relevance = await shown(page);
    assert.equal(relevance[0].slug, 'hoi-nghi-ban-chap-hanh');
    await page.getByRole('radio', { name: t('searchSortNewest') }).check();
    await settled(page);
    const newest = await shown(page);
    assert.equal(newest[0].slug, 'dang-uy-tinh-tong-ket');
    const order = await dates(page);
    assert.deepEqual(order, [...order].sort().reverse());
    assert.deepEqual(newest.map((r) => r.slug).sort(), relevance.map((r) => r.slug).sort());
    assert.equal(new URL(page.url()).searchParams.get('sap-xep'), 'moi-nhat');
    await page.close();
  });

  test('category, tag and year narrow the results; the back button restores them', async () => {
    const page = await open({ q: 'hội nghị' });
    const all = (await shown(page)).map((r) => r.slug);
    assert.ok(all.length > 3);

    await page.getByRole('combobox', { name: t('searchCategory') }).selectOption('chinh-tri');
    await settled(page);
    assert.deepEqual(
      (await shown(page)).map((r) => r.category),
      ['Chính trị', 'Chính trị'],
    );
    assert.equal(new URL(page.url()).searchParams.get('chuyen-muc'), 'chinh-tri');

    await page.getByRole('combobox', { name: t('searchCategory') }).selectOption('');
    await page.getByRole('combobox', { name: t('searchYear') }).selectOption('2024');
    await settled(page);
    assert.deepEqual((await shown(page)).map((r) => r.slug).sort(), ['dang-uy-tinh-tong-ket', 'du-an-cham-tien-do']);

    await page.getByRole('combobox', { name: t('searchYear') }).selectOption('');
    await page.getByRole('combobox', { name: t('searchTag') }).selectOption({ label: 'Đảng ủy' });
    await settled(page);
    assert.deepEqual((await shown(page)).map((r) => r.slug).sort(), ['dang-uy-tinh-tong-ket', 'hoi-nghi-ban-chap-hanh']);
    assert.equal(new URL(page.url()).searchParams.get('the'), 'dang-uy');

    await page.goBack();
    await settled(page);
    assert.equal(await page.getByRole('combobox', { name: t('searchTag') }).inputValue(), '');
    assert.deepEqual(
      (await shown(page)).map((r) => r.slug),
      all,
    );
    await page.goBack();
    await settled(page);
    assert.equal(await page.getByRole('combobox', { name: t('searchYear') }).inputValue(), '2024');
    assert.equal(await page.locator('.search-result').count(), 2);
    await page.close();
  });

  test('a shared link restores query, filters and sort', async () => {
    const page = await open({ q: 'hoi nghi', nam: '2024', 'sap-xep': 'moi-nhat' });
    assert.equal(await page.getByRole('combobox', { name: t('searchYear') }).inputValue(), '2024');
    assert.equal(await page.getByRole('radio', { name: t('searchSortNewest') }).isChecked(), true);
    assert.deepEqual(
      (await shown(page)).map((r) => r.slug),
      ['dang-uy-tinh-tong-ket', 'du-an-cham-tien-do'],
    );
    await page.close();
  });

  test('filters alone list the matching articles, newest first', async () => {
    const page = await open({ 'chuyen-muc': 'chinh-tri' });
    assert.equal(await status(page), t('searchFoundFiltered', { count: 2 }));
    assert.deepEqual(
      (await shown(page)).map((r) => r.slug),
      ['dang-uy-tinh-tong-ket', 'hoi-nghi-ban-chap-hanh'],
    );
    await page.close();
  });
});

describe('searching from the page and from the header', () => {
  test('a query typed in decomposed Unicode finds the article and the URL can be shared', async () => {
    const page = await open({});
    assert.equal(await status(page), t('searchPrompt'));
    await page.getByLabel(t('searchQueryLabel')).fill('nông thôn mới'.normalize('NFD'));
    await page.getByLabel(t('searchQueryLabel')).press('Enter');
    await settled(page);
    assert.equal((await shown(page))[0]?.slug, 'nong-thon-moi-cho-don');
    assert.equal(new URL(page.url()).searchParams.get('q'), 'nông thôn mới');
    await page.close();
  });

  test('the header box on any page is a plain GET form to /tim-kiem/', async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/tin-tuc/du-lich-pac-ngoi/`);
    await page.getByLabel(t('searchLabel')).fill('duoc');
    await page.getByLabel(t('searchLabel')).press('Enter');
    await page.waitForURL(/\/tim-kiem\/\?q=duoc$/);
    await settled(page);
    assert.equal((await shown(page))[0]?.slug, 'nguoi-dan-duoc-ho-tro');
    await page.close();
  });
});

describe('without JavaScript', () => {
  test('the page says search needs JavaScript and links to Sơ đồ trang and the categories', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${server.origin}/tim-kiem/?q=dang`);
    assert.equal(await page.locator('.notice').textContent(), t('searchNoScript'));
    assert.equal(await page.locator('.notice').isVisible(), true);
    const links = await page.locator('main noscript a, main ul a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, [
      '/so-do-trang/',
      '/chuyen-muc/chinh-tri/',
      '/chuyen-muc/kinh-te/',
      '/chuyen-muc/van-hoa-xa-hoi/',
      '/chuyen-muc/giao-duc/',
      '/chuyen-muc/chi-dao-dieu-hanh/',
    ]);
    assert.equal(await page.locator('.search-page').isVisible(), false, 'no form that cannot work');
    await noScript.close();
  });
});

describe('Content-Security-Policy', () => {
  test('the server sends the portal policy: no inline script, WebAssembly for Pagefind', async () => {
    const response = await fetch(`${server.origin}/tim-kiem/`);
    assert.equal(response.headers.get('content-security-policy'), policy);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    assert.doesNotMatch(policy, /unsafe-inline/);
  });

  test('the violation recorder works: an inline script is reported', async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/tim-kiem/`);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.ran = true';
      document.body.append(script);
    });
    await page.waitForFunction(() => true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const recorded = problems.splice(0);
    // Once per policy that blocks it: the page's <meta> copy and the header.
    assert.ok(recorded.length >= 1, 'reported');
    for (const line of recorded) assert.match(line, /CSP script-src-elem blocked inline/);
    await page.close();
  });

  test('no page searched above broke the policy or threw', () => {
    assert.deepEqual(problems, []);
  });
});
