// npm run bench -- --incremental [--preview-articles 5000] [--build-articles 20000] [--runs 2] [--keep]
// (--preview-articles 0 or --build-articles 0 leaves that half out)
// Issue 17's goals 3 and 4, on generated corpora (no photos), five kinds of edit each round:
// a body edit, a title edit, a tag change, a new article, a deletion, on recent articles; npm run build
// also edits the body of an older article, whose search shard (up to 5,000 pages) is indexed again whole.
// - npm start (--preview-articles): from the file save to the served article page showing the edit, then until
//   the home page, its category's first page and an article whose "Các tin khác" lists it show it too.
// - npm run build (--build-articles): an incremental build on the previous _site after each edit, next
//   to a full build from scratch in the same round (PORTAL_FULL_BUILD=1). Medians, ratios; asserts nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateCorpus } from '../corpus/generate.ts';
import { loadSite } from '../../src/pages/index.ts';
import { parseVietnamDate } from '../../src/dates/index.ts';
import { routes } from '../../src/routes/index.ts';
import { measure, median, megabytes, percent, seconds } from './measure.ts';
import { NPM_RUN_BUILD } from '../npm-scripts.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NOW = '2026-06-01T00:00:00+07:00';
const KINDS = ['body', 'title', 'tag', 'new', 'delete'] as const;
/** npm run build's kinds: the same, and a body edit to an article half-way down the list ('old'). */
const BUILD_KINDS = [...KINDS, 'old'] as const;
type Kind = (typeof BUILD_KINDS)[number];

interface Options {
  previewArticles: number;
  buildArticles: number;
  runs: number;
  keep: boolean;
}

/** One edit made to the corpus, and what a reader must then see. */
interface Edit {
  kind: Kind;
  /** The article's URL, and a text its page shows after the edit (undefined: the page is gone). */
  url: string;
  token?: string;
  /** Pages that list the article: after a title edit or a new article they show the token, after a deletion no link to it. */
  followers: string[];
}

/** The articles of a corpus, newest first, with what the edits need. */
interface Known {
  file: string;
  url: string;
  category: string;
  /** An article page whose "Các tin khác" lists it. */
  relatedBy?: string;
}

async function knownArticles(contentDir: string): Promise<Known[]> {
  const { portal } = await loadSite({ contentDir, now: parseVietnamDate(NOW)!, showDrafts: true });
  const relatedBy = new Map<string, string>();
  for (const article of portal.articles.slice(0, 2000))
    for (const other of portal.related(article)) if (!relatedBy.has(other.url)) relatedBy.set(other.url, article.url);
  return portal.articles.map((a) => ({
    file: path.resolve(a.file),
    url: a.url,
    category: routes.category(a.category.slug),
    relatedBy: relatedBy.get(a.url),
  }));
}

/**
 * Articles the edits pick from: recent ones (on their category's first page), past the five newest,
 * which every article page lists ("Tin mới đăng"), and past the newest of each category, which every
 * article page of that category lists ("Cùng chuyên mục"): an edit to those rewrites that many pages.
 */
const FIRST_TARGET = 100;

/** Makes edit `kind` of round `round` on a recent article (each round edits others). */
function makeEdit(kind: Kind, round: number, articles: Known[], contentDir: string): Edit {
  const token = `kiemtra${kind}${round}x${Date.now().toString(36)}`;
  const target =
    kind === 'old'
      ? articles[Math.floor(articles.length / 2) + round]
      : articles[FIRST_TARGET + round * KINDS.length + KINDS.indexOf(kind)];
  const text = readFileSync(target.file, 'utf8');
  const followers = [target.category, ...(target.relatedBy ? [target.relatedBy] : [])];
  switch (kind) {
    case 'body':
    case 'old':
      writeFileSync(target.file, `${text}\nĐoạn bổ sung có mã ${token}.\n`);
      return { kind, url: target.url, token, followers: [] };
    case 'title':
      writeFileSync(target.file, text.replace(/^title: .*$/m, `title: "Tiêu đề mới ${token}"`));
      return { kind, url: target.url, token, followers };
    case 'tag':
      writeFileSync(target.file, text.replace(/^tags: .*$/m, `tags: ["Thẻ ${token}"]`));
      return { kind, url: target.url, token, followers: [routes.tag(`the-${token}`)] };
    case 'new': {
      const slug = `bai-moi-${token}`;
      // Dated like the article it copies, so it joins the lists where that one is.
      writeFileSync(path.join(contentDir, 'articles', `${slug}.md`), text.replace(/^title: .*$/m, `title: "Bài mới ${token}"`));
      return { kind, url: routes.article(slug), token, followers: [target.category] };
    }
    case 'delete':
      unlinkSync(target.file);
      return { kind, url: target.url, followers: [target.category] };
  }
}

