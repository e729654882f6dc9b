import path from 'node:path';
import { DateTime } from 'luxon';
import { Portal, isPublished } from '../collections/index.ts';
import { vietnamDateTime } from '../dates/index.ts';
import { imageProcessor, processArticleImages, type ImageProcessor } from '../images/index.ts';
import { createMarkdown } from '../markdown/index.ts';
import { loadSiteSettings, missingLegalNotice, type SiteSettings } from '../site/index.ts';
import { checkAliases } from './aliases.ts';
import { checkFeatured } from './featured.ts';
import { buildArticles } from './build.ts';
import { ContentError, type Problem } from './problems.ts';
import { disappearedUrls, type PreviousBuild } from './published.ts';
import { readArticles } from './read.ts';
import { checkReferences } from './references.ts';

export { ContentError, formatProblem, BODY_FIELD, type Problem } from './problems.ts';
export type { Article, Tag, ArticleImage, ShareImage } from './article.ts';
export {
  publishedList,
  formatPublishedList,
  readPublishedList,
  publishedListFile,
  type PublishedList,
  type PreviousBuild,
} from './published.ts';

export interface LoadOptions {
  contentDir: string;
  /** The build's clock: articles dated later are scheduled, not published. */
  now?: DateTime;
  /** Preview drafts and scheduled articles (npm start). */
  showDrafts?: boolean;
  /** What the last build published: URLs it had that are now gone get a warning. */
  previous?: PreviousBuild;
  /** Encodes the articles' photos; by default the one for `.cache/images`. */
  images?: ImageProcessor;
}

export interface LoadedContent {
  site: SiteSettings;
  portal: Portal;
  problems: Problem[];
}

/** Every check's result; `site` and `portal` are missing when the settings can't be read. */
export interface Inspection {
  site?: SiteSettings;
  portal?: Portal;
  /** Errors and warnings, ordered by file and line. */
  problems: Problem[];
}

export function siteFile(contentDir: string): string {
  return path.join(contentDir, '_data', 'site.yaml');
}

function byFileAndLine(a: Problem, b: Problem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0);
}

/**
 * Runs every check on the content (what `npm run check` prints and every
 * build runs first) and computes the portal; never throws for the editors' mistakes.
 */
export async function inspectContent({
  contentDir,
  now = DateTime.now(),
  showDrafts = false,
  previous,
  images = imageProcessor('.cache/images'),
}: LoadOptions): Promise<Inspection> {
  const problems: Problem[] = [];
  let site: SiteSettings | undefined;
  try {
    site = loadSiteSettings(siteFile(contentDir));
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems.push(...error.problems);
  }
  const sources = readArticles(path.join(contentDir, 'articles'), problems);
  if (!site) return { problems: problems.sort(byFileAndLine) };
  problems.push(...missingLegalNotice(site, siteFile(contentDir)));

  const md = createMarkdown({ allowHtml: site.allowHtml });
  // Markdown images render as <picture>, so the photos are processed before any article is rendered.
  const pictures = await processArticleImages(sources, md, contentDir, images, problems);
  const checked = buildArticles(sources, site, md, pictures, problems);
  const articles = checked.flatMap(({ article }) => (article ? [article] : []));
  const visible = articles.filter((a) => isPublished(a, now, showDrafts));
  for (const article of visible) if (article.published > now) article.scheduledFor = vietnamDateTime(article.published);
  const portal = new Portal(site, visible, now);

  checkAliases(checked, portal, problems);
  checkFeatured(checked, portal, now, problems);
  checkReferences(checked, { portal, everything: () => new Portal(site, articles), baseUrl: site.baseUrl, now }, problems);
  if (previous) problems.push(...disappearedUrls(previous, portal, checked, contentDir));
  return { site, portal, problems: problems.sort(byFileAndLine) };
}

/**
 * Reads the site settings and every article, checks them, processes their
 * photos and computes the portal. Throws a ContentError listing every problem when anything can't be published.
 */
export async function loadContent(options: LoadOptions): Promise<LoadedContent> {
  const { site, portal, problems } = await inspectContent(options);
  if (!site || !portal || problems.some((p) => p.severity === 'error')) throw new ContentError(problems);
  return { site, portal, problems };
}
