import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DateTime } from 'luxon';
import { Attachments, isAttachmentLink } from '../attachments/index.ts';
import { type Article, bodyFacts, buildArticles, processArticleImages, readArticle } from '../content/index.ts';
import { vietnamDateTime } from '../dates/index.ts';
import type { ImageProcessor } from '../images/index.ts';
import { createMarkdown } from '../markdown/index.ts';
import { isPublished, Portal, type LoadedContent } from '../portal/index.ts';
import type { Problem } from '../problems/index.ts';

export interface SavedArticleOptions {
  contentDir: string;
  now: DateTime;
  showDrafts: boolean;
  images: ImageProcessor;
}

/**
 * The portal of the last rebuild with one saved article read again, for the preview's early page:
 * only that file is read, checked and rendered. Undefined whenever the answer might differ from what
 * the rebuild that follows will show (any problem in the file, an attached file, a URL taken by
 * another article, a hidden article): that rebuild, which reads everything, then writes the page.
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
  if (portal.articles.some((other) => other.url === article.url && other.file !== file)) return undefined;
  if (article.published > options.now) article.scheduledFor = vietnamDateTime(article.published);
  // A tag's spelling is the one most articles use, as the whole portal counts it.
  const spelled = new Map(portal.tags.map(({ tag }) => [tag.slug, tag]));
  article.tags = article.tags.map((tag) => spelled.get(tag.slug) ?? tag);
  const articles = [...portal.articles.filter((other) => other.file !== file), article];
  const { staticPages, documents, navigation, attachments } = portal;
  return {
    content: {
      site,
      portal: new Portal(site, articles, { staticPages, documents, navigation, attachments }, options.now),
      problems: last.problems.filter((problem) => path.resolve(problem.file) !== path.resolve(file)),
    },
    article,
  };
}
