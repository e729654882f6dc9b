import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { loadSiteSettings } from '../../src/site/index.ts';
import { build, FIXTURES, ROOT } from './build.ts';
import { copyFiles, writeCorpus } from './corpus.ts';

/**
 * The two sites the independent checks run over:
 * - `sample`: the editors' real content (`content/`), as `npm run build` publishes it now;
 * - `corpus`: a generated corpus of CORPUS_ARTICLES articles plus the hostile
 *   fixture article (`tests/fixtures/hostile`), on the sample's site settings.
 */
export type CheckedSiteName = 'sample' | 'corpus';
export const CHECKED_SITES: CheckedSiteName[] = ['sample', 'corpus'];

export const CORPUS_ARTICLES = Number(process.env.CORPUS_ARTICLES ?? 300);
/** The corpus' clock: fixed, so the corpus site is the same on every run. */
const CORPUS_NOW = '2026-11-26T12:00:00+07:00';
/**
 * The sample is published as of now (to the hour), so scheduled articles appear as they go live; taken once
 * a test file: asked again past the hour, checkedSite would build it anew and remove the site a test serves.
 */
const SAMPLE_NOW = DateTime.now().setZone('Asia/Ho_Chi_Minh').startOf('hour').toISO()!;

export interface CheckedSite {
  name: CheckedSiteName;
  /** The built site. */
  dir: string;
  contentDir: string;
  /** Its clock (PORTAL_NOW). */
  now: string;
}

const CACHE = path.join(ROOT, '.cache', 'checked-sites');
/** What a build depends on: a change to any of these rebuilds the cached sites. */
const BUILD_INPUTS = ['src', 'layouts', 'assets', 'scripts', '.eleventy.ts', 'package-lock.json'];

function hashTree(hash: ReturnType<typeof createHash>, entry: string): void {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return;
  if (statSync(full).isDirectory()) {
    for (const name of readdirSync(full).sort()) hashTree(hash, path.join(entry, name));
  } else hash.update(entry).update(readFileSync(full));
}

function cacheKey(inputs: string[], extra: string): string {
  const hash = createHash('sha256').update(extra);
  for (const input of [...BUILD_INPUTS, ...inputs]) hashTree(hash, input);
  return hash.digest('hex').slice(0, 16);
}

function prepareContent(name: CheckedSiteName, contentDir: string): void {
  if (name === 'sample') {
    cpSync(path.join(ROOT, 'content'), contentDir, { recursive: true });
    return;
  }
  const sample = path.join(ROOT, 'content');
  // The sample's settings, static pages and documents (its menu points to the pages).
  for (const folder of ['_data', 'pages', 'van-ban'])
    cpSync(path.join(sample, folder), path.join(contentDir, folder), { recursive: true });
  const images = copyFiles(path.join(sample, 'images'), path.join(contentDir, 'images'));
  const site = loadSiteSettings(path.join(contentDir, '_data', 'site.yaml'));
  writeCorpus({ contentDir, articles: CORPUS_ARTICLES, categories: site.categories.map((c) => c.slug), images });
  cpSync(path.join(FIXTURES, 'hostile'), contentDir, { recursive: true });
}

/**
 * Builds a checked site once and reuses it while its inputs are unchanged, so
 * each check file (a process of its own under `node --test`) doesn't rebuild it.
 */
export function checkedSite(name: CheckedSiteName): CheckedSite {
  const now = name === 'sample' ? SAMPLE_NOW : CORPUS_NOW;
  const inputs = name === 'sample' ? ['content'] : ['content', 'tests/support/corpus.ts', 'tests/fixtures/hostile'];
  const key = cacheKey(inputs, `${name} ${now} ${CORPUS_ARTICLES}`);
  const folder = path.join(CACHE, `${name}-${key}`);
  const site = { name, dir: path.join(folder, '_site'), contentDir: path.join(folder, 'content'), now };
  if (existsSync(site.dir)) return site;

  mkdirSync(CACHE, { recursive: true });
  for (const old of readdirSync(CACHE).filter((entry) => entry.startsWith(`${name}-`))) {
    rmSync(path.join(CACHE, old), { recursive: true, force: true });
  }
  prepareContent(name, site.contentDir);
  const run = build(site.contentDir, { PORTAL_NOW: now }, site.dir);
  if (run.status !== 0) throw new Error(`Dựng trang "${name}" thất bại:\n${run.stderr}`);
  return site;
}

/** Every file of a built site with the given extension, as site paths (`/tin-tuc/a/index.html`). */
export function siteFiles(dir: string, extension: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => name.endsWith(extension))
    .map((name) => `/${name.split(path.sep).join('/')}`)
    .sort();
}

/** `/a/index.html` → `/a/`; other files keep their path. */
export function pageUrl(file: string): string {
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/** `/a/` → the file that holds it. */
export function pageFile(dir: string, url: string): string {
  return path.join(dir, url.endsWith('/') ? `${url}index.html` : url);
}
