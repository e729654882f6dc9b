import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { SearchablePage } from '../pages/index.ts';
import { searchDocument } from './document.ts';

export interface SearchIndexResult {
  /** The Pagefind bundle folder written. */
  bundleDir: string;
  pages: number;
}

/** Pagefind's folder inside the built site; assets/js/search.js loads it from there. */
const BUNDLE_DIR = 'pagefind';

/** The bundle's files named by their content's hash (URL patterns), which hosts may cache for good. */
export const PAGEFIND_HASHED_FILES = [
  `/${BUNDLE_DIR}/index/*`,
  `/${BUNDLE_DIR}/fragment/*`,
  `/${BUNDLE_DIR}/filter/*`,
  `/${BUNDLE_DIR}/*.pf_meta`,
] as const;

/** Pagefind's ready-made search interfaces: the portal has its own (assets/js/search.js), so they are not published. */
const UNUSED_UI = /^pagefind-(?:ui|modular-ui|component-ui)\.(?:js|css)$|^pagefind-highlight\.js$/;

/** Search documents are small and short-lived: in memory (tmpfs) when the machine has it. */
const SCRATCH = process.env.PORTAL_SEARCH_SCRATCH ?? (os.platform() === 'linux' ? '/dev/shm' : os.tmpdir());

export class SearchIndexError extends Error {
  constructor(problems: string[]) {
    super(`Không lập được chỉ mục tìm kiếm (Pagefind):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SearchIndexError';
  }
}

/** The Pagefind binary the `pagefind` package installed (PAGEFIND_BINARY_PATH overrides it, as in the package). */
function pagefindBinary(): string {
  const fromEnv = process.env.PAGEFIND_EXTENDED_BINARY_PATH ?? process.env.PAGEFIND_BINARY_PATH;
  if (fromEnv) return fromEnv;
  const require = createRequire(import.meta.url);
  const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${os.arch()}`;
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return require.resolve(`@pagefind/${platform}/bin/${name}${process.platform === 'win32' ? '.exe' : ''}`);
    } catch {
      // try the next one
    }
  }
  throw new SearchIndexError([`không có chương trình Pagefind cho ${platform}; hãy chạy lại "npm ci" để cài lại gói pagefind.`]);
}

function runPagefind(site: string, bundleDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(pagefindBinary(), ['--site', site, '--output-path', bundleDir, '--force-language', 'vi', '--silent'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', (error) =>
      reject(
        new SearchIndexError([`Pagefind không chạy được (${error.message}); hãy chạy lại "npm ci" để cài lại gói pagefind.`]),
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new SearchIndexError([`Pagefind dừng với mã ${code}: ${stderr.trim() || 'không có thông báo'}`])),
    );
  });
}

/**
 * Indexes the searchable pages into `<siteDir>/pagefind/`: writes each page's
 * search document (searchDocument) to a scratch folder, then runs Pagefind's
 * own command-line indexer, which uses every core, on that folder. Nothing is
 * read from the rendered site, so this can run while Eleventy renders it.
 * The documents are written before this returns (synchronously: a few
 * milliseconds a hundred articles on tmpfs), so Pagefind is already at work
 * when the caller starts Eleventy.
 */
export function indexPages(siteDir: string, pages: SearchablePage[]): Promise<SearchIndexResult> {
  const scratch = mkdtempSync(path.join(SCRATCH, 'portal-search-'));
  for (const page of pages) {
    const folder = path.join(scratch, page.url);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'index.html'), searchDocument(page));
  }
  return indexDocuments(scratch, path.join(siteDir, BUNDLE_DIR), pages.length);
}

async function indexDocuments(scratch: string, bundleDir: string, pages: number): Promise<SearchIndexResult> {
  try {
    await rm(bundleDir, { recursive: true, force: true });
    if (pages) await runPagefind(scratch, bundleDir);
    else await mkdir(bundleDir, { recursive: true });
    const unused = (await readdir(bundleDir)).filter((name) => UNUSED_UI.test(name));
    await Promise.all(unused.map((name) => rm(path.join(bundleDir, name))));
    return { bundleDir, pages };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
