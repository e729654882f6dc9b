// The word table (src/search/words.ts): which shards hold which words, read back from Pagefind's own index,
// and the search page's half of it (shardsHolding, readWordChunk in assets/js/vietnamese-search.js).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseVietnamDate } from '../../src/dates/index.ts';
import { loadSite, searchablePages, type SearchablePage } from '../../src/pages/index.ts';
import {
  indexShards,
  searchDocument,
  searchShards,
  shardWords,
  tableWords,
  writeWordTable,
  type SearchShard,
  type ShardPlan,
} from '../../src/search/index.ts';
import { BUILD_NOW, ROOT } from '../support/build.ts';

interface WordChunkRead {
  words: string[];
  shards: number[][];
}
const browser = (await import(pathToFileURL(path.join(ROOT, 'assets/js/vietnamese-search.js')).href)) as {
  indexKey(word: string): string;
  readWordChunk(response: Response): Promise<WordChunkRead>;
  shardsHolding<T>(
    shards: T[],
    table: ShardPlan['words'],
    words: string[],
    chunk: (file: string) => Promise<WordChunkRead>,
  ): Promise<T[]>;
};

let site: string;
let shards: SearchShard[];
let plan: ShardPlan;
const bundle = () => path.join(site, 'pagefind');
const chunk = (file: string) => browser.readWordChunk(new Response(readFileSync(path.join(bundle(), file))));

/**
 * A page's words as Pagefind keys them whole: each run of text between spaces and tags, its letters and digits
 * only, folded ("1946–1954" is one word, 19461954). An oracle independent of Pagefind's index.
 */
const textWords = (page: SearchablePage) =>
  searchDocument(page)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .split(/\s+/)
    .map((token) => browser.indexKey(token.replace(/[^\p{L}\p{N}]/gu, '')))
    .filter(Boolean);

/** A folder of this file's own in the system's temporary one, removed when the file's tests end. */
const scratchDirs: string[] = [];
function scratch(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `${name}-`));
  scratchDirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

before(async () => {
  const { portal } = await loadSite({ contentDir: 'content', now: parseVietnamDate(BUILD_NOW)! });
  // The sample portal in shards of at most 10 pages: several shards, words shared and words of one shard.
  shards = searchShards(searchablePages(portal), 10);
  site = scratch('portal-words');
  await indexShards(site, shards);
  plan = JSON.parse(readFileSync(path.join(bundle(), 'shards.json'), 'utf8')) as ShardPlan;
});

