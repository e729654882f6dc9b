import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzipSync } from 'node:zlib';

/**
 * The word table: every word of the search index with the shards holding it,
 * so that the search page merges only the shards that can answer a query
 * (assets/js/vietnamese-search.js). Each shard merged costs a first search its
 * page list and a chunk of its word index; a rare word is in one or two.
 *
 * The words are read back from Pagefind's own index chunks, so they are
 * exactly the keys Pagefind looks up (lower case, accents folded, compound
 * words whole and in parts), never a guess at its tokenizer.
 */

/** One file of the table: its first word and its path under pagefind/, as shards.json lists them. */
export interface WordChunk {
  from: string;
  file: string;
}

/** The table's folder under pagefind/. */
export const WORDS_DIR = 'words';

/** Raw size of a chunk of the table (about 4 KB gzipped: one is what a word costs a first search). */
const CHUNK_BYTES = 24 * 1024;

/** A shard set is a bit mask written in base 36: exact up to 2^53, so up to 52 shards (about 250,000 pages). */
const MAX_SHARDS = 52;

/** Pagefind's compressed files start, once gunzipped, with this tag. */
const PAGEFIND_TAG = 'pagefind_dcd';

const unzip = promisify(gunzip);

/** The words (Pagefind's keys) of a shard's index: `<shard>/index/*.pf_index`. */
export async function shardWords(shardDir: string): Promise<string[]> {
  const folder = path.join(shardDir, 'index');
  const files = (await readdir(folder)).filter((name) => name.endsWith('.pf_index'));
  const words = await Promise.all(
    files.map(async (name) => {
      const file = path.join(folder, name);
      const fail = (why: string): never => {
        throw new Error(`Không đọc được tệp chỉ mục Pagefind ${file} (${why}); Pagefind có thể đã đổi định dạng.`);
      };
      const data = await unzip(await readFile(file)).catch((error: Error) => fail(`không giải nén được: ${error.message}`));
      return chunkWords(data, fail);
    }),
  );
  return words.flat();
}

/**
 * The words of one index chunk. Pagefind writes it as CBOR (RFC 8949): an
 * array whose first item is the array of words, each an array starting with
 * the word. Only those strings are read; the rest (pages, positions) is
 * stepped over.
 */
function chunkWords(data: Buffer, fail: (why: string) => never): string[] {
  if (data.toString('latin1', 0, PAGEFIND_TAG.length) !== PAGEFIND_TAG) fail('thiếu dấu pagefind_dcd');
  let at = PAGEFIND_TAG.length;
  /** The count or length of the next item, which must be an array (4) or a text (3). */
  const expect = (major: number): number => {
    const first = data[at];
    if (first === undefined || first >> 5 !== major) fail(`cần kiểu CBOR ${major} ở byte ${at}`);
    const info = first & 31;
    if (info > 26) fail(`độ dài không đọc được ở byte ${at}`);
    const size = info < 24 ? 0 : 2 ** (info - 24);
    at += 1 + size;
    if (at > data.length) fail('hết tệp giữa chừng');
    return size ? data.readUIntBE(at - size, size) : info;
  };
  expect(4);
  const count = expect(4);
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    const fields = expect(4);
    const length = expect(3);
    words.push(data.toString('utf8', at, at + length));
    at = skipItems(data, at + length, fields - 1);
    // Past the end, or NaN: a byte read past the end is undefined.
    if (!(at <= data.length)) fail('hết tệp giữa chừng');
  }
  return words;
}

/**
 * Steps over `count` CBOR items from `at`, whatever they hold, and returns
 * where they end. Tens of millions of them at 20,000 articles (every word
 * position), hence one flat loop without allocation (about 12 ns an item).
 */
function skipItems(data: Uint8Array, from: number, count: number): number {
  let at = from;
  let pending = count;
  while (pending > 0) {
    pending -= 1;
    const first = data[at];
    let argument = first & 31;
    at += 1;
    if (argument === 24) {
      argument = data[at];
      at += 1;
    } else if (argument === 25) {
      argument = (data[at] << 8) | data[at + 1];
      at += 2;
    } else if (argument === 26) {
      argument = data[at] * 2 ** 24 + ((data[at + 1] << 16) | (data[at + 2] << 8) | data[at + 3]);
      at += 4;
    } else if (argument === 27) {
      // A 64-bit number: no length or count that large.
      at += 8;
      argument = 0;
    } else if (argument > 27) return Number.POSITIVE_INFINITY;
    const major = first >> 5;
    if (major === 2 || major === 3) at += argument;
    else if (major === 4) pending += argument;
    else if (major === 5) pending += 2 * argument;
    else if (major === 6) pending += 1;
  }
  return at;
}

