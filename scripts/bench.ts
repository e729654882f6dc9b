// npm run bench -- --articles N [--runs 2] [--seed 1] [--keep]
// npm run bench -- --incremental [--preview-articles 5000] [--build-articles 20000]: scripts/bench/incremental.ts
// Builds a generated corpus of N Vietnamese articles twice over, alternating, and prints the
// figures issue 8 asks for: the full portal (every page type, feed, sitemap, search index,
// photos from a warm cache) next to the bare baseline on the same articles (Eleventy with one
// layout and one paginated list, then the `pagefind --site` CLI). Wall time per stage, CPU time,
// the share of the machine's CPU stolen by the hypervisor meanwhile, peak memory of each process
// tree, ratios of medians; also written to .cache/bench/portal-<N>.json.
// A benchmark prints figures; it asserts nothing.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import sharp from 'sharp';
import { generateCorpus } from './corpus/generate.ts';
import { measure, median, megabytes, percent, seconds, type Measured } from './bench/measure.ts';
import type { BuildStages } from '../src/publish/index.ts';
import { NPM_RUN_BUILD } from './npm-scripts.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    incremental: { type: 'boolean', default: false },
    'preview-articles': { type: 'string', default: '5000' },
    'build-articles': { type: 'string', default: '20000' },
  },
});
// Issue 17's incremental preview and builds: a benchmark of its own (scripts/bench/incremental.ts).
if (args.incremental) {
  const { benchIncremental } = await import('./bench/incremental.ts');
  await benchIncremental({
    previewArticles: Number(args['preview-articles']),
    buildArticles: Number(args['build-articles']),
    runs: Math.max(2, Number(args.runs)),
    keep: args.keep,
  });
  process.exit(0);
}
const articles = Number(args.articles);
const runs = Math.max(2, Number(args.runs));
const work = mkdtempSync(path.join(tmpdir(), `bench-portal-${articles}-`));
const PHOTOS = 8;

// 1. The corpus: articles over 15 years, one in ten with one of a few photos.
const photos = Array.from({ length: PHOTOS }, (_, i) => `/images/anh-${i + 1}.jpg`);
const corpus = generateCorpus({
  articles,
  seed: Number(args.seed),
  dir: path.join(work, 'content'),
  years: [2011, 2025],
  photos,
});
mkdirSync(path.join(corpus.dir, 'images'));
for (const [i, src] of photos.entries()) {
  await sharp({ create: { width: 2400, height: 1600, channels: 3, background: { r: 40 + i * 25, g: 110, b: 160 - i * 12 } } })
    .jpeg({ quality: 80 })
    .toFile(path.join(corpus.dir, src));
}

// 2. The baseline project: its config and layouts, plus a copy of the same articles.
const baseline = path.join(work, 'baseline');
cpSync(path.join(ROOT, 'scripts/bench/baseline'), baseline, { recursive: true });
cpSync(path.join(corpus.dir, 'articles'), path.join(baseline, 'articles'), { recursive: true });

const env = (extra: Record<string, string>) => ({ ...process.env, ...extra });
const portalEnv = {
  PORTAL_CONTENT: corpus.dir,
  PORTAL_OUTPUT: path.join(work, 'portal', '_site'),
  PORTAL_IMAGE_CACHE: path.join(work, 'image-cache'),
  // From scratch, as the baseline: the front matters and bodies the warm-up read are not read from a cache
  // (and the project's own .cache/pages is left alone). Only the photos come from their warm cache.
  PORTAL_FULL_BUILD: '1',
  PORTAL_PAGE_CACHE: path.join(work, 'page-cache'),
  PORTAL_NOW: '2026-06-01T00:00:00+07:00',
  PORTAL_STAGES_FILE: path.join(work, 'stages.json'),
};

interface PortalRun extends Measured {
  stages: BuildStages;
}
interface BaselineRun {
  eleventy: Measured;
  pagefind: Measured;
}

