import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { SearchablePage } from '../pages/index.ts';
import { searchDocument } from './document.ts';
import { SHARD_PAGES, searchShards, type SearchShard } from './shards.ts';
import { hasWordTable, shardWords, tableWords, type WordChunk, WORDS_DIR, writeWordTable } from './words.ts';

export interface SearchIndexResult {
  /** The folder of the Pagefind bundles written (pagefind/). */
  bundleDir: string;
  pages: number;
  /** The shards, newest first, as pagefind/shards.json lists them. */
  shards: ShardPlan['shards'];
  /** How many of them Pagefind indexed (an incremental build keeps the others). */
  indexed: number;
}

/**
 * An index under way. `addLane()` says this process has left a core free (Eleventy has rendered): a
 * second Pagefind then indexes the shards not yet begun, beside the first.
 */
export type SearchIndexing = Promise<SearchIndexResult> & { addLane: () => void };

/**
 * pagefind/shards.json: what the search page merges (assets/js/vietnamese-search.js), the first shard
 * primary, and the word table that tells which shards hold a word (src/search/words.ts; empty for one shard).
 */
export interface ShardPlan {
  shards: { name: string; pages: number }[];
  words: WordChunk[];
}

/** The shard list's file in pagefind/. */
export const SHARD_PLAN = 'shards.json';

/** Pagefind's folder inside the built site; assets/js/search.js loads it from there. */
export const BUNDLE_DIR = 'pagefind';

/** A shard's bundle folder, relative to the site (posix). */
export const shardFolder = (name: string) => `${BUNDLE_DIR}/${name}`;

/** The entry file of a shard's bundle, relative to the site: what tells that the shard is there. */
export const shardEntryFile = (name: string) => `${shardFolder(name)}/pagefind-entry.json`;

/** The bundles' files named by their content's hash (URL patterns, any shard), which hosts may cache for good. */
export const PAGEFIND_HASHED_FILES = [
  `/${BUNDLE_DIR}/*.pf_index`,
  `/${BUNDLE_DIR}/*.pf_fragment`,
  `/${BUNDLE_DIR}/*.pf_filter`,
  `/${BUNDLE_DIR}/*.pf_meta`,
  `/${BUNDLE_DIR}/*.pf_words`,
] as const;

/** Pagefind's ready-made search interfaces: the portal has its own (assets/js/search.js), so they are not published. */
const UNUSED_UI = /^pagefind-(?:ui|modular-ui|component-ui)\.(?:js|css)$|^pagefind-highlight\.js$/;

/** Search documents are small and short-lived: in memory (tmpfs) when the machine has it. */
const SCRATCH = process.env.PORTAL_SEARCH_SCRATCH ?? (os.platform() === 'linux' ? '/dev/shm' : os.tmpdir());

export class SearchIndexError extends Error {
  constructor(problems: string[]) {
    super(`Không lập được chỉ mục tìm kiếm (Pagefind):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SearchIndexError';
  }
}

/** The Pagefind binary the `pagefind` package installed (PAGEFIND_BINARY_PATH overrides it, as in the package). */
export function pagefindBinary(): string {
  const fromEnv = process.env.PAGEFIND_EXTENDED_BINARY_PATH ?? process.env.PAGEFIND_BINARY_PATH;
  if (fromEnv) return fromEnv;
  const require = createRequire(import.meta.url);
  const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${os.arch()}`;
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return require.resolve(`@pagefind/${platform}/bin/${name}${process.platform === 'win32' ? '.exe' : ''}`);
    } catch {
      // try the next one
    }
  }
  throw new SearchIndexError([`không có chương trình Pagefind cho ${platform}; hãy chạy lại "npm ci" để cài lại gói pagefind.`]);
}

/**
 * Pagefind's allocator (jemalloc, read from this variable): huge pages where the kernel gives them on request,
 * one arena, and no memory handed back before it exits. Its index of 4,000 pages, touched 4 KB at a time in a
 * virtual machine, cost it nearly half its CPU: one shard of the bench's corpus takes 5.1-8.5 s of CPU with
 * these against 8.8-12.2 s, and 0.65 GB of memory at most against 0.72 GB.
 */
