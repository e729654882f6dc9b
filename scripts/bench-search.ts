// npm run bench:search [-- --articles 10000 --runs 2 --seed 1 --keep]
// Builds a generated corpus (with the planted look-alikes of scripts/corpus/relevance.ts) and reports
// what search costs: our indexing step next to the bare `pagefind --site` CLI on the same pages
// (alternating, median), index size on disk, the bytes a browser downloads for a first search; and how
// well it finds: first-place rate and precision of the first five on the relevance set, for the portal
// and for plain Pagefind on the same pages. A benchmark prints figures; it asserts nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { gzipSync } from 'node:zlib';
import { loadSite, searchablePages } from '../src/pages/index.ts';
import { indexPages, type ShardPlan } from '../src/search/index.ts';
import { folderSize, measure, median, type Measured } from './bench/measure.ts';
import { t } from '../src/i18n/index.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { headersFor, readHeadersFile } from '../tests/support/headers-file.ts';
import { serveSite } from '../tests/support/static-server.ts';
import { generateCorpus } from './corpus/generate.ts';
import { plantedArticles, relevanceQueries } from './corpus/relevance.ts';
import { firstFive, judge, score, type RelevanceScore } from './bench/relevance.ts';
import { NPM_RUN_BUILD } from './npm-scripts.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

// Child mode: index the articles once and report the time, so memory is measured per process tree.
if (process.argv[2] === '--index-once') {
  const [contentDir, siteDir] = process.argv.slice(3);
  const { portal } = await loadSite({ contentDir, now: DateTime.fromISO('2026-06-01T00:00:00+07:00') });
  const started = performance.now();
  await indexPages(siteDir, searchablePages(portal));
  process.stdout.write(JSON.stringify({ ms: performance.now() - started }));
  process.exit(0);
}

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});
const articleCount = Number(args.articles);
const runs = Math.max(2, Number(args.runs));
const work = mkdtempSync(path.join(tmpdir(), 'bench-search-'));
const siteDir = path.join(work, '_site');

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

