import path from 'node:path';
import { DateTime } from 'luxon';
import { buildArticles, processArticleImages, readArticles, siteFile } from '../content/index.ts';
import { vietnamDateTime } from '../dates/index.ts';
import { imageProcessor, type ImageProcessor } from '../images/index.ts';
import { createMarkdown } from '../markdown/index.ts';
import { ContentError, type Problem } from '../problems/index.ts';
import { loadSiteSettings, missingLegalNotice, type SiteSettings } from '../site/index.ts';
import { checkAliases } from './aliases.ts';
import { checkFeatured } from './featured.ts';
import { Portal, isPublished, type PageUrls } from './portal.ts';
import { disappearedUrls, type PreviousBuild } from './published.ts';
import { checkReferences } from './references.ts';

export interface LoadOptions {
  contentDir: string;
  /** The site's URLs for a portal: `pageUrls` of src/pages. */
  pageUrls: PageUrls;
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

function byFileAndLine(a: Problem, b: Problem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0);
}

/**
 * Runs every check on the content (what `npm run check` prints and every
 * build runs first) and computes the portal; never throws for the editors' mistakes.
 */
export async function inspectContent({
  contentDir,
  pageUrls,
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

  checkAliases(checked, portal, pageUrls, problems);
  checkFeatured(checked, portal, now, problems);
  const everything = () => new Portal(site, articles);
  checkReferences(checked, { portal, everything, pageUrls, baseUrl: site.baseUrl, now }, problems);
  // Compared as the published list records them: without the host files (publishedPageUrls of src/pages).
  if (previous)
    problems.push(...disappearedUrls(previous, pageUrls(portal, ['redirects-file', 'headers']), portal, checked, contentDir));
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
