/**
 * Content: reads, parses and validates the editors' files one by one, and
 * turns them into articles. What holds across articles (lists, checks of
 * links and old URLs) is the portal's, in src/portal.
 */
import path from 'node:path';

export type { Article, Tag, ArticleImage, ShareImage } from './article.ts';
export { bodyFacts, bodyHtml, emptyBodyProblem, parseBody, type BodyFacts } from './body.ts';
export { buildArticles, type CheckedSource } from './articles.ts';
export { ReadingCache } from './cache.ts';
export { fileDigest, SourceFiles, type SourceFile } from './files.ts';
export { ArticleImages, imagePath, imageReferences, processArticleImages, type ImageReference } from './photos.ts';
export {
  FRONT_MATTER,
  articleFiles,
  readArticle,
  readArticles,
  readMarkdown,
  readMarkdownFiles,
  type ArticleSource,
  type FrontMatterContract,
  type MarkdownSource,
} from './read.ts';
export { fieldHints, frontMatterSchema, isoDate, type FrontMatter } from './schema.ts';

/** Where static pages and official documents live in the content folder. */
export const PAGES_FOLDER = 'pages';
export const DOCUMENTS_FOLDER = 'van-ban';

/** The folder of a content folder's articles. */
export function articlesDir(contentDir: string): string {
  return path.join(contentDir, 'articles');
}

/** The site settings file of a content folder. */
export function siteFile(contentDir: string): string {
  return path.join(contentDir, '_data', 'site.yaml');
}