// 1. Corpus and build.
console.log(`Tạo ${articleCount} tin bài (seed ${args.seed}) trong ${work} …`);
const corpus = generateCorpus({
  articles: articleCount,
  seed: Number(args.seed),
  dir: path.join(work, 'content'),
  planted: plantedArticles,
});
console.log(`Dựng cổng (npm run build) …`);
const buildStarted = performance.now();
const built = spawnSync(process.execPath, NPM_RUN_BUILD, {
  cwd: ROOT,
  encoding: 'utf8',
  env: { ...process.env, PORTAL_CONTENT: corpus.dir, PORTAL_OUTPUT: siteDir, PORTAL_NOW: '2026-06-01T00:00:00+07:00' },
  maxBuffer: 64 * 1024 * 1024,
});
if (built.status !== 0) throw new Error(`Dựng thất bại:\n${built.stderr}`);
const buildMs = performance.now() - buildStarted;
const htmlPages = (readdirSync(siteDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).length;
console.log(`  ${seconds(buildMs)} cho ${htmlPages} trang HTML (gồm cả bước lập chỉ mục)`);

// 2. Indexing: ours (search documents from the Portal + Pagefind's CLI) and the bare CLI on the built pages, alternating.
// Inside the site, so the browser can search it too (plain Pagefind, below).
const cliOutput = path.join(siteDir, 'pagefind-plain');
const pagefindBin = path.join(ROOT, 'node_modules/.bin/pagefind');
const ours: Measured[] = [];
const cli: Measured[] = [];
const runOurs = async () => {
  const run = await measure(
    process.execPath,
    ['--import', 'tsx', 'scripts/bench-search.ts', '--index-once', corpus.dir, siteDir],
    { cwd: ROOT },
  );
  ours.push({ ...run, ms: JSON.parse(run.stdout).ms });
};
const runCli = async () => {
  rmSync(cliOutput, { recursive: true, force: true });
  cli.push(await measure(pagefindBin, ['--site', siteDir, '--output-path', cliOutput, '--quiet'], { cwd: ROOT }));
};
for (let i = 0; i < runs; i++) {
  for (const step of i % 2 ? [runCli, runOurs] : [runOurs, runCli]) await step();
  console.log(
    `  lượt ${i + 1}: ours ${seconds(ours[i].ms)} / ${mb(ours[i].peakKb)}, CLI ${seconds(cli[i].ms)} / ${mb(cli[i].peakKb)}`,
  );
}
const cliPages = /page_count":(\d+)/.exec(readFileSync(path.join(cliOutput, 'pagefind-entry.json'), 'utf8'))?.[1];

// 3. Size on disk.
const bundle = path.join(siteDir, 'pagefind');
const size = folderSize(bundle);
const shardNames = (JSON.parse(readFileSync(path.join(bundle, 'shards.json'), 'utf8')) as ShardPlan).shards.map((s) => s.name);
const indexOnly = shardNames.flatMap((shard) =>
  ['index', 'fragment', 'filter'].map((d) => folderSize(path.join(bundle, shard, d))),
);
const cliSize = folderSize(cliOutput);

// 4. Bytes a browser downloads for a first search (fresh profile, strict CSP, files cacheable as a host would serve them).
const blocks = readHeadersFile(path.join(siteDir, '_headers'));
const server = await serveSite(siteDir, { headers: (pathname) => headersFor(blocks, pathname) });
const browser = await launchBrowser();
interface Download {
  query: string;
  results: string;
  pagefind: number;
  pagefindGzip: number;
  page: number;
  requests: number;
  parts: string;
}
/** What a Pagefind request is: its code, the word table (pf_words), the page list (pf_meta), word index chunks, filters or result fragments. */
const partOf = (url: string) => /\.pf_(meta|index|filter|fragment|words)$/.exec(new URL(url).pathname)?.[1] ?? 'code';
async function firstSearch(query: string): Promise<Download> {
  const context = await browser.newContext();
  const sizes: Promise<{ url: string; bytes: number; gzip: number }>[] = [];
  context.on('requestfinished', (request) =>
    sizes.push(
      (async () => {
        const { responseBodySize } = await request.sizes();
        const response = (await request.response())!;
        // Negative: served from the browser cache; 304: the browser's copy is still good (the server sends ETags, as hosts do).
        const cached = responseBodySize < 0 || response.status() === 304;
        const body = cached ? Buffer.alloc(0) : await response.body();
        // Zero: Chromium does not report a worker's script, count its body.
        const bytes = cached ? 0 : responseBodySize || body.length;
        const compressed = /\.pf_|\.woff2$/.test(request.url()) ? bytes : Math.min(bytes, gzipSync(body).length);
        return { url: request.url(), bytes, gzip: compressed };
      })(),
    ),
  );
  const page = await context.newPage();
  await page.goto(`${server.origin}/tim-kiem/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(
    (loading) => {
      const status = document.querySelector('.search-count')?.textContent ?? '';
      return status !== '' && status !== loading && !document.querySelector('.search-results[aria-busy]');
    },
    t('searchLoading'),
    { timeout: 180_000 },
  ); // a first search of 10,000 pages on a busy machine
  await page.waitForLoadState('networkidle');
  const results = (await page.locator('.search-count').textContent()) ?? '';
  // A file asked for again (Pagefind's second instance, for an accented query, asks for the same WebAssembly,
  // page lists and chunks) comes from the browser's cache: once per URL.
  const all = [...new Map((await Promise.all(sizes)).reverse().map((s) => [s.url, s])).values()];
  await context.close();
  const inBundle = all.filter((s) => new URL(s.url).pathname.startsWith('/pagefind/'));
  const sum = (list: typeof all, key: 'bytes' | 'gzip') => list.reduce((total, s) => total + s[key], 0);
  const parts = ['code', 'words', 'meta', 'index', 'filter', 'fragment']
    .map((part) => [part, inBundle.filter((s) => partOf(s.url) === part)] as const)
    .filter(([, list]) => list.length)
    .map(([part, list]) => `${part} ${kb(sum(list, 'bytes'))}`)
    .join(', ');
  return {
    query,
    results,
    pagefind: sum(inBundle, 'bytes'),
    pagefindGzip: sum(inBundle, 'gzip'),
    page: sum(all, 'bytes'),
    requests: inBundle.length,
    parts,
  };
}
const downloads = [];
// «Pài»: a word of two articles of one year (the planted Nà Pài, 2021), where «biogas» is in a handful spread over every year.
for (const query of ['tinh', corpus.commonWord, corpus.rareWord, 'Pài']) downloads.push(await firstSearch(query));

// 5. Relevance: every query of the set in one page, through the portal's search and through plain Pagefind.
const { portal } = await loadSite({ contentDir: corpus.dir, now: DateTime.fromISO('2026-06-01T00:00:00+07:00') });
const judged = judge(relevanceQueries, searchablePages(portal));
const relevancePage = await browser.newPage();
await relevancePage.goto(`${server.origin}/tim-kiem/`);
const queries = judged.map((q) => q.query);
const relevance: [string, RelevanceScore][] = [
  ['portal (/tim-kiem/)', score(judged, await firstFive(relevancePage, queries, 'portal'))],
  [
    'plain Pagefind (bare CLI index, default options)',
    score(judged, await firstFive(relevancePage, queries, 'pagefind', '/pagefind-plain/')),
  ],
];
await browser.close();
await server.close();

// 6. Report.
const timing = (list: Measured[]) =>
  `${seconds(median(list.map((r) => r.ms)))} (fastest ${seconds(Math.min(...list.map((r) => r.ms)))}), peak memory ${mb(median(list.map((r) => r.peakKb)))}`;
const report = [
  `| figure | value |`,
  `|---|---|`,
  `| corpus | ${articleCount} generated articles (seed ${args.seed}), ${htmlPages} HTML pages built in ${seconds(buildMs)} |`,
  `| our indexing (search documents from the Portal, đ→ḏ, Pagefind CLI), median of ${runs} | ${timing(ours)} |`,
  `| bare \`pagefind --site\` CLI, same pages, median of ${runs} | ${timing(cli)} (${cliPages} pages) |`,
  `| index on disk (pagefind/, ${shardNames.length} shards) | ${kb(size.bytes)} in ${size.files} files; index + fragments + filters ${kb(indexOnly.reduce((s, d) => s + d.bytes, 0))} (CLI: ${kb(cliSize.bytes)}, with its unused UI files) |`,
  ...downloads.map(
    (d) =>
      `| first search «${d.query}» (${d.results}) | Pagefind ${kb(d.pagefind)} in ${d.requests} requests (${d.parts}); ${kb(d.pagefindGzip)} if the host gzips JS/wasm; whole page ${kb(d.page)} |`,
  ),
].join('\n');
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const relevanceReport = [
  `| search (${judged.length} queries, ${corpus.articles} articles) | first place | precision of the first 5 |`,
  `|---|---|---|`,
  ...relevance.map(([name, s]) => `| ${name} | ${percent(s.firstPlace)} | ${percent(s.precision)} |`),
].join('\n');
console.log(`\n${report}\n\n${relevanceReport}\n`);
for (const [name, s] of relevance) if (s.misses.length) console.log(`${name}, misses:\n  ${s.misses.join('\n  ')}`);
console.log(
  'Ours: time measured inside the process; peak memory of Node + Pagefind. CLI: wall time and peak memory of its process tree.',
);
if (args.keep) console.log(`Giữ lại thư mục ${work}`);
else rmSync(work, { recursive: true, force: true });
