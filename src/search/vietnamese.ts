/**
 * What Pagefind is given to index, so that Vietnamese readers find what they type.
 *
 * Pagefind 1.6 folds tone marks ("nông" is found by "nong") but treats đ as a
 * letter of its own, so "dang" never finds "Đảng". ḏ (U+1E0F, "d with line
 * below") is a d plus a combining mark, which Pagefind does fold: indexing
 * "ḏảng" makes the page findable by "dang", while the stored word stays
 * distinct from "đang" and "dạng" for exact-accent ranking and can be turned
 * back into đ for display. assets/js/vietnamese-search.js applies the same
 * swap to queries and undoes it in everything shown to readers.
 */

/** Stand-ins for đ and Đ in the indexer's copy of a page. */
export const INDEXED_D = { lower: '\u1E0F', upper: '\u1E0E' } as const;

/** đ → ḏ, Đ → Ḏ (text must already be NFC). */
export function swapDForIndex(text: string): string {
  return text.replace(/đ/g, INDEXED_D.lower).replace(/Đ/g, INDEXED_D.upper);
}

// A tone mark on the second vowel of an open oa, oe or uy ("hoá", "khoẻ", "thuỷ"; not after q, as in "quý"). Text is NFC.
const TONE_ON_GLIDE = /(?<![qQ])(?:[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?![\p{L}\p{M}])/gu;
// "qui", "quí", "quít": the same syllables as "quy", "quý", "quýt".
const QU_I = /(?<![\p{L}\p{M}])[qQ][uU][iIíìỉĩịÍÌỈĨỊ][tT]?(?![\p{L}\p{M}])/gu;

/**
 * One spelling for the syllables Vietnamese writes two ways: the tone mark on
 * the first vowel of an open oa/oe/uy ("hóa", "khỏe", "thủy", as the portal's
 * own strings write them, rather than "hoá", "khoẻ", "thuỷ"), and "quy" for
 * "qui". Indexer and queries both use it, so either spelling finds the other,
 * accents and all. Returns NFC.
 */
export function oneSpelling(text: string): string {
  return text.normalize('NFC').replace(TONE_ON_GLIDE, toneOnFirstVowel).replace(QU_I, quyForQui);
}

function toneOnFirstVowel(glide: string): string {
  const [vowel, second, tone] = glide.normalize('NFD');
  return `${vowel}${tone}${second}`.normalize('NFC');
}

function quyForQui(syllable: string): string {
  return syllable.normalize('NFD').replace(/i/, 'y').replace(/I/, 'Y').normalize('NFC');
}

// đ and Đ written as character references would slip past the text-node pass.
const D_REFERENCES = /&(?:#273|#x111|dstrok|#272|#x110|Dstrok);/gi;
function decodeD(reference: string): string {
  const name = reference.slice(1, -1);
  if (name === 'dstrok') return 'đ';
  if (name === 'Dstrok') return 'Đ';
  return /^#(?:273|x111)$/i.test(name) ? 'đ' : 'Đ';
}

// A comment, a raw-text element (script, style, textarea) or a tag (quoted attributes may hold ">"), kept as it is;
// else, in text, what oneSpelling and swapDForIndex change: all in one pass over the page. The `i` the tags need
// changes nothing for the rest, whose classes hold both cases; đ and Đ share a group for that reason.
const INDEXER_TOKENS = new RegExp(
  [
    /<!--[\s\S]*?-->|<(script|style|textarea)\b[\s\S]*?<\/\1\s*>|<[a-zA-Z/!?](?:"[^"]*"|'[^']*'|[^'">])*>/.source,
    `(${TONE_ON_GLIDE.source})`,
    `(${QU_I.source})`,
    '([đĐ])',
  ].join('|'),
  'giu',
);

/**
 * The indexer's copy of a built page: NFC everywhere (so decomposed input
 * matches precomposed), and in text nodes only one spelling of each syllable
 * and đ/Đ swapped for ḏ/Ḏ.
 * Attributes, which carry filter values and URLs, keep the real letters.
 */
export function toIndexerHtml(html: string): string {
  const decoded = html.normalize('NFC').replace(D_REFERENCES, decodeD);
  return decoded.replace(INDEXER_TOKENS, (token: string, _rawElement?: string, glide?: string, qui?: string, d?: string) => {
    if (glide) return toneOnFirstVowel(glide);
    if (qui) return quyForQui(qui);
    if (d) return d === 'đ' ? INDEXED_D.lower : INDEXED_D.upper;
    return token;
  });
}