export const PAGEFIND_ALLOCATOR = 'thp:always,metadata_thp:always,narenas:1,dirty_decay_ms:-1,muzzy_decay_ms:-1';

/** A folder's documents are all written when this file is there, beside it (`<folder>.ready`). */
const readyFile = (folder: string) => `${folder}.ready`;

/**
 * One lane of Pagefind's indexer: a shell that takes the folders (`[site, output]` pairs, in `scratch`) in
 * turn, each once its documents are written (readyFile) and only if no other lane claimed it first (an
 * atomic mkdir). The next shard starts as soon as the last one ends, even while Eleventy or the pages
 * keep this process's event loop busy (it would hear of the end only when they are done). The shell and
 * its Pagefind stop when this process is gone or interrupted, and on kill.
 */
function pagefindLane(scratch: string, runs: [site: string, output: string][]): { child: ChildProcess; done: Promise<void> } {
  const loop = [
    'set -e; bin="$1"; scratch="$2"; shift 2; pid=""; copies=""',
    // Stopped, interrupted (Ctrl+C) or left alone: Pagefind stops too, rather than write into a folder being
    // removed, the copies under way end (a fraction of a second), and the documents leave the memory (tmpfs)
    // even when this process can no longer remove them.
    'stop() { kill $pid $watch 2>/dev/null || :; wait; rm -rf "$scratch"; exit 143; }',
    'trap stop INT TERM HUP',
    // Left alone: this process's end of the shell's standard input closes when it is gone, however it ends.
    // A watch blocked on it costs nothing, where polling (a `sleep` a twentieth of a second) cost 4-5 % of the
    // machine's CPU during a full build.
    'exec 3<&0; { read -r _ <&3 || :; kill -TERM $$; } 2>/dev/null & watch=$!',
    `trap 'kill $watch 2>/dev/null || :' EXIT`,
    'while [ $# -gt 0 ]; do',
    '  if mkdir "$1.claimed" 2>/dev/null; then',
    '    while [ ! -e "$1.ready" ]; do sleep 0.02; done',
    '    "$bin" --site "$1" --output-path "$1.out" --force-language vi --silent & pid=$!',
    '    wait "$pid"; pid=""',
    // Pagefind's threads write their thousands of files slowly to a disk (they contend for the folder): it writes
    // them beside the documents, in memory, and a copy puts them in place while the next shard is indexed.
    '    mkdir -p "$2"; { cp -R "$1.out/." "$2/"; rm -rf "$1" "$1.out"; } & copies="$copies $!"',
    '  fi',
    '  shift 2',
    'done',
    'for copy in $copies; do wait "$copy"; done',
  ].join('\n');
  const child = spawn('/bin/sh', ['-c', loop, 'sh', pagefindBinary(), scratch, ...runs.flat()], {
    stdio: ['pipe', 'ignore', 'pipe'],
    env: { _RJEM_MALLOC_CONF: PAGEFIND_ALLOCATOR, ...process.env },
  });
  const done = new Promise<void>((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const notRunning = (reason: string) =>
      new SearchIndexError([`Pagefind không chạy được (${reason}); hãy chạy lại "npm ci" để cài lại gói pagefind.`]);
    child.on('error', (error) => reject(notRunning(error.message)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      // 126, 127: the shell could not run the program.
      else if (code === 126 || code === 127) reject(notRunning(stderr.trim()));
      else reject(new SearchIndexError([`Pagefind dừng với mã ${code}: ${stderr.trim() || 'không có thông báo'}`]));
    });
  });
  return { child, done };
}

/** The memory a second lane needs free: one shard's index (0.7 GB for 4,000 articles' documents, measured). */
const LANE_MEMORY = 1024 ** 3;

