import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../../src/publish/index.ts';
import { launchBrowser } from '../support/browser.ts';
import { build, copyFixture, page, writeArticle, type BuildRun } from '../support/build.ts';
import { checkLinks } from '../support/link-check.ts';
import { serveSite, type ServedSite } from '../support/static-server.ts';

// A portal published under a sub-path, configured as the GitHub Pages workflow does it.
const PREFIX = '/cong-thong-tin/';
const PUBLIC_ROOT = 'https://vidu.gov.vn/cong-thong-tin/';

let run: BuildRun;
let site: ServedSite;

before(async () => {
  const content = copyFixture('basic');
  // Editors write root-relative links and images; the build must prefix them.
  writeArticle(
    content,
    '2024/lien-ket-noi-bo.md',
    '---\ntitle: "Bài có liên kết nội bộ"\ndate: "2024-04-02T08:00:00+07:00"\nauthor: Phóng viên\naliases: ["/tin-cu/"]\n---\n' +
      'Xem [bài sơ kết](/tin-tuc/bac-kan-so-ket/) và [chuyên mục](/chuyen-muc/kinh-te/).\n\n![Hội nghị](/images/hoi-nghi.jpg "Ảnh hội nghị")\n',
  );
  run = build(content, { SITE_URL: 'https://vidu.gov.vn/cong-thong-tin', PATH_PREFIX: PREFIX });
  assert.equal(run.status, 0, run.stderr);
  // The build says what the host's root needs, outside the prefix.
  assert.match(run.stdout, /đặt _headers và _redirects .* ở gốc của bản triển khai, không đặt trong \/cong-thong-tin\//);
  assert.match(run.stdout, /phục vụ .*robots\.txt tại \/robots\.txt/);
  site = await serveSite(run.outputDir, { prefix: PREFIX });
});
after(() => site?.close());

/** Every page, feed and text file of the build, as served under the prefix. */
function everyDocument(): string[] {
  return listFiles(run.outputDir)
    .filter((f) => /\.(html|xml|txt)$/.test(f))
    .map((f) => site.root + f.replace(/(^|\/)index\.html$/, '$1'));
}

describe('a build with a path prefix, served only under it', () => {
  test('the server answers only under the prefix', async () => {
    assert.equal((await fetch(`${site.root}tin-tuc/bac-kan-so-ket/`)).status, 200);
    assert.equal((await fetch(`${site.origin}/tin-tuc/bac-kan-so-ket/`)).status, 404);
    assert.equal((await fetch(`${site.origin}/assets/css/site.css`)).status, 404);
  });

  test('every link, image, stylesheet, script, font, CSS url() and absolute URL resolves, the 404 page too at any depth', async () => {
    const result = await checkLinks(everyDocument(), {
      localRoot: site.root,
      publicRoot: PUBLIC_ROOT,
      notFoundPages: [`${site.root}khong/co/trang-nay/`],
    });
    assert.deepEqual(result.broken, []);
    const checked = new Set([...result.checked].map((url) => new URL(url).pathname));
    for (const reached of [
      'assets/images/emblem.svg',
      'assets/images/emblem.png',
      'assets/fonts/be-vietnam-pro-latin-700-normal.woff2',
      'feed.xml',
      'sitemap.xml',
      'tin-tuc/lien-ket-noi-bo/',
    ]) {
      assert.ok(checked.has(PREFIX + reached), `the crawl reached ${PREFIX}${reached}`);
    }
    assert.ok(
      [...checked].some((url) => url.startsWith(`${PREFIX}img/`) && url.endsWith('.avif')),
      'the crawl reached the photos (srcset)',
    );
    for (const hashed of [/assets\/css\/site\.[0-9a-f]+\.css$/, /assets\/js\/site\.[0-9a-f]+\.js$/]) {
      assert.ok(
        [...checked].some((url) => url.startsWith(PREFIX) && hashed.test(url)),
        `the crawl reached ${hashed}`,
      );
    }
  });

  test('the same build served at the root fails the check (the check can fail)', async () => {
    const misplaced = await serveSite(run.outputDir);
    try {
      const result = await checkLinks([misplaced.root], { localRoot: misplaced.root, publicRoot: PUBLIC_ROOT });
      assert.ok(
        result.broken.some((b) => new RegExp(`^${PREFIX}assets/css/site\\.[0-9a-f]+\\.css$`).test(b.ref)),
        'stylesheet missing at the root',
      );
    } finally {
      await misplaced.close();
    }
  });

  test('body links and images written root-relative get the prefix', () => {
    const $ = page(run.outputDir, '/tin-tuc/lien-ket-noi-bo/');
    assert.deepEqual(
      $('.article-body a')
        .map((_, a) => $(a).attr('href'))
        .get(),
      [`${PREFIX}tin-tuc/bac-kan-so-ket/`, `${PREFIX}chuyen-muc/kinh-te/`],
    );
    assert.match($('.article-body img').attr('src') ?? '', new RegExp(`^${PREFIX}img/[0-9a-f]+-\\d+\\.jpg$`));
    for (const source of $('.article-body source')
      .map((_, s) => $(s).attr('srcset'))
      .get()) {
      for (const candidate of source.split(',')) assert.ok(candidate.trim().startsWith(`${PREFIX}img/`), candidate);
    }
    assert.equal($('html').attr('data-path-prefix'), PREFIX, 'scripts read the prefix here');
  });

  test('the 404 page uses only prefixed absolute paths, so it works wherever it is served', () => {
    const $ = page(run.outputDir, '/404.html');
    const urls = $('[href], [src]')
      .map((_, el) => $(el).attr('href') ?? $(el).attr('src'))
      .get()
      .filter((url) => !/^(#|mailto:|tel:|https?:)/.test(url));
    assert.ok(urls.length > 10);
    assert.deepEqual(
      urls.filter((url) => !url.startsWith(PREFIX)),
      [],
    );
  });

  test('canonical, Open Graph, JSON-LD, feed, sitemap and robots.txt carry the prefix exactly once', () => {
    const $ = page(run.outputDir, '/tin-tuc/bac-kan-so-ket/');
    assert.equal($('link[rel="canonical"]').attr('href'), `${PUBLIC_ROOT}tin-tuc/bac-kan-so-ket/`);
    assert.equal($('meta[property="og:url"]').attr('content'), `${PUBLIC_ROOT}tin-tuc/bac-kan-so-ket/`);
    assert.match($('meta[property="og:image"]').attr('content') ?? '', new RegExp(`^${PUBLIC_ROOT}img/[0-9a-f]+-og\\.jpg$`));
    const ld = JSON.parse($('script[type="application/ld+json"]').text());
    assert.equal(ld.mainEntityOfPage, `${PUBLIC_ROOT}tin-tuc/bac-kan-so-ket/`);
    assert.equal(ld.publisher.url, PUBLIC_ROOT);
    assert.equal(ld.publisher.logo.url, `${PUBLIC_ROOT}assets/images/emblem.png`);

    const feed = readFileSync(path.join(run.outputDir, 'feed.xml'), 'utf8');
    assert.match(feed, new RegExp(`<link href="${PUBLIC_ROOT}feed.xml" rel="self"`));
    const sitemap = readFileSync(path.join(run.outputDir, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => m[1]);
    assert.ok(locs.length > 5 && locs.every((loc) => loc.startsWith(PUBLIC_ROOT)), 'sitemap URLs on the public root');
    const robots = readFileSync(path.join(run.outputDir, 'robots.txt'), 'utf8');
    assert.match(robots, /^Allow: \/cong-thong-tin\/$/m);
    assert.match(robots, /^Sitemap: https:\/\/vidu\.gov\.vn\/cong-thong-tin\/sitemap\.xml$/m);
    for (const text of [feed, sitemap, robots, $.html()]) assert.doesNotMatch(text, /cong-thong-tin\/cong-thong-tin/);
  });

  test('_redirects sends readers to prefixed pages that exist', async (t) => {
    const file = path.join(run.outputDir, '_redirects');
    if (!existsSync(file)) return t.skip('the build writes no _redirects (aliases not merged yet)');
    const rules = readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    assert.ok(rules.length > 0);
    for (const rule of rules) {
      const destination = rule.split(/\s+/)[1];
      const url = new URL(destination, PUBLIC_ROOT);
      assert.ok(url.href.startsWith(PUBLIC_ROOT), `${rule}: destination under ${PUBLIC_ROOT}`);
      assert.equal((await fetch(site.root + url.href.slice(PUBLIC_ROOT.length))).status, 200, rule);
    }
  });

  test('search loads its bundle and links its results under the prefix', async (t) => {
    if (!existsSync(path.join(run.outputDir, 'pagefind')))
      return t.skip('the build has no /pagefind/ bundle (search not merged yet)');
    const browser = await launchBrowser();
    try {
      const tab = await browser.newPage();
      const failures: string[] = [];
      tab.on('response', (response) => {
        if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
      });
      tab.on('pageerror', (error) => failures.push(error.message));
      await tab.goto(`${site.root}tim-kiem/?q=${encodeURIComponent('sơ kết')}`);
      const result = tab.locator('main a[href*="/tin-tuc/"]').first();
      await result.waitFor({ timeout: 15_000 });
      const hrefs = await tab
        .locator('main a[href*="/tin-tuc/"]')
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      assert.ok(hrefs.includes(`${site.root}tin-tuc/bac-kan-so-ket/`), `results: ${hrefs.join(', ')}`);
      for (const href of hrefs) assert.equal((await fetch(href)).status, 200, href);
      assert.deepEqual(failures, []);
    } finally {
      await browser.close();
    }
  });
});