/** Whether a page's HTML shows the edit: the token, or, after a deletion, no link to the article. */
function shows(edit: Edit, html: string | undefined, page: string): boolean {
  if (page === edit.url) return edit.token ? Boolean(html?.includes(edit.token)) : html === undefined;
  if (html === undefined) return false;
  return edit.token ? html.includes(edit.token) : !html.includes(`href="${edit.url}"`);
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function get(origin: string, url: string): Promise<string | undefined> {
  const response = await fetch(`${origin}${url}`).catch(() => undefined);
  if (!response || response.status === 404) return undefined;
  return response.text();
}

/** Goal 3: npm start, each edit saved, polled every 50 ms until every page shows it. */
async function previewBench(options: Options, work: string) {
  const contentDir = path.join(work, 'preview-content');
  generateCorpus({ articles: options.previewArticles, seed: 1, dir: contentDir, years: [2011, 2025] });
  const articles = await knownArticles(contentDir);
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const env = {
    ...process.env,
    PORTAL_DRAFTS: '1',
    PORTAL_NOW: NOW,
    PORTAL_CONTENT: contentDir,
    PORTAL_OUTPUT: path.join(work, 'preview-site'),
    PORTAL_IMAGE_CACHE: path.join(work, 'image-cache'),
  };
  const args = [
    '--import',
    'tsx',
    'node_modules/@11ty/eleventy/cmd.cjs',
    '--config=.eleventy.ts',
    '--serve',
    '--quiet',
    `--port=${port}`,
  ];
  const server = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout.on('data', (chunk) => (log += chunk));
  server.stderr.on('data', (chunk) => (log += chunk));
  const rebuilds = () => log.match(/\[xem trước\] Đã dựng lại/g)?.length ?? 0;
  try {
    const started = performance.now();
    while (!rebuilds() || !(await get(origin, '/'))) {
      if (server.exitCode !== null) throw new Error(`npm start stopped:\n${log.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    console.log(`npm start, ${options.previewArticles} tin bài: bản dựng đầu ${seconds(performance.now() - started)}`);
    const results: { kind: Kind; articleMs: number; allMs: number; rebuildMs: number }[] = [];
    for (let round = 0; round < options.runs; round++) {
      for (const kind of KINDS) {
        const before = rebuilds();
        const saved = performance.now();
        const edit = makeEdit(kind, round, articles, contentDir);
        const pages = [edit.url, ...edit.followers];
        const seen = new Map<string, number>();
        // Eleventy 3.1's watcher only logs a deleted file, without rebuilding: give up on it sooner.
        const patience = kind === 'delete' ? 15_000 : 600_000;
        let rebuildMs = Number.NaN;
        // Until every page shows the edit and the rebuild (its search index included) is over, so the next save starts afresh.
        while ((seen.size < pages.length || Number.isNaN(rebuildMs)) && performance.now() - saved < patience) {
          for (const page of pages.filter((p) => !seen.has(p)))
            if (shows(edit, await get(origin, page), page)) seen.set(page, performance.now() - saved);
          if (Number.isNaN(rebuildMs) && rebuilds() > before) rebuildMs = performance.now() - saved;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const result = { kind, articleMs: seen.get(edit.url) ?? Number.NaN, allMs: Math.max(...seen.values()), rebuildMs };
        if (seen.size < pages.length) result.allMs = Number.NaN;
        results.push(result);
        console.log(
          `  lượt ${round + 1}, ${kind}: trang bài ${seconds(result.articleMs)}, mọi trang liên quan (${pages.length}) ${seconds(result.allMs)}, dựng lại xong ${seconds(rebuildMs)}`,
        );
      }
    }
    return results;
  } finally {
    server.kill();
  }
}

/** Goal 4: npm run build after each edit, on the previous _site, next to a full build from scratch. */
async function buildBench(options: Options, work: string) {
  const contentDir = path.join(work, 'build-content');
  generateCorpus({ articles: options.buildArticles, seed: 1, dir: contentDir, years: [2011, 2025] });
  const articles = await knownArticles(contentDir);
  const env = (outputDir: string, extra: Record<string, string> = {}) => ({
    ...process.env,
    PORTAL_CONTENT: contentDir,
    PORTAL_OUTPUT: outputDir,
    PORTAL_NOW: NOW,
    PORTAL_IMAGE_CACHE: path.join(work, 'image-cache'),
    PORTAL_PAGE_CACHE: path.join(work, 'page-cache'),
    PORTAL_STAGES_FILE: path.join(work, 'stages.json'),
    ...extra,
  });
  const run = (outputDir: string, extra?: Record<string, string>) =>
    measure(process.execPath, NPM_RUN_BUILD, { cwd: ROOT, env: env(outputDir, extra) });
  const site = path.join(work, 'site', '_site');
  const scratch = path.join(work, 'scratch', '_site');
  console.log(`npm run build, ${options.buildArticles} tin bài:`);
  await run(site);
  const full: { ms: number; peakKb: number }[] = [];
  const incremental: { kind: Kind; ms: number; peakKb: number; kept: number; stages: string }[] = [];
  for (let round = 0; round < options.runs; round++) {
    rmSync(path.dirname(scratch), { recursive: true, force: true });
    const f = await run(scratch, { PORTAL_FULL_BUILD: '1' });
    full.push(f);
    console.log(`  lượt ${round + 1}: dựng toàn bộ ${seconds(f.ms)} (đỉnh ${megabytes(f.peakKb)}, steal ${percent(f.stolen)})`);
    for (const kind of BUILD_KINDS) {
      makeEdit(kind, round, articles, contentDir);
      const i = await run(site);
      const kept = Number(/giữ nguyên (\d+) trang/.exec(i.stdout)?.[1] ?? 0);
      const shards = /trong (\d+) phần(?:; lập lại (\d+) phần)?/.exec(i.stdout);
      const s = JSON.parse(readFileSync(path.join(work, 'stages.json'), 'utf8'));
      const stages = `nội dung ${seconds(s.content)}, dựng trang ${seconds(s.render)} ‖ chỉ mục ${seconds(s.index)}, xuất bản ${seconds(s.publish)}`;
      incremental.push({ kind, ms: i.ms, peakKb: i.peakKb, kept, stages });
      const indexed = shards ? `, chỉ mục: lập lại ${shards[2] ?? shards[1]}/${shards[1]} phần` : '';
      console.log(`    ${kind}: ${seconds(i.ms)}, giữ ${kept} trang${indexed} (${stages}; steal ${percent(i.stolen)})`);
    }
  }
  return { full, incremental };
}

export async function benchIncremental(options: Options): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-incremental-'));
  const preview = options.previewArticles > 0 ? await previewBench(options, work) : [];
  const builds = options.buildArticles > 0 ? await buildBench(options, work) : { full: [], incremental: [] };
  const fullMs = median(builds.full.map((f) => f.ms));
  console.log(`\nKết quả (trung vị của ${options.runs} lượt):`);
  if (preview.length) console.log(`  npm start, ${options.previewArticles} tin bài, từ lúc lưu tệp:`);
  for (const kind of preview.length ? KINDS : []) {
    const of = preview.filter((r) => r.kind === kind);
    console.log(
      `    ${kind}: trang bài ${seconds(median(of.map((r) => r.articleMs)))}, trang chủ/danh sách/Các tin khác ${seconds(median(of.map((r) => r.allMs)))}, dựng lại xong ${seconds(median(of.map((r) => r.rebuildMs)))}`,
    );
  }
  if (builds.full.length) console.log(`  npm run build, ${options.buildArticles} tin bài: dựng toàn bộ ${seconds(fullMs)}`);
  for (const kind of builds.full.length ? BUILD_KINDS : []) {
    const of = builds.incremental.filter((r) => r.kind === kind);
    const ms = median(of.map((r) => r.ms));
    console.log(
      `    ${kind}: ${seconds(ms)} = ${(ms / fullMs).toFixed(2)} của bản dựng toàn bộ; giữ ${of[0].kept} trang; đỉnh ${megabytes(median(of.map((r) => r.peakKb)))}`,
    );
  }
  if (!options.keep) rmSync(work, { recursive: true, force: true });
  else console.log(`  giữ lại ${work}`);
}
