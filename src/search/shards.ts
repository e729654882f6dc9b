import type { SearchablePage } from '../pages/index.ts';

/**
 * Pagefind holds a whole index in memory while it builds it (about 170 KB a
 * page: 3.4 GB for 20,000 articles), so the index is built in shards, one
 * after another (two at a time once Eleventy has rendered: src/search/indexer.ts),
 * that the search page merges (Pagefind's mergeIndex). Each
 * shard costs a first search one more chunk of the word index (about 24 KB),
 * hence shards as large as the memory allows rather than one a year.
 */
export const SHARD_PAGES = 5000;

export interface SearchShard {
  /** Its folder under pagefind/ and its value of the `shard` filter: the years it holds, "2021-2025" or "2025". */
  name: string;
  pages: SearchablePage[];
}

/** The date a page is sorted by in search (its data-pagefind-sort), as ISO 8601 in Vietnam time. */
export function searchDate(page: SearchablePage): string {
  switch (page.kind) {
    case 'article':
      return page.article.publishedIso;
    case 'page':
      return page.date;
    case 'document':
      return page.document.issuedIso;
  }
}

/**
 * The searchable pages in shards of whole years, newest first, each holding
 * at most `maxPages` pages unless one year alone has more. A shard never
 * splits a year, so "newest first" is the shards' order, and an edit
 * re-indexes only the shard of its year (unless the years regroup). Once the
 * index is split, the newest shard is closed as soon as it holds a quarter of
 * `maxPages`: nearly every edit lands there, and a shard that small
 * re-indexes in a few seconds.
 */
export function searchShards(pages: SearchablePage[], maxPages = SHARD_PAGES): SearchShard[] {
  const byYear = new Map<string, SearchablePage[]>();
  for (const page of pages) {
    const year = searchDate(page).slice(0, 4);
    const same = byYear.get(year);
    if (same) same.push(page);
    else byYear.set(year, [page]);
  }
  const shards: { years: string[]; pages: SearchablePage[] }[] = [];
  const split = pages.length > maxPages;
  for (const year of [...byYear.keys()].sort().reverse()) {
    const current = shards.at(-1);
    const more = byYear.get(year)!;
    const newestIsFull = split && shards.length === 1 && current!.pages.length >= maxPages / 4;
    if (current && !newestIsFull && current.pages.length + more.length <= maxPages) {
      current.years.push(year);
      current.pages.push(...more);
    } else shards.push({ years: [year], pages: [...more] });
  }
  return shards.map(({ years, pages }) => ({
    name: years.length > 1 ? `${years.at(-1)}-${years[0]}` : years[0],
    pages,
  }));
}