describe('the word table', () => {
  test('lists, for each word of the index, exactly the shards whose Pagefind index holds it', async () => {
    assert.ok(shards.length >= 3, `${shards.length} shards`);
    assert.ok(plan.words.length >= 1);
    const table = new Map<string, number[]>();
    for (const { file } of plan.words) {
      const { words, shards: held } = await chunk(file);
      for (const [i, word] of words.entries()) table.set(word, held[i]);
    }
    const expected = new Map<string, number[]>();
    for (const [i, shard] of shards.entries())
      for (const word of await shardWords(path.join(bundle(), shard.name)))
        expected.set(word, [...(expected.get(word) ?? []), i]);
    assert.deepEqual(table, expected);
    // The chunks are in order and each starts with the word shards.json says.
    const sorted = [...table.keys()];
    assert.deepEqual(sorted, [...sorted].sort());
    for (const { from, file } of plan.words) assert.equal((await chunk(file)).words[0], from);
  });

  test("holds every word a page shows, under the page's shard, and no word in a shard that lacks it", async () => {
    const table = new Map<string, Set<number>>();
    for (const [i, shard] of shards.entries())
      for (const word of await shardWords(path.join(bundle(), shard.name)))
        table.set(word, (table.get(word) ?? new Set()).add(i));
    for (const [i, shard] of shards.entries()) {
      const shown = new Set(shard.pages.flatMap(textWords));
      for (const word of shown) assert.ok(table.get(word)?.has(i), `«${word}» of ${shard.name}`);
      // Whatever Pagefind keyed (parts of compound words, dates of the meta, "1946–1954" dash and all) is in the shard's text.
      const text = shard.pages.map((page) => browser.indexKey(searchDocument(page)).replace(/[^\p{L}\p{N}]/gu, '')).join(' ');
      for (const [word, held] of table)
        if (held.has(i)) assert.ok(text.includes(word.replace(/[^\p{L}\p{N}]/gu, '')), `«${word}» is not in ${shard.name}`);
    }
  });

  test('the search page loads only the shards holding a word the query begins', async () => {
    const holding = (query: string[]) =>
      browser.shardsHolding(shards, plan.words, query, chunk).then((found) => found.map((shard) => shard.name));
    const shardsWith = (word: string) =>
      shards.filter((shard) => shard.pages.some((page) => textWords(page).some((w) => w.startsWith(word)))).map((s) => s.name);
    // A word of one shard's text only, typed without accents, and whole or begun.
    const all = shards.map((shard) => new Set(shard.pages.flatMap(textWords)));
    const rare = [...all[1]].filter(
      (word) => word.length > 6 && all.every((words, i) => i === 1 || ![...words].some((w) => w.startsWith(word.slice(0, 5)))),
    )[0];
    assert.ok(rare, 'a word of one shard only');
    assert.deepEqual(await holding([rare.toUpperCase()]), [shards[1].name]);
    assert.deepEqual(await holding([rare.slice(0, 5)]), [shards[1].name]);
    // Accents and đ as the query side writes them (ḏ) fold as Pagefind folds them.
    assert.deepEqual(await holding(['ḎỒNG']), shardsWith('dong'));
    assert.deepEqual(await holding(['bitcoin']), []);
    // A query's shards are those holding any of its words.
    assert.deepEqual(await holding([rare, 'bitcoin']), [shards[1].name]);
    // A letter or two spans the table: every shard, without reading it all.
    assert.deepEqual(
      await holding(['t']),
      shards.map((shard) => shard.name),
    );
  });

  test('re-indexing one shard reads the kept ones where they are meanwhile (an incremental build links them in late)', async () => {
    const sameTable = (next: string) => {
      const again = JSON.parse(readFileSync(path.join(next, 'pagefind/shards.json'), 'utf8')) as ShardPlan;
      assert.deepEqual(again.words, plan.words);
      for (const { file } of again.words)
        assert.ok(readFileSync(path.join(next, 'pagefind', file)).equals(readFileSync(path.join(bundle(), file))));
    };
    // From the word table written with them.
    const next = scratch('portal-words-next');
    await indexShards(next, shards, new Set([shards[0].name]), bundle());
    sameTable(next);
    // Without a table there (or one that can't be read), from each kept shard's own index: the same words.
    const untabled = scratch('portal-words-untabled');
    cpSync(bundle(), untabled, { recursive: true });
    writeFileSync(path.join(untabled, plan.words[0].file), 'not gzip');
    const fromIndex = scratch('portal-words-from-index');
    await indexShards(fromIndex, shards, new Set([shards[0].name]), untabled);
    sameTable(fromIndex);
    rmSync(path.join(untabled, 'shards.json'));
    await indexShards(fromIndex, shards, new Set([shards[0].name]), untabled);
    sameTable(fromIndex);
  });

  test('a previous index of one shard has no table: the kept shard is read from its index', async () => {
    // The oldest shard alone (no table, shards.json lists it), then two: the newest indexed, the oldest kept.
    const [newest, oldest] = [shards[0], shards.at(-1)!];
    const alone = scratch('portal-words-alone');
    await indexShards(alone, [oldest]);
    assert.deepEqual((JSON.parse(readFileSync(path.join(alone, 'pagefind/shards.json'), 'utf8')) as ShardPlan).words, []);
    const two = scratch('portal-words-two');
    await indexShards(two, [newest, oldest], new Set([newest.name]), path.join(alone, 'pagefind'));
    const fresh = scratch('portal-words-fresh');
    await indexShards(fresh, [newest, oldest]);
    const plans = [two, fresh].map(
      (site) => JSON.parse(readFileSync(path.join(site, 'pagefind/shards.json'), 'utf8')) as ShardPlan,
    );
    assert.ok(plans[1].words.length > 0);
    assert.deepEqual(plans[0].words, plans[1].words);
  });

  test('the table gives back each shard its words', async () => {
    const byShard = await tableWords(
      bundle(),
      plan.shards.map((shard) => shard.name),
      plan.words,
    );
    for (const shard of plan.shards)
      assert.deepEqual(byShard.get(shard.name), [...new Set(await shardWords(path.join(bundle(), shard.name)))].sort());
  });

  test('a word begun across chunks reads the chunks it may be in; past two, or a chunk that fails, every shard', async () => {
    // A made-up table of four chunks over three shards.
    const chunks: Record<string, WordChunkRead> = {
      a: { words: ['an', 'bac', 'ban'], shards: [[0], [1], [2]] },
      b: { words: ['bang', 'banh', 'cao'], shards: [[0], [2], [1]] },
      c: { words: ['dan', 'dang'], shards: [[2], [1]] },
      d: { words: ['danh', 'dao', 'xa'], shards: [[0], [1], [2]] },
    };
    const table = Object.entries(chunks).map(([file, { words }]) => ({ from: words[0], file }));
    const read: string[] = [];
    const holding = (words: string[], load = async (file: string) => chunks[file]) =>
      browser.shardsHolding(['s0', 's1', 's2'], table, words, (file) => {
        read.push(file);
        return load(file);
      });
    assert.deepEqual(await holding(['ban']), ['s0', 's2'], '"ban", "bang", "banh" over two chunks');
    assert.deepEqual(await holding(['banh']), ['s2']);
    assert.deepEqual(await holding(['dan']), ['s0', 's1', 's2']);
    assert.deepEqual(await holding(['x']), ['s2'], 'in the last chunk');
    assert.deepEqual(await holding(['aa']), [], 'before the first word');
    read.length = 0;
    assert.deepEqual(await holding(['d']), ['s0', 's1', 's2'], 'three chunks: every shard');
    assert.deepEqual(read, [], 'without reading them');
    const failing = async () => {
      throw new Error('404');
    };
    assert.deepEqual(await holding(['banh'], failing), ['s0', 's1', 's2'], 'a chunk that fails: every shard');
  });

  test('without a table (one shard) every shard is searched', async () => {
    assert.deepEqual(await browser.shardsHolding(['only'], [], ['bitcoin'], chunk), ['only']);
  });
});