/**
 * Pagefind's indexer on `runs`, one lane at first: Pagefind runs on one core while Eleventy renders on the
 * other. `addLane` starts one more (up to the machine's cores, and while the memory has room for another
 * shard's index) once this process leaves its core free, which then takes the shards no lane has begun.
 * `done` settles when every lane has ended, or with the first lane that fails once the others are stopped
 * and gone (nothing of theirs writes on while the caller removes their folders).
 */
function runPagefind(
  scratch: string,
  runs: [site: string, output: string][],
): { done: Promise<void>; stop: () => void; addLane: () => void } {
  const lanes: ReturnType<typeof pagefindLane>[] = [];
  let [running, over] = [0, false];
  const stop = () => {
    for (const lane of lanes) lane.child.kill();
  };
  let settle!: { resolve: () => void; reject: (error: unknown) => void };
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const addLane = () => {
    if (over || lanes.length >= Math.min(runs.length, os.availableParallelism())) return;
    if (lanes.length && os.freemem() < LANE_MEMORY) return;
    const lane = pagefindLane(scratch, runs);
    lanes.push(lane);
    running++;
    lane.done.then(
      () => {
        if (--running === 0 && !over) {
          over = true;
          settle.resolve();
        }
      },
      (error: unknown) => {
        if (over) return;
        over = true;
        stop();
        void Promise.allSettled(lanes.map((other) => other.done)).then(() => settle.reject(error));
      },
    );
  };
  addLane();
  return { done, stop, addLane };
}

/**
 * Indexes the searchable pages into `<siteDir>/pagefind/`, in shards
 * (searchShards) that the search page merges: `pagefind/shards.json` lists
 * them newest first, and each is a whole Pagefind bundle in `pagefind/<name>/`.
 * Each page's search document (searchDocument) goes to a scratch folder, then
 * Pagefind's command-line indexer runs on one shard after another, so only one
 * shard's index is in memory while Eleventy renders (two once a second lane
 * helps, after it). Nothing is read from the rendered site, so
 * this runs while Eleventy renders it. The documents are written before this
 * returns (synchronously: a few milliseconds a hundred articles on tmpfs), so
 * Pagefind is already at work when the caller starts Eleventy.
 */
export function indexPages(siteDir: string, pages: SearchablePage[], maxShardPages = SHARD_PAGES): SearchIndexing {
  return indexShards(siteDir, searchShards(pages, maxShardPages));
}

/**
 * Indexes `shards` into `<siteDir>/pagefind/`; with `only`, only the shards
 * named there (an incremental build whose edits touched them: the others'
 * folders are kept as they are, and those of shards that no longer exist removed;
 * `keptIn` is the pagefind/ folder where the kept shards and the word table
 * written with them can be read meanwhile, when they are linked in later).
 * Pagefind is started first and indexes each shard once its documents are
 * written, so it is at work while the next shard's are made; `addLane` on
 * the result lets a second Pagefind take the shards not yet begun.
 */
