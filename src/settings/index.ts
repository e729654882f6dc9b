import { DateTime } from 'luxon';
import { siteFile } from '../content/index.ts';
import { ContentError } from '../problems/index.ts';
import { parseVietnamDate } from '../dates/index.ts';
import { pathPrefixOf } from '../routes/index.ts';
import { loadSiteSettings } from '../site/index.ts';

export interface BuildSettings {
  contentDir: string;
  outputDir: string;
  showDrafts: boolean;
  now: DateTime;
  /** PORTAL_NOW as given, or null when the build runs on the real clock (recorded in the build manifest). */
  clock: string | null;
  /** Where the site is served: "/" or "/cong-thong-tin/" (from PATH_PREFIX, else the path of SITE_URL or site.yaml's baseUrl). */
  pathPrefix: string;
  /** Where processed photos are kept between builds (keep it between CI runs). */
  imageCacheDir: string;
  /**
   * Where `npm run build` keeps the page fingerprints of the build it published, and the front matters it read
   * (keep it between CI runs, with the output): the next build renders only the pages an edit touches.
   */
  pageCacheDir: string;
  /** PORTAL_FULL_BUILD=1 renders every page, whatever the previous build (an incremental build's output is the same). */
  fullBuild: boolean;
  /**
   * PORTAL_ELEVENTY_PAGES=1 has Eleventy render every page, as npm start does; otherwise npm run build writes the
   * lists' pages (articles, categories, tags…) itself from the same layouts (src/eleventy/list-pages.ts). Same bytes, slower.
   */
  eleventyPages: boolean;
  /**
   * Netlify serves a file that exists before it applies a redirect rule, so on Netlify
   * (NETLIFY=true, set by its builds) the `_redirects` rules are forced ("301!") over the
   * HTML redirect pages kept for GitHub Pages. Cloudflare Pages redirects first, and ignores a "301!" rule.
   */
  forceRedirects: boolean;
  /** The most pages a search index shard holds (PORTAL_SEARCH_SHARD_PAGES; src/search/shards.ts), which bounds the memory of each Pagefind run. */
  searchShardPages?: number;
}

/**
 * The build's knobs, from the environment so that `npm run build`, `npm start`
 * and the tests share one config: PORTAL_CONTENT, PORTAL_OUTPUT,
 * PORTAL_DRAFTS=1, PORTAL_NOW (ISO date, for tests of scheduling),
 * PORTAL_IMAGE_CACHE (default .cache/images), PORTAL_SEARCH_SHARD_PAGES, PORTAL_PAGE_CACHE (default .cache/pages),
 * PORTAL_FULL_BUILD=1, and SITE_URL / PATH_PREFIX,
 * which the site settings resolve into the public root.
 */
export function buildSettings(env: NodeJS.ProcessEnv = process.env): BuildSettings {
  const now = env.PORTAL_NOW ? parseVietnamDate(env.PORTAL_NOW) : DateTime.now();
  if (!now) throw new Error(`PORTAL_NOW="${env.PORTAL_NOW}" không phải ngày ISO 8601 hợp lệ`);
  const contentDir = env.PORTAL_CONTENT ?? 'content';
  return {
    contentDir,
    outputDir: env.PORTAL_OUTPUT ?? '_site',
    showDrafts: env.PORTAL_DRAFTS === '1',
    now,
    clock: env.PORTAL_NOW || null,
    pathPrefix: sitePathPrefix(contentDir, env),
    imageCacheDir: env.PORTAL_IMAGE_CACHE ?? '.cache/images',
    pageCacheDir: env.PORTAL_PAGE_CACHE ?? '.cache/pages',
    fullBuild: env.PORTAL_FULL_BUILD === '1',
    eleventyPages: env.PORTAL_ELEVENTY_PAGES === '1',
    forceRedirects: env.NETLIFY === 'true',
    searchShardPages: Number(env.PORTAL_SEARCH_SHARD_PAGES) > 0 ? Number(env.PORTAL_SEARCH_SHARD_PAGES) : undefined,
  };
}

/** The settings' path prefix; "/" when they can't be read, which the content check reports with file and line. */
function sitePathPrefix(contentDir: string, env: NodeJS.ProcessEnv): string {
  try {
    return pathPrefixOf(loadSiteSettings(siteFile(contentDir), env).baseUrl);
  } catch (error) {
    if (error instanceof ContentError) return '/';
    throw error;
  }
}
