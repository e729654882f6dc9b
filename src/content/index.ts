import path from 'node:path';
import { DateTime } from 'luxon';
import { Portal, isPublished } from '../collections/index.ts';
import { imageProcessor, processArticleImages, type ImageProcessor } from '../images/index.ts';
import { createMarkdown } from '../markdown/index.ts';
import { loadSiteSettings, type SiteSettings } from '../site/index.ts';
import { buildArticles } from './build.ts';
import { ContentError, type Problem } from './problems.ts';
import { readArticles } from './read.ts';

export { ContentError, formatProblem, type Problem } from './problems.ts';
export type { Article, Tag, ArticleImage, ShareImage } from './article.ts';

export interface LoadOptions {
  contentDir: string;
  /** The build's clock: articles dated later are scheduled, not published. */
  now?: DateTime;
  /** Preview drafts (npm start). */
  showDrafts?: boolean;
  /** Encodes the articles' photos; by default the one for `.cache/images`. */
  images?: ImageProcessor;
}

export interface LoadedContent {
  site: SiteSettings;
  portal: Portal;
  problems: Problem[];
}

export function siteFile(contentDir: string): string {
  return path.join(contentDir, '_data', 'site.yaml');
}

/**
 * Reads the site settings and every article, processes their photos, and
 * computes the portal. Throws a ContentError listing every error when
 * anything can't be published.
 */
export async function loadContent({ contentDir, now = DateTime.now(), showDrafts = false, images = imageProcessor('.cache/images') }: LoadOptions): Promise<LoadedContent> {
  const site = loadSiteSettings(siteFile(contentDir));
  const problems: Problem[] = [];
  const sources = readArticles(path.join(contentDir, 'articles'), problems);
  const md = createMarkdown({ allowHtml: site.allowHtml });
  // Markdown images render as <picture>, so the photos are processed before any article is rendered.
  const pictures = await processArticleImages(sources, md, contentDir, images, problems);
  const articles = buildArticles(sources, site, md, pictures, problems);
  if (problems.some((p) => p.severity === 'error')) throw new ContentError(problems);
  const visible = articles.filter((a) => isPublished(a, now, showDrafts));
  return { site, portal: new Portal(site, visible), problems };
}