async function portalBuild(): Promise<PortalRun> {
  rmSync(path.join(work, 'portal'), { recursive: true, force: true });
  const run = await measure(process.execPath, NPM_RUN_BUILD, { cwd: ROOT, env: env(portalEnv) });
  return { ...run, stages: JSON.parse(readFileSync(portalEnv.PORTAL_STAGES_FILE, 'utf8')) };
}

async function baselineBuild(): Promise<BaselineRun> {
  const output = path.join(work, 'baseline-site');
  rmSync(output, { recursive: true, force: true });
  const eleventy = await measure(
    process.execPath,
    [path.join(ROOT, 'node_modules/@11ty/eleventy/cmd.cjs'), '--config=eleventy.config.mjs', '--quiet'],
    { cwd: baseline, env: env({ BASELINE_OUTPUT: output }) },
  );
  const pagefind = await measure(path.join(ROOT, 'node_modules/.bin/pagefind'), ['--site', output, '--quiet'], { cwd: ROOT });
  return { eleventy, pagefind };
}

/** The steal over both of the baseline's commands, each weighted by its wall time. */
const baselineStolen = (b: BaselineRun) =>
  (b.eleventy.stolen * b.eleventy.ms + b.pagefind.stolen * b.pagefind.ms) / (b.eleventy.ms + b.pagefind.ms);

const count = (dir: string, ext: string) =>
  (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(ext)).length;

console.log(`${articles} tin bài trong ${work}`);
console.log('Lượt làm nóng (bộ nhớ đệm ảnh) …');
const warm = await portalBuild();
console.log(`  cổng, bộ nhớ đệm ảnh trống: ${seconds(warm.ms)}`);
const portalPages = count(path.join(work, 'portal', '_site'), '.html');

const portal: PortalRun[] = [];
const bare: BaselineRun[] = [];
for (let i = 0; i < runs; i++) {
  // Alternating, so a noisy moment on the shared machine lands on both sides.
  const b = await baselineBuild();
  bare.push(b);
  const p = await portalBuild();
  portal.push(p);
  console.log(
    `  lượt ${i + 1}: nền ${seconds(b.eleventy.ms)} + ${seconds(b.pagefind.ms)} = ${seconds(b.eleventy.ms + b.pagefind.ms)}` +
      ` (CPU ${seconds(b.eleventy.cpuMs + b.pagefind.cpuMs)}, steal ${percent(baselineStolen(b))}, đỉnh ${megabytes(Math.max(b.eleventy.peakKb, b.pagefind.peakKb))});` +
      ` cổng ${seconds(p.ms)} (CPU ${seconds(p.cpuMs)}, steal ${percent(p.stolen)}, đỉnh ${megabytes(p.peakKb)})`,
  );
}
const baselinePages = count(path.join(work, 'baseline-site'), '.html');

/** What a reader's first visit to a page transfers, gzip-compressed: the HTML and its stylesheets and scripts (fonts and photos excluded). */
function pageWeight(siteDir: string, url: string) {
  const html = readFileSync(path.join(siteDir, url, 'index.html'));
  const $ = cheerio.load(html);
  const linked = [
    ...$('link[rel="stylesheet"]')
      .map((_, el) => $(el).attr('href'))
      .get(),
    ...$('script[src]')
      .map((_, el) => $(el).attr('src'))
      .get(),
  ];
  const bytes = [html, ...linked.map((href) => readFileSync(path.join(siteDir, href)))].reduce(
    (sum, file) => sum + gzipSync(file).length,
    0,
  );
  const blocking =
    $('head link[rel="stylesheet"]').length + $('head script[src]:not([defer]):not([async]):not([type="module"])').length;
  return { url, kb: Number((bytes / 1024).toFixed(1)), renderBlocking: blocking };
}
const portalSite = path.join(work, 'portal', '_site');
const firstArticle = (readdirSync(path.join(portalSite, 'tin-tuc')) as string[]).sort()[0];
const weights = [pageWeight(portalSite, '/'), pageWeight(portalSite, `/tin-tuc/${firstArticle}/`)];

