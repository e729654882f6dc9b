import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Problem } from '../problems/index.ts';
import type { LineTable } from '../site/index.ts';
import type { BodyReference } from '../markdown/index.ts';

/** What reading one file's front matter gave: always the same for the same file name, kind, text and code. */
export interface FrontMatterReading {
  /** The validated front matter (without the faulty fields when `hasErrors`), or null when the file can't be used. */
  frontMatter: unknown;
  hasErrors: boolean;
  /** The problems found, with their lines. */
  problems: Problem[];
  /** The line of each field, for the problems found later. */
  lines: LineTable;
}

/** What reading a whole file gives, kept under the file's bytes: its front matter's reading and its body's shape. */
export interface FileReading extends FrontMatterReading {
  bodyLine: number;
  bodyDigest: string;
  bodyBlank: boolean;
}

/** What the checks and the lists read of a body, without rendering it. */
export interface BodyFacts {
  /** Its links and images, lines counted from the body's first line. */
  references: BodyReference[];
  /** Its first paragraph as plain text, cut (firstParagraph): an article's summary when it has none. */
  firstParagraph: string;
  /** Alt text of its first image: the share image's, when there is no lead photo. */
  firstImageAlt?: string;
}

/** V8's serialization, not JSON: at 20,000 articles 0.1 s to save and 0.25 s to load, against 0.45 and 0.55 s. */
interface StoredReadings {
  format: 3;
  /** The code that read them: another version reads everything again. */
  version: string;
  /** Of a whole save: what names it. Of a delta (beside it): the whole save it adds to. */
  id: string;
  readings: Map<string, unknown>;
}

/** The readings added since the last whole save, beside it. */
const deltaFile = (file: string) => `${file}.delta`;

function loadStored(file: string, version: string): StoredReadings | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const stored = deserialize(readFileSync(file)) as StoredReadings;
    return stored.format === 3 && stored.version === version && stored.readings instanceof Map ? stored : undefined;
  } catch {
    return undefined;
  }
}

function saveStored(file: string, stored: StoredReadings): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, serialize(stored));
  renameSync(`${file}.tmp`, file);
}

/**
 * What reading the editors' files gave, by kind, scope and text: whole files
 * by their bytes' sha256 (decoded, front matter parsed and validated, scoped
 * by file: its problems name it; src/content/read.ts) and Markdown bodies'
 * facts by their text's (src/content/body.ts). Decoding and parsing them is
 * most of reading 20,000 articles, and an edit changes one.
 * `npm start` keeps one between rebuilds; `npm run build` keeps it on disk
 * next to the page fingerprints (src/publish): what the last build read, and
 * since a build that read little new saves only that (a delta beside the
 * whole save), what the builds before it read of the files edited since.
 */
export class ReadingCache {
  private readonly used = new Map<string, unknown>();
  /** Readings worked out rather than found. */
  private made = 0;

  /** `known`: a whole save's readings (`id` names it), and `added` those its delta adds. */
  constructor(
    private readonly known = new Map<string, unknown>(),
    private readonly id?: string,
    private readonly added = new Map<string, unknown>(),
  ) {}

  /** The cache saved in `file` by the same `version` of the code; empty when there is none (or it can't be read). */
  static load(file: string, version: string): ReadingCache {
    const whole = loadStored(file, version);
    if (!whole) return new ReadingCache();
    const delta = loadStored(deltaFile(file), version);
    return new ReadingCache(whole.readings, whole.id, delta?.id === whole.id ? delta.readings : undefined);
  }

  /** Nothing read before: every file is to be read (a full build, or new code). */
  get isEmpty(): boolean {
    return this.known.size === 0;
  }

  /**
   * Saves what was read since this cache was made; nothing when nothing new was read. What the
   * whole save lacks goes to a delta beside it while that and the whole save's readings no longer used stay
   * under a twentieth of the readings this build used: an edit's build then writes a few readings, not 20 MB (0.45 s).
   */
  save(file: string, version: string): void {
    const fresh = new Map([...this.used].filter(([key]) => !this.known.has(key)));
    // Nothing new, and the delta all used still (the readings of a file deleted since may stay: a cache).
    if (this.made === 0 && fresh.size === this.added.size && existsSync(file)) return;
    const unused = this.known.size - (this.used.size - fresh.size);
    if (this.id && existsSync(file) && fresh.size + unused <= this.used.size / 20) {
      saveStored(deltaFile(file), { format: 3, version, id: this.id, readings: fresh });
      return;
    }
    saveStored(file, { format: 3, version, id: randomUUID(), readings: this.used });
    rmSync(deltaFile(file), { force: true });
  }

  /** The reading of this text: the one kept, or `read()`'s. Readings are shared: never change one. */
  reading<T>(kind: string, scope: string, text: string, read: () => T): T {
    const key = createHash('sha256').update(`${kind}\0${scope}\0${text}`).digest('base64url');
    let reading = this.known.get(key) ?? this.added.get(key) ?? this.used.get(key);
    if (reading === undefined) {
      reading = read();
      this.made++;
    }
    this.used.set(key, reading);
    return reading as T;
  }
}
