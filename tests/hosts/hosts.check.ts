// npm run check:hosts: the sample site, at the root and under a path prefix, deployed with
// `npm run deploy -- <folder> --host …` and served by the hosts' real emulators (wrangler pages
// dev, netlify dev), checked with real HTTP requests: every rule of _headers, every alias, the
// 404 page, trailing slashes. Not part of `npm test`: the emulators are installed apart
// (npm run hosts:install), and .ci/run runs this after npm test.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { t } from '../../src/i18n/index.ts';
import { listFiles } from '../../src/publish/index.ts';
import { adminContentSecurityPolicy, contentSecurityPolicy } from '../../src/security/index.ts';
import { loadSiteSettings } from '../../src/site/index.ts';
import { ROOT } from '../support/build.ts';
import { NPM_RUN_BUILD } from '../../scripts/npm-scripts.ts';
import { headersFor, matchesPattern, readHeadersFile } from '../support/headers-file.ts';
import type { HostName } from '../../src/deploy/index.ts';
import { requireEmulators, startEmulator, type Emulator } from './emulators.ts';

const PREFIX = '/cong-thong-tin/';
const SITE_URL = 'https://backan.example.gov.vn';
/** Old addresses an editor keeps after moving articles: with and without a slash, and one of an old ASP.NET portal. */
const ALIASES: Record<string, string[]> = {
  'bac-kan-so-ket-03-nam.md': ['/tin-cu/so-ket-03-nam/', '/Pages/tin-tuc-1234.aspx'],
  'bua-an-ban-tru-cho-hoc-sinh-vung-cao.md': ['/tin-tuc/bua-an-ban-tru'],
};
const ARTICLE = 'tin-tuc/bac-kan-so-ket-03-nam/';

interface Variant {
  host: HostName;
  prefix: string;
  /** The build: what the host should do is read from its _headers and _redirects. */
  outputDir: string;
  /** The folder the emulator serves: the deploy's root. */
  root: string;
  emulator?: Emulator;
}

const variants: Variant[] = (['cloudflare', 'netlify'] as const).flatMap((host) =>
  ['/', PREFIX].map((prefix) => ({ host, prefix, outputDir: '', root: '' })),
);
const label = (v: Variant) => `${v.host}, ${v.prefix === '/' ? 'at the root' : `under ${v.prefix}`}`;
const site = loadSiteSettings(path.join(ROOT, 'content/_data/site.yaml'));
let requests = 0;

// Before anything else, so a missing emulator is one message, not a failure per host.
requireEmulators();
/** Scratch folders (content, builds, deploys), removed at the end. */
const scratches: string[] = [];
const scratch = (name: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `portal-hosts-${name}-`));
  scratches.push(dir);
  return dir;
};

/** The sample content, with aliases added to two articles. */
function sampleWithAliases(): string {
  const content = path.join(scratch('content'), 'content');
  cpSync(path.join(ROOT, 'content'), content, { recursive: true });
  for (const [name, aliases] of Object.entries(ALIASES)) {
    const year = readdirSync(path.join(content, 'articles')).find((y) =>
      readdirSync(path.join(content, 'articles', y)).includes(name),
    );
    const file = path.join(content, 'articles', year!, name);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^---\n/, `---\naliases: ${JSON.stringify(aliases)}\n`));
  }
  return content;
}

