/**
 * Scoring the search relevance set (scripts/corpus/relevance.ts) on a built
 * corpus: which articles are relevant to each query and which deserve first
 * place (from the articles' own text), the rankings a browser page gets from
 * the portal's search or from plain Pagefind, and the two figures:
 * first-place rate and precision of the first five.
 */
import type { Page } from 'playwright-core';
import type { SearchablePage } from '../../src/pages/index.ts';
import { oneSpelling, searchDocument } from '../../src/search/index.ts';
import type { RelevanceQuery } from '../corpus/relevance.ts';

export interface JudgedQuery extends RelevanceQuery {
  /** Articles (slugs) holding a meant phrase: the relevant ones. */
  relevant: Set<string>;
  /** Articles that deserve first place. */
  best: Set<string>;
}

const slugOf = (url: string) => url.replace(/^.*\/tin-tuc\/|\/$/g, '');
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
/** The syllables of a text as a reader compares them: one spelling, lower case, punctuation dropped. */
const syllables = (text: string) =>
  oneSpelling(text.replace(/\u1E0F/g, 'đ').replace(/\u1E0E/g, 'Đ'))
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
const holds = (have: string[], phrase: string[]) => have.some((_, i) => phrase.every((word, k) => have[i + k] === word));

/** What each query should find, judged on the words Pagefind indexes for each article (its search document). */
export function judge(queries: RelevanceQuery[], pages: SearchablePage[]): JudgedQuery[] {
  // The relevance set is about articles; static pages and documents are judged by their own tests.
  const articles = pages.filter((page) => page.kind === 'article');
  const texts = articles.map((page) => ({
    slug: slugOf(page.url),
    title: syllables(page.article.title),
    words: syllables(
      searchDocument(page)
        .replace(/<[^>]*>/g, ' ')
        .replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]),
    ),
  }));
  return queries.map((query) => {
    const meant = query.meant.map(syllables);
    const relevant = new Set(texts.filter((t) => meant.some((m) => holds(t.words, m))).map((t) => t.slug));
    const titled = texts.filter((t) => meant.some((m) => holds(t.title, m))).map((t) => t.slug);
    const best = new Set([...query.first, ...titled]);
    for (const slug of query.first)
      if (!relevant.has(slug)) throw new Error(`«${query.query}»: ${slug} does not hold ${query.meant}`);
    return { ...query, relevant, best: best.size ? best : relevant };
  });
}

export type Engine = 'portal' | 'pagefind';

/**
 * The first five results (slugs) for each query, in one page of the served site:
 * the portal's search module, or plain Pagefind (its default options, the query as typed)
 * over the bundle at `pagefindPath`.
 */
export async function firstFive(page: Page, queries: string[], engine: Engine, pagefindPath = '/pagefind/'): Promise<string[][]> {
  return page.evaluate(
    async ({ queries, engine, pagefindPath }) => {
      const root = document.querySelector<HTMLElement>('[data-search-page]')!;
      const module = await import(root.dataset.searchModule!);
      const portal = module.createSearch(new URL('/pagefind/', location.href).href);
      const bundle = new URL(`${pagefindPath}pagefind.js`, location.href).href;
      const plain = engine === 'pagefind' ? await (await import(bundle)).createInstance({}) : undefined;
      const rankings: string[][] = [];
      for (const query of queries) {
        const results = plain ? (await plain.search(query)).results : await portal.search(query);
        const top = await Promise.all(
          results.slice(0, 5).map(async (result: { data(): Promise<{ url: string }> }) => (await result.data()).url),
        );
        rankings.push(top.map((url) => url.replace(/^.*\/tin-tuc\/|\/$/g, '')));
      }
      return rankings;
    },
    { queries, engine, pagefindPath },
  );
}

export interface RelevanceScore {
  /** Share of queries whose first result deserves first place. */
  firstPlace: number;
  /** Mean of (relevant among the first five) / min(5, relevant articles). */
  precision: number;
  /** Queries that missed, with what came first. */
  misses: string[];
}

export function score(judged: JudgedQuery[], rankings: string[][]): RelevanceScore {
  let first = 0;
  let precision = 0;
  const misses: string[] = [];
  judged.forEach((query, i) => {
    const top = rankings[i];
    const hit = top.length > 0 && query.best.has(top[0]);
    const found = top.filter((slug) => query.relevant.has(slug)).length;
    const possible = Math.min(5, query.relevant.size);
    const p = possible ? found / possible : top.length ? 0 : 1;
    first += hit ? 1 : 0;
    precision += p;
    if (!hit || p < 1) {
      const label = query.query === query.query.normalize('NFC') ? query.query : `${query.query.normalize('NFC')} (NFD)`;
      misses.push(`«${label}»: first ${top[0] ?? '(none)'}${hit ? '' : ' ✗'}, ${found}/${possible} relevant in the first five`);
    }
  });
  return { firstPlace: first / judged.length, precision: precision / judged.length, misses };
}