/**
 * Each shard's words as the table in `bundleDir` lists them, by shard name,
 * `shards` and `words` being what its shards.json says. A kept shard is the
 * folder the table was written from, so these are its words, read in
 * milliseconds where its index takes a tenth of a second. Rejects when a
 * chunk can't be read or is not a table's.
 */
export async function tableWords(bundleDir: string, shards: string[], words: WordChunk[]): Promise<Map<string, string[]>> {
  const byShard = new Map(shards.map((name) => [name, [] as string[]]));
  const lists = [...byShard.values()];
  for (const chunk of words) {
    const text = (await unzip(await readFile(path.join(bundleDir, chunk.file)))).toString('utf8');
    for (const line of text.split('\n')) {
      if (!line) continue;
      const tab = line.indexOf('\t');
      const mask = Number.parseInt(line.slice(tab + 1), 36);
      if (tab < 1 || !Number.isSafeInteger(mask)) throw new Error(`dòng "${line}" của ${chunk.file} không đúng dạng`);
      const word = line.slice(0, tab);
      for (let i = 0, rest = mask; rest > 0; i++, rest = Math.floor(rest / 2)) if (rest % 2 === 1) lists[i]?.push(word);
    }
  }
  return byShard;
}

/** Whether an index of `shards` shards has a word table: more than one (else there is nothing to choose), as many as a mask holds. */
export const hasWordTable = (shards: number) => shards > 1 && shards <= MAX_SHARDS;

/**
 * Writes the word table of `words` (each shard's words, in shards.json's
 * order) into `<bundleDir>/words/`, in chunks named by their content's hash,
 * and returns the list shards.json gives the search page. None for a single
 * shard (there is nothing to choose) or more shards than a mask holds (the
 * page then merges them all).
 */
export function writeWordTable(bundleDir: string, words: string[][]): WordChunk[] {
  if (!hasWordTable(words.length)) {
    rmSync(path.join(bundleDir, WORDS_DIR), { recursive: true, force: true });
    return [];
  }
  const shardsOf = new Map<string, number>();
  for (const [i, shard] of words.entries())
    for (const word of shard) {
      const mask = shardsOf.get(word) ?? 0;
      // Set bit i (arithmetic: bitwise operators stop at 32 bits).
      if (Math.floor(mask / 2 ** i) % 2 === 0) shardsOf.set(word, mask + 2 ** i);
    }
  const folder = path.join(bundleDir, WORDS_DIR);
  mkdirSync(folder, { recursive: true });
  const chunks: WordChunk[] = [];
  let lines: string[] = [];
  let size = 0;
  const flush = () => {
    const gzipped = gzipSync(`${lines.join('\n')}\n`, { level: 9 });
    const file = `${WORDS_DIR}/${createHash('sha256').update(gzipped).digest('hex').slice(0, 12)}.pf_words`;
    // A chunk the last build wrote is the same file (npm start keeps the folder); written whole or not at all.
    const target = path.join(bundleDir, file);
    if (!existsSync(target)) {
      writeFileSync(`${target}.tmp`, gzipped);
      renameSync(`${target}.tmp`, target);
    }
    chunks.push({ from: lines[0].slice(0, lines[0].indexOf('\t')), file });
    lines = [];
    size = 0;
  };
  // Sorted by UTF-16 code units, as the search page compares them.
  for (const word of [...shardsOf.keys()].sort()) {
    const line = `${word}\t${shardsOf.get(word)!.toString(36)}`;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
    if (size >= CHUNK_BYTES) flush();
  }
  if (lines.length) flush();
  const listed = new Set(chunks.map((chunk) => path.basename(chunk.file)));
  for (const name of readdirSync(folder)) if (!listed.has(name)) rmSync(path.join(folder, name));
  return chunks;
}