describe('writing the table', () => {
  test('a chunk whose bytes do not change stays the same file, and chunks no longer listed are removed', () => {
    const dir = scratch('portal-word-table');
    const words = [
      ['bac', 'kan'],
      ['kan', 'ngoi'],
    ];
    const [first] = writeWordTable(dir, words);
    const inode = statSync(path.join(dir, first.file)).ino;
    assert.equal(writeWordTable(dir, words)[0].file, first.file);
    assert.equal(statSync(path.join(dir, first.file)).ino, inode, 'written again');
    const [changed] = writeWordTable(dir, [
      ['bac', 'kan'],
      ['kan', 'pac'],
    ]);
    assert.notEqual(changed.file, first.file);
    assert.deepEqual(readdirSync(path.join(dir, 'words')), [path.basename(changed.file)]);
    assert.deepEqual(writeWordTable(dir, [['bac']]), []);
    assert.deepEqual(readdirSync(dir), [], 'one shard: no table');
  });

  test('an index chunk Pagefind did not write as expected fails the build with its name', async () => {
    const shardDir = scratch('portal-word-shard');
    const folder = path.join(shardDir, 'index');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'vi_0000000.pf_index'), gzipSync(Buffer.from('pagefind_dcd\x81\x81\x83\x63abc', 'latin1')));
    const named = (why: string) => new RegExp(`Không đọc được tệp chỉ mục Pagefind ${folder}/vi_0000000\\.pf_index \\(${why}`);
    await assert.rejects(shardWords(shardDir), named('hết tệp giữa chừng\\)'));
    writeFileSync(path.join(folder, 'vi_0000000.pf_index'), gzipSync(Buffer.from('something else')));
    await assert.rejects(shardWords(shardDir), named('thiếu dấu pagefind_dcd\\)'));
    writeFileSync(path.join(folder, 'vi_0000000.pf_index'), 'not gzip');
    await assert.rejects(shardWords(shardDir), named('không giải nén được'));
    // In a build (kept shards without a word table): the index fails with it, in Vietnamese, as Pagefind's own failures do.
    const kept = scratch('portal-words-kept');
    for (const shard of shards.slice(1)) cpSync(shardDir, path.join(kept, shard.name), { recursive: true });
    const next = scratch('portal-words-broken');
    await assert.rejects(
      indexShards(next, shards, new Set([shards[0].name]), kept),
      /^SearchIndexError: Không lập được chỉ mục tìm kiếm \(Pagefind\):\n {2}- Không đọc được tệp chỉ mục Pagefind .*không giải nén được/,
    );
  });
});
