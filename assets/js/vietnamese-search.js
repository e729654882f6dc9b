// Vietnamese search over the Pagefind bundle: the query-side half of src/search/vietnamese.ts.
// The indexer saw one spelling of each syllable and đ/Đ as ḏ/Ḏ (U+1E0F/U+1E0E), which Pagefind folds to d;
// queries get the same treatment, and everything Pagefind hands back gets the real letters again.
// No DOM here, so Node tests can import it.

const INDEXED_D = /\u1E0F/g;
const INDEXED_CAPITAL_D = /\u1E0E/g;
// As in src/search/vietnamese.ts: a tone mark on the second vowel of an open oa, oe or uy ("hoá", "khoẻ", "thuỷ"; not after q, as in "quý"). Text is NFC.
const TONE_ON_GLIDE = /(?<![qQ])(?:[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?![\p{L}\p{M}])/gu;
// "qui", "quí", "quít": the same syllables as "quy", "quý", "quýt".
const QU_I = /(?<![\p{L}\p{M}])[qQ][uU][iIíìỉĩịÍÌỈĨỊ][tT]?(?![\p{L}\p{M}])/gu;

/** "hoá" → "hóa", "thuỷ" → "thủy", "quí" → "quý": the spelling the index uses (oneSpelling in src/search/vietnamese.ts). */
export function oneSpelling(text) {
  return String(text ?? '')
    .normalize('NFC')
    .replace(TONE_ON_GLIDE, (glide) => {
      const [vowel, second, tone] = glide.normalize('NFD');
      return `${vowel}${tone}${second}`.normalize('NFC');
    })
    .replace(QU_I, (syllable) => syllable.normalize('NFD').replace(/i/, 'y').replace(/I/, 'Y').normalize('NFC'));
}

/** A reader's query as the index spells it: NFC (decomposed keyboards), one spelling, đ → ḏ, Đ → Ḏ, spaces collapsed. */
export function toPagefindQuery(text) {
  return oneSpelling(text).replace(/đ/g, '\u1E0F').replace(/Đ/g, '\u1E0E').replace(/\s+/g, ' ').trim();
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

/** The syllables of a query, as Pagefind splits them (quotes and punctuation dropped). */
export function syllables(query) {
  return String(query)
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Pagefind answers a word it doesn't know with the longest prefix it knows ("bitcoin" finds "Bí thư").
 * True when a result's highlighted words all come from such a fallback: none begins with a word of the query.
 */
export function onlyPrefixFallback(query, excerpt) {
  const marked = [...String(excerpt).matchAll(/<mark>([\s\S]*?)<\/mark>/g)].map((match) => fold(match[1]));
  const terms = syllables(fold(query));
  return marked.length > 0 && !marked.some((word) => terms.some((term) => word.startsWith(term)));
}

/** Does `text` hold `words` side by side, in this order? Exact letters (case aside) or folded. */
export function holdsPhrase(text, words, exact) {
  const spell = exact ? (word) => word.toLowerCase() : fold;
  const wanted = words.map(spell);
  const have = syllables(oneSpelling(toReaderText(text))).map(spell);
  return have.some((_, start) => wanted.every((word, i) => have[start + i] === word));
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const SENTENCE_END = /[.!?…]["”’)]*$/;
/** Words of an excerpt, with the words before the query's first match. */
const EXCERPT_WORDS = 30;
const LEAD_WORDS = 8;

/**
 * The excerpt a result shows, from the article's text (`content`, as Pagefind stores it): 30 words
 * around the first place holding the query's syllables side by side (else the most of them),
 * starting at that sentence when it is close, after the `title` when the text begins with it. Marked: the query's syllables as whole words (as
 * prefixes when `prefixes`), without the punctuation next to them. "…" where a sentence is cut.
 * Returns escaped text with <mark> elements, real đ/Đ.
 */
export function excerptFor(content, words, prefixes = false, title = '') {
  const tokens = toReaderText(content).split(/\s+/).filter(Boolean);
  // Pagefind's content starts with the title, which the result shows already: look after it first.
  const titleWords = toReaderText(title).split(/\s+/).filter(Boolean);
  const afterTitle = titleWords.length && titleWords.every((word, i) => tokens[i]?.startsWith(word)) ? titleWords.length : 0;
  const cores = tokens.map((token) => /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u.exec(token));
  const spelled = cores.map(([, , core]) => oneSpelling(core).toLowerCase());
  const folded = spelled.map(fold);
  const typed = words.map((word) => toReaderText(word).toLowerCase());
  const terms = typed.map(fold);
  const loosely = (i, k) => i < tokens.length && (prefixes ? folded[i].startsWith(terms[k]) : folded[i] === terms[k]);
  const exactly = (i, k) => loosely(i, k) && (prefixes ? spelled[i].startsWith(typed[k]) : spelled[i] === typed[k]);
  const phraseWith = (same) => (i) => terms.every((_, k) => same(i + k, k));
  // The accents typed, when the article has the phrase so; else accents aside.
  const same = hasDiacritics(typed.join('')) && tokens.some((_, i) => phraseWith(exactly)(i)) ? exactly : loosely;
  const phraseAt = phraseWith(same);
  const phrases = tokens.map((_, i) => phraseAt(i));
  // Marked: the phrase where the article has it, else each syllable.
  const term = phrases.includes(true)
    ? tokens.map((_, i) => terms.some((_, k) => i - k >= 0 && phrases[i - k]))
    : tokens.map((_, i) => terms.some((_, k) => same(i, k)));
  let best = phrases.findIndex((found, i) => found && i >= afterTitle);
  if (best < 0) best = phrases.indexOf(true);
  if (best < 0) {
    // No phrase: the window with the most different syllables of the query.
    let most = 0;
    for (let i = afterTitle; i < tokens.length; i++) {
      const seen = new Set(folded.slice(i, i + EXCERPT_WORDS).filter((_, k) => term[i + k])).size;
      if (seen > most && term[i]) [most, best] = [seen, i];
    }
  }
  best = Math.max(best, 0);
  let start = Math.max(0, best - LEAD_WORDS);
  const sentence = tokens.slice(start, best).findLastIndex((token) => SENTENCE_END.test(token));
  if (sentence >= 0) start += sentence + 1;
  const end = Math.min(tokens.length, start + EXCERPT_WORDS);
  const shown = [];
  for (let i = start; i < end; i++) {
    const [, before, core, after] = cores[i];
    shown.push(
      term[i] && core ? `${escapeHtml(before)}<mark>${escapeHtml(core)}</mark>${escapeHtml(after)}` : escapeHtml(tokens[i]),
    );
  }
  const cutBefore = start > 0 && !SENTENCE_END.test(tokens[start - 1]);
  const cutAfter = end < tokens.length && !SENTENCE_END.test(tokens[end - 1]);
  // A phrase is one highlight: "<mark>nông thôn mới</mark>".
  const marked = shown.join(' ').replace(/<\/mark> <mark>/g, ' ');
  return `${cutBefore ? '… ' : ''}${marked}${cutAfter ? ' …' : ''}`;
}

const OPTIONS = { excerptLength: 30, ranking: { diacriticSimilarity: 2 } };
/** How many of the best results are checked for the query in their title. */
const TITLE_WINDOW = 20;

/** A word as Pagefind keys its index and folds a query: lower case, without marks (ḏ is d), as its normalizeDiacritics. */
export function indexKey(word) {
  const bare = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/(?![\u3099\u309A])\p{M}/gu, '');
  return /[\u3099\u309A]/.test(bare) ? bare.normalize('NFC') : bare;
}

/** The most chunks of the word table read for one word: a prefix spanning more (a letter or two) is in every shard. */
const MAX_WORD_CHUNKS = 2;

/**
 * The shards that hold a word beginning with one of `words` (Pagefind matches each word as a prefix), from
 * the word table (src/search/words.ts): `table` lists its chunks by first word, `chunk(file)` loads one as
 * `{ words, shards }`, sorted words and the shard numbers holding each. A shard holding none of the words
 * can't answer the query (at most Pagefind's fallback to shorter prefixes, which the ranking drops), so it
 * needn't be loaded. Every shard when there is no table (one shard) or the browser can't unpack it.
 */
export async function shardsHolding(shards, table, words, chunk) {
  if (!table?.length || typeof DecompressionStream === 'undefined') return shards;
  const holding = new Set();
  for (const word of words) {
    const key = indexKey(word);
    if (!key) return shards;
    // The chunk `key` sorts into, and the next ones while they begin with it.
    let first = 0;
    while (first + 1 < table.length && table[first + 1].from <= key) first++;
    let last = first;
    while (last + 1 < table.length && table[last + 1].from.startsWith(key)) last++;
    if (last - first + 1 > MAX_WORD_CHUNKS) return shards;
    for (let i = first; i <= last; i++) {
      let read;
      try {
        read = await chunk(table[i].file);
      } catch {
        // A chunk that can't be read (a deploy renamed it, the network): every shard, as without a table.
        return shards;
      }
      const { words: keys, shards: held } = read;
      let j = lowerBound(keys, key);
      for (; j < keys.length && keys[j].startsWith(key); j++) for (const shard of held[j]) holding.add(shard);
    }
  }
  return shards.filter((_, i) => holding.has(i));
}

function lowerBound(sorted, key) {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A chunk of the word table: gzipped lines "word<TAB>mask", the mask in base 36, bit i for the i-th shard. */
export async function readWordChunk(response) {
  if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
  const text = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).text();
  const words = [];
  const shards = [];
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    words.push(line.slice(0, tab));
    const held = [];
    for (let mask = Number.parseInt(line.slice(tab + 1), 36), i = 0; mask > 0; mask = Math.floor(mask / 2), i++)
      if (mask % 2) held.push(i);
    shards.push(held);
  }
  return { words, shards };
}

/**
 * Search over the portal's index at `searchUrl` (…/pagefind/), loaded on first use. The index is in
 * shards that each span one stretch of time (src/search/shards.ts), listed newest first in shards.json: the newest is
 * loaded as Pagefind's bundle, and the others a query needs (shardsHolding) are merged into it
 * (mergeIndex), each marked with a `shard` filter. So a first search for a rare word loads the page
 * lists and word chunks of the shards holding it, not of all of them.
 *
 * Pagefind ranks words, not phrases (it can't see adjacency before ranking), and matches every word
 * as a prefix ("thon" finds "thông"). So the results are the articles holding every syllable of the
 * query as a whole word (Pagefind's quoted search of each syllable), in tiers:
 *   1. the phrase with the accents typed (an accented query, Pagefind's exactDiacritics),
 *   2. the phrase, accents aside (Pagefind's quoted phrase),
 *   3. every syllable with the accents typed, scattered (an accented query),
 *   4. every syllable, scattered;
 * each ordered by a score of the whole-word matches. Among the first TITLE_WINDOW, an article whose
 * title holds its tier's match comes first, and for an unaccented query the most common reading of
 * the phrase before the others. Only when no article holds every syllable whole (the reader is
 * still typing the last one) do prefixes count.
 */
export function createSearch(searchUrl) {
  let plan;
  // Asked of the server each time the page loads: a deploy renames the word table's chunks.
  const shardPlan = () =>
    (plan ??= fetch(new URL('shards.json', searchUrl), { cache: 'no-cache' }).then((response) => response.json()));
  const chunks = new Map();
  const chunk = (file) => {
    if (!chunks.has(file)) {
      const loading = fetch(new URL(file, searchUrl)).then(readWordChunk);
      chunks.set(file, loading);
      // Not kept when it fails (a deploy in between, the network): the next query asks again.
      loading.catch(() => chunks.delete(file));
    }
    return chunks.get(file);
  };
  // Every shard's pages: the whole-word score weighs a word by how many pages lack it.
  const pageCount = async () => (await shardPlan()).shards.reduce((sum, shard) => sum + shard.pages, 0);
  /** A Pagefind instance (these options), the newest shard primary; `(shards)` merges those not merged yet, one at a time. */
  const engine = (extra) => {
    const options = { ...OPTIONS, ...extra };
    const merged = new Set();
    let ready;
    const start = async () => {
      const [primary] = (await shardPlan()).shards;
      if (!primary) return undefined;
      const bundle = await import(new URL(`${primary.name}/pagefind.js`, searchUrl).href);
      merged.add(primary.name);
      return bundle.createInstance({ ...options, mergeFilter: { shard: primary.name } });
    };
    return (shards) => {
      const merging = (ready ?? start()).then(async (pagefind) => {
        for (const shard of pagefind ? shards : [])
          if (!merged.has(shard.name)) {
            // A path, not a URL: Pagefind's worker makes result URLs relative to it (its base, up to /pagefind/).
            await pagefind.mergeIndex(new URL(`${shard.name}/`, searchUrl).pathname, {
              ...options,
              mergeFilter: { shard: shard.name },
            });
            merged.add(shard.name);
          }
        return pagefind;
      });
      ready = merging;
      // A shard that failed to load leaves Pagefind's instance broken: the next query starts a new one.
      merging.catch(() => {
        if (ready === merging) {
          ready = undefined;
          merged.clear();
        }
      });
      return merging;
    };
  };
  const loose = engine({});
  const exact = engine({ exactDiacritics: true });
  // Pagefind orders merged results by score, which a sort makes each shard's position in its own list:
  // newest first is therefore each shard's own order, shard after shard (a shard is one stretch of time).
  const newest = async (pagefind, shards, term, filters) => {
    const each = await Promise.all(
      shards.map(async (shard) => {
        const found = await pagefind.search(term, { filters: { ...filters, shard: shard.name }, sort: { date: 'desc' } });
        return found.results;
      }),
    );
    return each.flat();
  };

  return {
    /**
     * @param {string} text what the reader typed (may be empty when filtering only)
     * @param {{ filters?: Record<string, string>, newestFirst?: boolean }} options
     * @returns {Promise<Array<{ id: string, data: () => Promise<object> }>>} results, best first; `data()` has a clean excerpt
     */
    async search(text, { filters = {}, newestFirst = false } = {}) {
      const query = toPagefindQuery(text);
      const words = syllables(query);
      const normalised = Object.fromEntries(Object.entries(filters).map(([key, value]) => [key, value.normalize('NFC')]));
      const { shards: all, words: table } = await shardPlan();
      const shards = words.length ? await shardsHolding(all, table, words, chunk) : all;
      if (!shards.length) return [];
      const pagefind = await loose(shards);
      if (!pagefind) return [];
      const matches = async (engine, term) =>
        new Map((await engine.search(term, { filters: normalised })).results.map((r) => [r.id, r]));
      // Pagefind's own order (prefix matches included), or newest first.
      const term = words.length ? words.join(' ') : null;
      const ranked =
        newestFirst || !words.length
          ? await newest(pagefind, shards, term, normalised)
          : (await pagefind.search(term, { filters: normalised })).results;
      if (!words.length) return ranked.map((result) => readable(result, []));
      if (!ranked.length) return [];

      const whole = await Promise.all(words.map((word) => matches(pagefind, `"${word}"`)));
      const everyWord = new Map([...whole[0]].filter(([id]) => whole.every((map) => map.has(id))));
      if (!everyWord.size) {
        // Still typing the last word: the articles holding the others whole, and a word the last one begins.
        // (Each shard falls back to prefixes on its own, so Pagefind's list alone may hold articles lacking the others.)
        const typed = ranked.filter((result) => whole.slice(0, -1).every((map) => map.has(result.id)));
        if (!typed.length || onlyPrefixFallback(words.at(-1), (await typed[0].data()).excerpt)) return [];
        return typed.map((result) => readable(result, words, true));
      }

      const accented = hasDiacritics(query);
      const phrase = `"${words.join(' ')}"`;
      const exactEngine = accented ? await exact(shards) : undefined;
      const none = new Map();
      const tiers = [
        accented ? await matches(exactEngine, phrase) : none,
        words.length > 1 ? await matches(pagefind, phrase) : none,
        accented ? await matches(exactEngine, words.join(' ')) : none,
        everyWord,
      ];
      const shown = (result) => readable(result, words);
      if (newestFirst) return ranked.filter((result) => everyWord.has(result.id)).map(shown);
      // Pagefind's own scores count prefix matches ("thông" for "thon"): score the whole words instead.
      const pages = await pageCount();
      const weights = whole.map((map) => Math.log(1 + (pages - map.size + 0.5) / (map.size + 0.5)));
      const score = (id) =>
        whole.reduce((sum, map, k) => {
          const count = map.get(id).words.length;
          return sum + (weights[k] * count) / (count + 1.2);
        }, 0);
      const order = new Map(ranked.map((result, i) => [result.id, i]));
      const found = [...everyWord.keys()].map((id) => ({
        result: shown(everyWord.get(id)),
        tier: tiers.findIndex((matched) => matched.has(id)),
        reading: 0,
        inTitle: 1,
        score: score(id),
        i: order.get(id) ?? order.size,
      }));
      found.sort(byRank);
      // Articles are read only in the window; the rest stay behind the window's tier mates.
      const window = found.slice(0, TITLE_WINDOW);
      const spelled = words.map(toReaderText);
      for (const item of found.slice(TITLE_WINDOW)) Object.assign(item, { reading: 1, inTitle: 2 });
      await Promise.all(
        window.map(async (item) => {
          const { meta, content } = await item.result.data();
          const exactly = item.tier === 0 || item.tier === 2;
          const holds = item.tier < 2 ? holdsPhrase : holdsEvery;
          if (holds(meta.title, spelled, exactly)) item.inTitle = 0;
          if (!accented) item.reading = readingOf(content, spelled);
        }),
      );
      // Without accents, "dang uy" could be "Đảng ủy" or "đang ủy": the reading most of these articles use comes first.
      const readings = new Map();
      for (const { reading } of window) if (reading) readings.set(reading, (readings.get(reading) ?? 0) + 1);
      const common = [...readings].sort((a, b) => b[1] - a[1])[0]?.[0];
      for (const item of window) item.reading = !common || item.reading === common ? 0 : 1;
      return found.sort(byRank).map((item) => item.result);
    },
  };
}

const byRank = (a, b) => a.tier - b.tier || a.reading - b.reading || a.inTitle - b.inTitle || b.score - a.score || a.i - b.i;
/** How `text` spells its first run of `words` side by side, accents aside ("đảng ủy" for dang uy), or ''. */
export function readingOf(text, words) {
  const wanted = words.map(fold);
  const have = syllables(oneSpelling(toReaderText(text)));
  const folded = have.map(fold);
  const start = folded.findIndex((_, i) => wanted.every((word, k) => folded[i + k] === word));
  return start < 0
    ? ''
    : have
        .slice(start, start + words.length)
        .join(' ')
        .toLowerCase();
}

/** Does `text` hold every one of `words`, in any order? Exact letters (case aside) or folded. */
function holdsEvery(text, words, exact) {
  const spell = exact ? (word) => word.toLowerCase() : fold;
  const have = new Set(syllables(oneSpelling(toReaderText(text))).map(spell));
  return words.every((word) => have.has(spell(word)));
}

/** A Pagefind result whose data (loaded once) has the real đ/Đ and a clean excerpt. */
function readable(result, words, prefixes = false) {
  let loaded;
  return {
    id: result.id,
    data: () =>
      (loaded ??= result.data().then((data) => ({
        ...data,
        excerpt: words.length ? excerptFor(data.content, words, prefixes, data.meta.title) : toReaderText(data.excerpt),
      }))),
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