const baselineMs = median(bare.map((b) => b.eleventy.ms + b.pagefind.ms));
const baselineCpuMs = median(bare.map((b) => b.eleventy.cpuMs + b.pagefind.cpuMs));
const portalCpuMs = median(portal.map((p) => p.cpuMs));
const portalMs = median(portal.map((p) => p.ms));
const stage = (key: keyof BuildStages) => median(portal.map((p) => p.stages[key]));
const result = {
  articles,
  runs,
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  baseline: {
    htmlPages: baselinePages,
    eleventyMs: median(bare.map((b) => b.eleventy.ms)),
    pagefindMs: median(bare.map((b) => b.pagefind.ms)),
    totalMs: baselineMs,
    peakMb: Math.round(median(bare.map((b) => Math.max(b.eleventy.peakKb, b.pagefind.peakKb))) / 1024),
  },
  portal: {
    htmlPages: portalPages,
    totalMs: portalMs,
    processStartMs: Math.round(portalMs - stage('total')),
    stagesMs: { content: stage('content'), render: stage('render'), index: stage('index'), publish: stage('publish') },
    peakMb: Math.round(median(portal.map((p) => p.peakKb)) / 1024),
    /** Search index shards, each indexed on its own (src/search/shards.ts). */
    searchShards: Number(/Chỉ mục tìm kiếm: \d+ mục .*? trong (\d+) phần/.exec(warm.stdout)?.[1] ?? 0),
    coldImageCacheMs: Math.round(warm.ms),
  },
  ratio: Number((portalMs / baselineMs).toFixed(3)),
  /**
   * CPU time (user + system, every process), and the share of the machine's CPU that the hypervisor gave to
   * other guests while each side ran: the portal gains on the baseline by rendering and indexing side by side,
   * which a machine short of CPU takes back (docs/performance.md).
   */
  cpu: {
    baselineMs: baselineCpuMs,
    portalMs: portalCpuMs,
    ratio: Number((portalCpuMs / baselineCpuMs).toFixed(3)),
    baselineStolen: Number(median(bare.map(baselineStolen)).toFixed(3)),
    portalStolen: Number(median(portal.map((p) => p.stolen)).toFixed(3)),
  },
  pageWeight: weights,
  msPerArticle: { portal: Number((portalMs / articles).toFixed(3)), baseline: Number((baselineMs / articles).toFixed(3)) },
};

console.log(`\nKết quả (trung vị của ${runs} lượt xen kẽ), ${articles} tin bài:`);
console.log(
  `  nền:  Eleventy ${seconds(result.baseline.eleventyMs)} + Pagefind CLI ${seconds(result.baseline.pagefindMs)} = ${seconds(baselineMs)}` +
    ` cho ${baselinePages} trang; đỉnh bộ nhớ ${result.baseline.peakMb} MB`,
);
console.log(
  `  cổng: ${seconds(portalMs)} cho ${portalPages} trang (khởi động ${seconds(result.portal.processStartMs)}, nội dung ${seconds(stage('content'))},` +
    ` dựng trang ${seconds(stage('render'))} song song với chỉ mục ${seconds(stage('index'))} (${result.portal.searchShards} phần), xuất bản ${seconds(stage('publish'))});` +
    ` đỉnh bộ nhớ (mọi tiến trình) ${result.portal.peakMb} MB`,
);
for (const w of weights)
  console.log(`  trang ${w.url}: ${w.kb} KB nén (HTML, CSS, JS), ${w.renderBlocking} yêu cầu chặn hiển thị`);
console.log(
  `  tỉ lệ cổng/nền: ${result.ratio}; ${result.msPerArticle.portal} ms mỗi tin bài (nền ${result.msPerArticle.baseline} ms)`,
);
console.log(
  `  CPU: cổng ${seconds(portalCpuMs)}, nền ${seconds(baselineCpuMs)} (tỉ lệ ${result.cpu.ratio});` +
    ` CPU bị máy chủ ảo lấy (steal): ${percent(result.cpu.portalStolen)} khi dựng cổng, ${percent(result.cpu.baselineStolen)} khi dựng nền`,
);

const out = path.join(ROOT, '.cache/bench', `portal-${articles}.json`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`  đã ghi ${path.relative(ROOT, out)}`);
if (!args.keep) rmSync(work, { recursive: true, force: true });
