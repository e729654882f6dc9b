import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { NPM_RUN_BUILD } from '../../scripts/npm-scripts.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');

/** Processed photos, shared by the builds of one test file; tests of the cache pass their own PORTAL_IMAGE_CACHE. */
const imageCache = mkdtempSync(path.join(tmpdir(), 'portal-image-cache-'));
/** Page fingerprints of the builds of one test file (a second build into the same output is incremental). */
const pageCache = mkdtempSync(path.join(tmpdir(), 'portal-page-cache-'));

export interface BuildRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputDir: string;
}

/** A scratch copy of a fixture content set, so a test can add or break files. */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `portal-${name}-`));
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

export function writeArticle(contentDir: string, relative: string, text: string | Buffer): string {
  const file = path.join(contentDir, 'articles', relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** The 1-based line of a fixture file that holds `text`, so tests don't break when the fixture grows. */
export function lineOf(file: string, text: string): number {
  const index = readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`${file} has no line with ${text}`);
  return index + 1;
}

/** The clock of test builds (PORTAL_NOW). */
export const BUILD_NOW = '2026-11-26T12:00:00+07:00';

/** Runs `npm run build` (scripts/build.ts) on a content folder, as an editor would. */
export function build(contentDir: string, env: Record<string, string> = {}, outputDir?: string): BuildRun {
  const out = outputDir ?? path.join(mkdtempSync(path.join(tmpdir(), 'portal-site-')), '_site');
  const result = spawnSync(process.execPath, NPM_RUN_BUILD, {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      PORTAL_CONTENT: contentDir,
      PORTAL_OUTPUT: out,
      PORTAL_NOW: BUILD_NOW,
      PORTAL_IMAGE_CACHE: imageCache,
      PORTAL_PAGE_CACHE: pageCache,
      ...env,
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outputDir: out };
}

/** Parses a built page as a reader's browser would see it. */
export function page(outputDir: string, url: string): cheerio.CheerioAPI {
  const file = url.endsWith('/') ? path.join(outputDir, url, 'index.html') : path.join(outputDir, url);
  return cheerio.load(readFileSync(file, 'utf8'));
}

export function text($: cheerio.CheerioAPI, selector: string): string {
  return $(selector).first().text().replace(/\s+/g, ' ').trim();
}

/** Every file under `dir` (relative path, sorted) with the SHA-256 of its bytes. */
export function fileHashes(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const name of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const file = path.join(dir, name);
    if (statSync(file).isFile()) hashes.set(name, createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return hashes;
}

/** One hash of a whole tree (names and bytes), to show a folder was left exactly as it was. */
export function treeHash(dir: string): string {
  const hash = createHash('sha256');
  for (const [name, digest] of fileHashes(dir)) hash.update(`${name}\0${digest}\n`);
  return hash.digest('hex');
}