export function indexShards(siteDir: string, shards: SearchShard[], only?: ReadonlySet<string>, keptIn?: string): SearchIndexing {
  const scratch = mkdtempSync(path.join(SCRATCH, 'portal-search-'));
  const bundleDir = path.join(siteDir, BUNDLE_DIR);
  const chosen = only ? shards.filter((shard) => only.has(shard.name)) : shards;
  let pagefind: ReturnType<typeof runPagefind> | undefined;
  try {
    if (only) {
      const kept = new Set(shards.filter((shard) => !chosen.includes(shard)).map((shard) => shard.name));
      const present = existsSync(bundleDir) ? readdirSync(bundleDir, { withFileTypes: true }) : [];
      // The word table's folder stays: its chunks are named by their content, and those that don't change stay as they are.
      for (const entry of present)
        if (entry.isDirectory() && !kept.has(entry.name) && entry.name !== WORDS_DIR)
          rmSync(path.join(bundleDir, entry.name), { recursive: true, force: true });
    } else rmSync(bundleDir, { recursive: true, force: true });
    mkdirSync(bundleDir, { recursive: true });
    // One shard after another in each lane: a lane's memory is one shard's index.
    const runs = chosen.map((shard): [string, string] => [path.join(scratch, shard.name), path.join(bundleDir, shard.name)]);
    pagefind = chosen.length ? runPagefind(scratch, runs) : undefined;
    for (const [i, shard] of chosen.entries()) {
      for (const page of shard.pages) {
        const folder = path.join(runs[i][0], page.url);
        mkdirSync(folder, { recursive: true });
        writeFileSync(path.join(folder, 'index.html'), searchDocument(page));
      }
      writeFileSync(readyFile(runs[i][0]), '');
    }
  } catch (error) {
    pagefind?.stop();
    pagefind?.done.catch(() => {});
    try {
      rmSync(scratch, { recursive: true, force: true });
    } catch {
      // The stopped shell removes it too; the error that stopped the index is what counts.
    }
    throw error;
  }
  // The word table: a kept shard's words are read at once, while Pagefind indexes the others.
  const tabled = hasWordTable(shards.length);
  const kept = keptWords(keptIn ?? bundleDir, tabled ? shards.filter((shard) => !chosen.includes(shard)).map((s) => s.name) : []);
  const words = tabled ? shards.map((shard) => kept.get(shard.name) ?? (() => shardWords(path.join(bundleDir, shard.name)))) : [];
  const addLane = pagefind?.addLane ?? (() => {});
  return Object.assign(indexDocuments(scratch, bundleDir, shards, chosen, words, pagefind?.done), { addLane });
}

/**
 * Starts reading the words of the shards `names` kept in `bundleDir`: from the word table written
 * with them, else (none, or one that can't be read) from each one's index. Each promise is awaited,
 * and its failure reported, once the index is done.
 */
function keptWords(bundleDir: string, names: string[]): Map<string, () => Promise<string[]>> {
  if (!names.length) return new Map();
  const table = readFile(path.join(bundleDir, SHARD_PLAN), 'utf8')
    .then((text) => {
      const plan = JSON.parse(text) as ShardPlan;
      // No table (one shard, or more than a mask holds): it says nothing of the shards' words.
      if (!plan.words.length) return undefined;
      return tableWords(
        bundleDir,
        plan.shards.map((shard) => shard.name),
        plan.words,
      );
    })
    .catch(() => undefined);
  return new Map(
    names.map((name) => {
      const reading = table.then((byShard) => {
        // Every shard has words: one the table lists with none was not in it.
        const words = byShard?.get(name);
        return words?.length ? words : shardWords(path.join(bundleDir, name));
      });
      reading.catch(() => {});
      return [name, () => reading];
    }),
  );
}

async function indexDocuments(
  scratch: string,
  bundleDir: string,
  shards: SearchShard[],
  chosen: SearchShard[],
  words: (() => Promise<string[]>)[],
  pagefind: Promise<void> | undefined,
): Promise<SearchIndexResult> {
  try {
    await pagefind;
    for (const shard of chosen) {
      const shardDir = path.join(bundleDir, shard.name);
      const unused = (await readdir(shardDir)).filter((name) => UNUSED_UI.test(name));
      await Promise.all(unused.map((name) => rm(path.join(shardDir, name))));
    }
    const plan: ShardPlan = {
      shards: shards.map((shard) => ({ name: shard.name, pages: shard.pages.length })),
      words: writeWordTable(
        bundleDir,
        await Promise.all(words.map((read) => read())).catch((error: Error) => {
          throw new SearchIndexError([error.message]);
        }),
      ),
    };
    await writeFile(path.join(bundleDir, SHARD_PLAN), `${JSON.stringify(plan)}\n`);
    return {
      bundleDir,
      pages: shards.reduce((sum, shard) => sum + shard.pages.length, 0),
      shards: plan.shards,
      indexed: chosen.length,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
