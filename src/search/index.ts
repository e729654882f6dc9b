import path from 'node:path';
import type { Article } from '../content/index.ts';
import { writeSearchIndex, type SearchIndexResult, type SearchPage } from './indexer.ts';

export { writeSearchIndex, SearchIndexError, type SearchPage, type SearchIndexResult } from './indexer.ts';
export { toIndexerHtml, swapDForIndex } from './vietnamese.ts';
export { searchScriptStrings, type SearchScriptStrings } from './page-strings.ts';

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