/** Node with `nodeArgs` (a script through tsx, or npm run build's command). */
function run(nodeArgs: string[], env: Record<string, string>): string {
  const result = spawnSync(process.execPath, nodeArgs, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  assert.equal(result.status, 0, `${nodeArgs.join(' ')}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** npm run build, then npm run deploy -- <root> --host <host>, as an administrator would. */
function buildAndDeploy(variant: Variant, content: string): void {
  const dir = scratch(variant.host);
  variant.outputDir = path.join(dir, '_site');
  const env = {
    PORTAL_CONTENT: content,
    PORTAL_OUTPUT: variant.outputDir,
    SITE_URL: SITE_URL + variant.prefix,
    PORTAL_NOW: '',
    NETLIFY: variant.host === 'netlify' ? 'true' : '',
    // The search index in shards, so the word table's files are served too (one shard has none).
    PORTAL_SEARCH_SHARD_PAGES: '20',
  };
  run(NPM_RUN_BUILD, env);
  variant.root = path.join(dir, 'deploy');
  run(['--import', 'tsx', 'scripts/deploy.ts', variant.root, '--host', variant.host], env);
}

interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

/** One request, redirects not followed, the body read to its end (netlify dev closes every connection). */
async function get(variant: Variant, url: string): Promise<Answer> {
  requests++;
  const response = await fetch(variant.emulator!.origin + url, { redirect: 'manual' });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/**
 * The Cache-Control Netlify sends for a URL, by Netlify's own `_headers` parser
 * (the one its builds use) and its rule of a later match winning. netlify dev
 * can't show it: its static server answers `public, max-age=0`, and the proxy
 * writes that over the rules' value (netlify-cli dist/utils/proxy.js, writeHead
 * after setHeader); the real CDN sends the rules' value.
 */
async function netlifyCacheControl(root: string, url: string): Promise<string | undefined> {
  const parser = path.join(ROOT, '.cache/hosts/node_modules/@netlify/headers-parser/lib/index.js');
  const { parseAllHeaders } = (await import(parser)) as {
    parseAllHeaders: (
      options: object,
    ) => Promise<{ headers: { forRegExp: RegExp; values: Record<string, string> }[]; errors: Error[] }>;
  };
  const { headers, errors } = await parseAllHeaders({ headersFiles: [path.join(root, '_headers')], minimal: false });
  assert.deepEqual(errors, [], "Netlify's parser reads every line of _headers");
  const values = Object.assign({}, ...headers.filter((rule) => rule.forRegExp.test(url)).map((rule) => rule.values));
  return values['Cache-Control'];
}

/** The Cache-Control the host sends for `url`, from the response or, on netlify dev, from Netlify's parser. */
async function cacheControl(variant: Variant, url: string, answer: Answer): Promise<string | null | undefined> {
  return variant.host === 'netlify' ? netlifyCacheControl(variant.root, url) : answer.headers.get('Cache-Control');
}

/** The build's files as the URLs readers ask for: folders for index.html, no other .html (hosts strip it), no dotfiles. */
function servedUrls(variant: Variant): string[] {
  return listFiles(variant.outputDir)
    .filter((file) => !/(^|\/)[._]/.test(file) && (!file.endsWith('.html') || /(^|\/)index\.html$/.test(file)))
    .map((file) => variant.prefix + file.replace(/(^|\/)index\.html$/, '$1'));
}

/** The build's `_redirects` rules: old address, new address, status. */
function redirectRules(variant: Variant): [string, string, string][] {
  return readFileSync(path.join(variant.outputDir, '_redirects'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.trim().split(/\s+/) as [string, string, string]);
}

/** Each rule the build wrote, on up to three of the files it covers: every header it sets, with the value of the last matching rule. */
async function checkHeaderRules(variant: Variant): Promise<void> {
  const blocks = readHeadersFile(path.join(variant.outputDir, '_headers'));
  const redirected = new Set(redirectRules(variant).map(([from]) => from));
  const urls = servedUrls(variant).filter((url) => !redirected.has(url));
  assert.ok(blocks.length >= 9, 'the build wrote its rules');
  for (const block of blocks) {
    const covered = urls.filter((url) => matchesPattern(block.pattern, url));
    assert.ok(covered.length, `${block.pattern} covers files of the build`);
    for (const url of new Set([covered[0], covered[Math.floor(covered.length / 2)], covered.at(-1)!])) {
      const response = await get(variant, url);
      assert.equal(response.status, 200, url);
      for (const [name, value] of Object.entries(headersFor(blocks, url))) {
        const sent = name === 'Cache-Control' ? await cacheControl(variant, url, response) : response.headers.get(name);
        assert.equal(sent, value, `${url}: ${name}`);
      }
    }
  }
}

/** Every old address of the build's _redirects answers 301 with the new address, which answers 200. */
async function checkAliases(variant: Variant): Promise<void> {
  const rules = redirectRules(variant);
  assert.equal(rules.length, Object.values(ALIASES).flat().length);
  for (const [from, to] of rules) {
    assert.ok(from.startsWith(variant.prefix) && to.startsWith(variant.prefix), `${from} ${to}: under the prefix`);
    const response = await get(variant, from);
    assert.equal(response.status, 301, from);
    assert.equal(new URL(response.headers.get('Location')!, variant.emulator!.origin).pathname, to, from);
    assert.equal((await get(variant, to)).status, 200, to);
  }
}

before(async () => {
  const content = sampleWithAliases();
  for (const variant of variants) buildAndDeploy(variant, content);
  // One at a time: they share two cores with the rest of the machine.
  for (const variant of variants)
    variant.emulator = await startEmulator(variant.host, variant.root, `${variant.prefix}${ARTICLE}`);
});

after(async () => {
  await Promise.all(variants.map((v) => v.emulator?.stop()));
  for (const dir of scratches) rmSync(dir, { recursive: true, force: true });
  console.log(`check:hosts: ${requests} yêu cầu HTTP tới ${variants.length} máy chủ giả lập.`);
});

for (const variant of variants) {
  describe(label(variant), () => {
    test('every rule of _headers is applied as written, on the files it covers', () => checkHeaderRules(variant));

    test('pages carry the portal policy; the web editor its own, and only its own', async () => {
      for (const url of ['', ARTICLE, 'tim-kiem/', 'so-do-trang/']) {
        const response = await get(variant, variant.prefix + url);
        assert.equal(response.headers.get('Content-Security-Policy'), contentSecurityPolicy(site), url);
        assert.equal(response.headers.get('X-Frame-Options'), 'DENY', url);
      }
      const admin = await get(variant, `${variant.prefix}quan-tri/`);
      assert.equal(admin.status, 200);
      assert.equal(admin.headers.get('Content-Security-Policy'), adminContentSecurityPolicy(site));
      assert.equal(admin.headers.get('X-Robots-Tag'), 'noindex, nofollow');
    });

    test('the stylesheet, script, photos and fonts pages load are cached: a year when hashed, a month for fonts', async () => {
      const $ = cheerio.load((await get(variant, variant.prefix + ARTICLE)).body);
      const hashed = [
        $('link[rel="stylesheet"]').attr('href'),
        $('script[src]').attr('src'),
        $('main img').attr('src'),
        $('main source').attr('srcset')?.split(',')[0].trim().split(' ')[0],
      ];
      for (const url of hashed) {
        if (!url) assert.fail(`the article page links ${hashed.join(', ')}`);
        assert.ok(url?.startsWith(variant.prefix), `${url} under the prefix`);
        const response = await get(variant, url);
        assert.equal(response.status, 200, url);
        assert.equal(await cacheControl(variant, url, response), 'public, max-age=31536000, immutable', url);
      }
      const font = servedUrls(variant).find((url) => url.endsWith('.woff2'))!;
      assert.equal(await cacheControl(variant, font, await get(variant, font)), 'public, max-age=2592000', font);
    });

    test('every alias answers 301 with its new address, which answers 200', () => checkAliases(variant));

    test("a missing page answers 404 with the portal's Vietnamese page, its styles and its policy", async () => {
      for (const url of ['khong-co-trang-nay/', 'tin-tuc/khong-co/', 'a/b/c/d.html', 'van-ban/2099/']) {
        const response = await get(variant, variant.prefix + url);
        assert.equal(response.status, 404, url);
        assert.equal(response.headers.get('Content-Security-Policy'), contentSecurityPolicy(site), url);
        const $ = cheerio.load(response.body);
        assert.equal($('h1').text().trim(), t('notFoundTitle'), url);
        assert.match($('link[rel="stylesheet"]').attr('href') ?? '', new RegExp(`^${variant.prefix}assets/css/`), url);
      }
    });

    test('an address without its trailing slash reaches the page', async () => {
      for (const url of [ARTICLE, 'chuyen-muc/kinh-te/', 'gioi-thieu/']) {
        const bare = variant.prefix + url.slice(0, -1);
        const response = await get(variant, bare);
        if (variant.host === 'cloudflare') {
          // Cloudflare Pages redirects a folder's address to the one with a slash.
          assert.ok([301, 308].includes(response.status), `${bare}: ${response.status}`);
          assert.equal(new URL(response.headers.get('Location')!, variant.emulator!.origin).pathname, variant.prefix + url);
        } else {
          // Netlify's CDN redirects it (Pretty URLs, on by default); netlify dev serves the folder's page as it is.
          assert.equal(response.status, 200, bare);
          const $ = cheerio.load(response.body);
          assert.equal(
            $('link[rel="canonical"]').attr('href'),
            SITE_URL + variant.prefix + url,
            'the canonical address has the slash',
          );
        }
      }
    });

    if (variant.host === 'cloudflare' && variant.prefix !== '/') {
      test('the build copied into the prefix folder, the old way, fails the checks: Cloudflare ignores _headers and _redirects there', async () => {
        const oldWay: Variant = { ...variant, root: scratch('old') };
        cpSync(variant.outputDir, path.join(oldWay.root, PREFIX), { recursive: true });
        oldWay.emulator = await startEmulator(oldWay.host, oldWay.root, `${PREFIX}${ARTICLE}`);
        try {
          await assert.rejects(checkHeaderRules(oldWay), (error: Error) => error.message.includes('Content-Security-Policy'));
          await assert.rejects(checkAliases(oldWay), (error: assert.AssertionError) => error.expected === 301);
        } finally {
          await oldWay.emulator.stop();
        }
      });
    }

    if (variant.prefix !== '/') {
      test("robots.txt is served at the host's root, where crawlers read it; the root has no portal", async () => {
        const robots = await get(variant, '/robots.txt');
        assert.equal(robots.status, 200);
        assert.match(robots.body, new RegExp(`^Sitemap: ${SITE_URL}${PREFIX}sitemap\\.xml$`, 'm'));
        assert.equal((await get(variant, '/tin-tuc/bac-kan-so-ket-03-nam/')).status, 404, 'pages only under the prefix');
      });
    }
  });
}
