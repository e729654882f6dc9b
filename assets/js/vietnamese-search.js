// Vietnamese search over the Pagefind bundle: the query-side half of src/search/vietnamese.ts.
// The indexer saw đ/Đ as ḏ/Ḏ (U+1E0F/U+1E0E), which Pagefind folds to d; queries get the same swap,
// and everything Pagefind hands back gets the real letters again. No DOM here, so Node tests can import it.

const INDEXED_D = /\u1E0F/g;
const INDEXED_CAPITAL_D = /\u1E0E/g;

/** A reader's query as the index spells it: NFC (decomposed keyboards), đ → ḏ, Đ → Ḏ, spaces collapsed. */
export function toPagefindQuery(text) {
  return String(text ?? '')
    .normalize('NFC')
    .replace(/đ/g, '\u1E0F')
    .replace(/Đ/g, '\u1E0E')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Undoes the swap in text Pagefind returns (titles, excerpts, meta). */
export function toReaderText(text) {
  return String(text ?? '')
    .replace(INDEXED_D, 'đ')
    .replace(INDEXED_CAPITAL_D, 'Đ');
}

/** A query typed with any accent (đ included): the reader meant those exact letters. */
export function hasDiacritics(query) {
  return /[\u0080-\uffff]/.test(query);
}

/** Pagefind's loose comparison: no tone marks, đ (and ḏ) as d, lower case. */
function fold(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/**
 * Pagefind answers a word it doesn't know with the longest prefix it knows ("bitcoin" finds "Bí thư").
 * True when a result's highlighted words all come from such a fallback: none begins with a word of the query.
 */
export function onlyPrefixFallback(query, excerpt) {
  const marked = [...String(excerpt).matchAll(/<mark>([\s\S]*?)<\/mark>/g)].map((match) => fold(match[1]));
  const terms = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return marked.length > 0 && !marked.some((word) => terms.some((term) => word.startsWith(term)));
}

const OPTIONS = { excerptLength: 30, ranking: { diacriticSimilarity: 2 } };

/**
 * Search over the Pagefind bundle at `bundleUrl` (…/pagefind/pagefind.js), loaded on first use.
 * An accented query is also run with exact diacritics and those matches come first, so "Đảng"
 * lists the articles about Đảng before those saying "đang" or "dạng"; an unaccented query
 * ("dang") matches all of them.
 */
export function createSearch(bundleUrl) {
  let bundle;
  let loose;
  let exact;
  const instance = async (extra) => {
    bundle ??= import(bundleUrl);
    const pagefind = await bundle;
    return pagefind.createInstance({ ...OPTIONS, ...extra });
  };

  return {
    /**
     * @param {string} text what the reader typed (may be empty when filtering only)
     * @param {{ filters?: Record<string, string>, newestFirst?: boolean }} options
     * @returns {Promise<Array<{ id: string, data: () => Promise<object> }>>} Pagefind results, best first
     */
    async search(text, { filters = {}, newestFirst = false } = {}) {
      const query = toPagefindQuery(text);
      const normalised = Object.fromEntries(Object.entries(filters).map(([key, value]) => [key, value.normalize('NFC')]));
      const options = { filters: normalised, ...(newestFirst || !query ? { sort: { date: 'desc' } } : {}) };
      loose ??= instance({});
      const found = (await (await loose).search(query || null, options)).results;
      if (!query || !found.length) return found;
      // If even the best result only matched a shorter word, nothing really matched.
      if (onlyPrefixFallback(query, (await found[0].data()).excerpt)) return [];
      if (options.sort || !hasDiacritics(query)) return found;
      exact ??= instance({ exactDiacritics: true });
      const first = (await (await exact).search(query, options)).results;
      const seen = new Set(first.map((result) => result.id));
      return [...first, ...found.filter((result) => !seen.has(result.id))];
    },
  };
}

/** What a result shows, with the real đ/Đ: url, title, date (ISO), category, excerpt (text with <mark>). */
export async function readResult(result) {
  const data = await result.data();
  return {
    url: data.url,
    title: toReaderText(data.meta.title),
    date: data.meta.date ?? '',
    category: toReaderText(data.meta.category),
    excerpt: toReaderText(data.excerpt),
  };
}
