import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { toIndexerHtml } from './vietnamese.ts';

/** A built page to index: its public URL and its file in the built site. */
export interface SearchPage {
  url: string;
  file: string;
}

export interface SearchIndexResult {
  /** The Pagefind bundle folder written. */
  bundleDir: string;
  pages: number;
}

/** Pagefind's folder inside the built site; assets/js/search.js loads it from there. */
const BUNDLE_DIR = 'pagefind';

/** Pagefind's ready-made search interfaces: the portal has its own (assets/js/search.js), so they are not published. */
const UNUSED_UI = /^pagefind-(?:ui|modular-ui|component-ui)\.(?:js|css)$|^pagefind-highlight\.js$/;

/** Files read and sent to Pagefind at once: enough to keep its service busy, few enough to bound memory. */
const IN_FLIGHT = 16;

export class SearchIndexError extends Error {
  constructor(problems: string[]) {
    super(`Không lập được chỉ mục tìm kiếm (Pagefind):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SearchIndexError';
  }
}

/**
 * Indexes the given pages of a built site with Pagefind and writes its bundle
 * to `<siteDir>/pagefind/`. Pagefind reads the indexer's copy of each page
 * (see toIndexerHtml); the pages on disk are not changed.
 */
export async function writeSearchIndex(siteDir: string, pages: SearchPage[]): Promise<SearchIndexResult> {
  try {
    return await indexWithPagefind(path.join(siteDir, BUNDLE_DIR), pages);
  } catch (error) {
    if (error instanceof SearchIndexError) throw error;
    throw new SearchIndexError([`Pagefind không chạy được (${(error as Error).message}); hãy chạy lại "npm ci" để cài lại gói pagefind.`]);
  } finally {
    await pagefind.close();
  }
}

async function indexWithPagefind(bundleDir: string, pages: SearchPage[]): Promise<SearchIndexResult> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new SearchIndexError(errors);
  const add = async (page: SearchPage) => {
    const html = await readFile(page.file, 'utf8').catch((error: Error) => {
      throw new SearchIndexError([`${page.file}: không đọc được trang đã dựng (${error.message})`]);
    });
    const content = toIndexerHtml(html);
    const added = await index.addHTMLFile({ url: page.url, content });
    if (added.errors.length) throw new SearchIndexError(added.errors.map((e) => `${page.file}: ${e}`));
  };
  for (let i = 0; i < pages.length; i += IN_FLIGHT) {
    await Promise.all(pages.slice(i, i + IN_FLIGHT).map(add));
  }
  await rm(bundleDir, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: bundleDir });
  if (written.errors.length) throw new SearchIndexError(written.errors);
  const unused = (await readdir(bundleDir)).filter((name) => UNUSED_UI.test(name));
  await Promise.all(unused.map((name) => rm(path.join(bundleDir, name))));
  return { bundleDir, pages: pages.length };
}
