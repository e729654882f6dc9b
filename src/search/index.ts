import path from 'node:path';
import type { Article } from '../content/index.ts';
import { writeSearchIndex, type SearchIndexResult, type SearchPage } from './indexer.ts';

export { writeSearchIndex, SearchIndexError, BUNDLE_DIR, type SearchPage, type SearchIndexResult } from './indexer.ts';
export { toIndexerHtml, swapDForIndex, INDEXED_D } from './vietnamese.ts';

/**
 * Only article pages are searchable. URLs are kept without the path prefix:
 * Pagefind prefixes results with the folder its bundle is served from.
 */
export function articleSearchPages(articles: Article[], siteDir: string): SearchPage[] {
  return articles.map((article) => ({ url: article.url, file: path.join(siteDir, article.url, 'index.html') }));
}

/** Indexes the articles of a built site into `<siteDir>/pagefind/`. */
export function indexArticles(siteDir: string, articles: Article[]): Promise<SearchIndexResult> {
  return writeSearchIndex(siteDir, articleSearchPages(articles, siteDir));
}
export { searchScriptStrings, type SearchScriptStrings } from './page-strings.ts';
