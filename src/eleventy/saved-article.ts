import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DateTime } from 'luxon';
import { Attachments, isAttachmentLink } from '../attachments/index.ts';
import { type Article, bodyFacts, buildArticles, processArticleImages, readArticle } from '../content/index.ts';
import { vietnamDateTime } from '../dates/index.ts';
import type { ImageProcessor } from '../images/index.ts';
import { createMarkdown } from '../markdown/index.ts';
import { isPublished, Portal, type LoadedContent } from '../portal/index.ts';
import type { Problem } from '../problems/index.ts';
import type { SiteSettings } from '../site/index.ts';
import { slugify } from '../slugs/index.ts';

export interface SavedArticleOptions {
  contentDir: string;
  now: DateTime;
  showDrafts: boolean;
  images: ImageProcessor;
}

/** The portal of the last rebuild without the article of a deleted file, and that article's URL (undefined: it had none). */
export function withoutArticle(
  last: LoadedContent,
  file: string,
  now: DateTime,
): { content: LoadedContent; article?: undefined; removed: string } | undefined {
  const { site, portal } = last;
  const removed = portal.articles.find((article) => article.file === file);
  if (!removed) return undefined;
  const articles = portal.articles.filter((article) => article !== removed);
  return {
    content: { site, portal: patched(portal, site, articles, now), problems: withoutErrorsOf(last.problems, file) },
    removed: removed.url,
  };
}

/** The file's errors are gone (it has none now, or is deleted); warnings stay, as the rebuild gives them again. */
function withoutErrorsOf(problems: Problem[], file: string): Problem[] {
  return problems.filter((p) => p.severity !== 'error' || path.resolve(p.file) !== path.resolve(file));
}

/** A portal like `portal`, with other articles. */
function patched(portal: Portal, site: SiteSettings, articles: Article[], now: DateTime): Portal {
  const { staticPages, documents, navigation, attachments } = portal;
  return new Portal(site, articles, { staticPages, documents, navigation, attachments }, now);
}

/**
 * The portal of the last rebuild with one saved article read again, for the preview's early page:
 * only that file is read, checked and rendered. Undefined whenever the answer might differ from what
 * the rebuild that follows will show (any problem in the file, now or at the last rebuild, an attached
 * file, a changed URL, a URL taken by another article or an alias or maybe by one left out, a tag
 * spelled otherwise than the portal does, changed aliases, a hidden article): that rebuild, which
 * reads everything, then writes the page.
 */
export async function withSavedArticle(
  last: LoadedContent,
  file: string,
  options: SavedArticleOptions,
): Promise<{ content: LoadedContent; article: Article } | undefined> {
  const { site, portal } = last;
  const problems: Problem[] = [];
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const source = readArticle(file, bytes, problems);
  if (!source || problems.length) return undefined;
  const md = createMarkdown({ allowHtml: site.allowHtml });
  if (bodyFacts(md, source).references.some((ref) => ref.kind === 'link' && isAttachmentLink(ref.href))) return undefined;
  const pictures = await processArticleImages([source], md, options.contentDir, options.images, problems);
  const [checked] = buildArticles([source], site, md, pictures, new Attachments(), problems);
  const article = checked?.article;
  if (!article || problems.length || !isPublished(article, options.now, options.showDrafts)) return undefined;
  // Another file with its URL, unless that file is gone (moved or renamed to this one).
  const moved = portal.articles.find((other) => other.url === article.url && other.file !== file);
  if (moved && existsSync(moved.file)) return undefined;
  const before = portal.articles.find((other) => other.file === file) ?? moved;
  // Its errors came from the checks across files (links, aliases), which only the rebuild runs again.
  if (last.problems.some((p) => p.severity === 'error' && path.resolve(p.file) === path.resolve(file))) return undefined;
  // An article left out of the portal (for its errors, or hidden) still takes its URL and counts its tags' spellings.
  const leftOut = !options.showDrafts || last.problems.some((p) => p.severity === 'error');
  // A new URL: only a new article's (a changed one breaks links to the old), not an alias's, none possibly left out's.
  const newUrl = article.url !== before?.url;
  if (newUrl && (before || leftOut || portal.redirects.some((redirect) => redirect.from === article.url))) return undefined;
  // A tag's spelling is the one most articles use: another spelling may change it, or be another tag with the same URL.
  const spelled = new Map(portal.tags.map(({ tag }) => [tag.slug, tag.name]));
  const tags = source.frontMatter.tags.map((name) => ({ name, known: spelled.get(slugify(name)) }));
  if (tags.some(({ name, known }) => (known ?? name) !== name || (leftOut && !known))) return undefined;
  // Redirects are checked against every page of the site.
  if (JSON.stringify(article.aliases) !== JSON.stringify(before?.aliases ?? [])) return undefined;
  if (article.published > options.now) article.scheduledFor = vietnamDateTime(article.published);
  const articles = [...portal.articles.filter((other) => other !== before), article];
  return {
    content: {
      site,
      portal: patched(portal, site, articles, options.now),
      problems: last.problems,
    },
    article,
  };
}
