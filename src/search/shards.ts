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
  /**
   * Its folder under pagefind/ and its value of the `shard` filter: the years it holds, "2021-2025" or "2025",
   * or the months of the recent shard, "2025-10-2025-12".
   */
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
 * From how many pages the newest shard is split at a month (recentShard):
 * Pagefind indexes fewer pages in about a second, so splitting them would
 * cost readers a shard for nothing.
 */
export const RECENT_SPLIT_PAGES = 500;

/** How many calendar months the recent shard spans: an editor's corrections fall on recent news. */
export const RECENT_MONTHS = 3;

/**
 * The searchable pages in shards of whole years, newest first, each holding
 * at most `maxPages` pages unless one year alone has more. Each shard spans
 * one stretch of time, so "newest first" is the shards' order, and an edit
 * re-indexes only the shard of its date (unless the years regroup). Once the
 * index is split, the newest shard is closed as soon as it holds a quarter of
 * `maxPages`: nearly every edit lands there. When it holds `recentFrom`
 * pages or more, its last RECENT_MONTHS months are a shard of their own
 * (recentShard), so an edit to recent news re-indexes a few hundred pages.
 */
export function searchShards(pages: SearchablePage[], maxPages = SHARD_PAGES, recentFrom = RECENT_SPLIT_PAGES): SearchShard[] {
  const byYear = new Map<string, SearchablePage[]>();
  for (const page of pages) {
    const year = searchDate(page).slice(0, 4);
    const same = byYear.get(year);
    if (same) same.push(page);
    else byYear.set(year, [page]);
  }
  const shards: SearchablePage[][] = [];
  const split = pages.length > maxPages;
  for (const year of [...byYear.keys()].sort().reverse()) {
    const current = shards.at(-1);
    const more = byYear.get(year)!;
    const newestIsFull = split && shards.length === 1 && current!.length >= maxPages / 4;
    if (current && !newestIsFull && current.length + more.length <= maxPages) current.push(...more);
    else shards.push([...more]);
  }
  const [newest, ...older] = shards.map((held) => ({ name: yearsName(held), pages: held }));
  if (!newest) return [];
  return [...(split && newest.pages.length >= recentFrom ? recentShard(newest) : [newest]), ...older];
}

/** A shard's name: the years its pages are of, "2021-2025" or "2025". */
function yearsName(pages: SearchablePage[]): string {
  const years = pages.map((page) => searchDate(page).slice(0, 4)).sort();
  return years[0] === years.at(-1) ? years[0] : `${years[0]}-${years.at(-1)}`;
}

/**
 * The newest shard as two: the pages of the last RECENT_MONTHS calendar
 * months of its news (from its newest article's month back; a static page or
 * document dated later goes along), named by their months
 * ("2025-10-2025-12"), then the others, named by their years. Both still span
 * one stretch of time each, newest first. The boundary moves when the newest
 * article is of a new month (or is deleted or redated), and both are then
 * indexed again.
 */
function recentShard(shard: SearchShard): SearchShard[] {
  const month = (page: SearchablePage) => searchDate(page).slice(0, 7);
  const newsMonths = shard.pages.flatMap((page) => (page.kind === 'article' ? [month(page)] : [])).sort();
  if (!newsMonths.length) return [shard];
  const [year, monthOfYear] = newsMonths.at(-1)!.split('-').map(Number);
  const since = year * 12 + monthOfYear - RECENT_MONTHS;
  const from = `${Math.floor(since / 12)}-${String((since % 12) + 1).padStart(2, '0')}`;
  const recent = shard.pages.filter((page) => month(page) >= from);
  const rest = shard.pages.filter((page) => month(page) < from);
  if (!rest.length) return [shard];
  const months = recent.map(month).sort();
  const [first, last] = [months[0], months.at(-1)!];
  return [
    { name: first === last ? last : `${first}-${last}`, pages: recent },
    { name: yearsName(rest), pages: rest },
  ];
}
