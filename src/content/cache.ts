import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
  format: 2;
  /** The code that read them: another version reads everything again. */
  version: string;
  readings: Map<string, unknown>;
}

/**
 * What reading the editors' files gave, by kind, scope and text: whole files
 * by their bytes' sha256 (decoded, front matter parsed and validated, scoped
 * by file: its problems name it; src/content/read.ts) and Markdown bodies'
 * facts by their text's (src/content/body.ts). Decoding and parsing them is
 * most of reading 20,000 articles, and an edit changes one.
 * `npm start` keeps one between rebuilds; `npm run build` keeps it on disk
 * next to the page fingerprints (src/publish), holding only what the last
 * build read.
 */
export class ReadingCache {
  private readonly used = new Map<string, unknown>();
  /** Readings worked out rather than found. */
  private made = 0;

  constructor(private readonly known = new Map<string, unknown>()) {}

  /** The cache saved in `file` by the same `version` of the code; empty when there is none (or it can't be read). */
  static load(file: string, version: string): ReadingCache {
    if (!existsSync(file)) return new ReadingCache();
    try {
      const stored = deserialize(readFileSync(file)) as StoredReadings;
      if (stored.format !== 2 || stored.version !== version || !(stored.readings instanceof Map)) return new ReadingCache();
      return new ReadingCache(stored.readings);
    } catch {
      return new ReadingCache();
    }
  }

  /** Nothing read before: every file is to be read (a full build, or new code). */
  get isEmpty(): boolean {
    return this.known.size === 0;
  }

  /** Saves what was read since this cache was made (whole or not at all); nothing when that is what it was loaded with. */
  save(file: string, version: string): void {
    // A build with no edit (the scheduled ones) would write the same 20 MB again.
    if (this.made === 0 && this.used.size === this.known.size && existsSync(file)) return;
    mkdirSync(path.dirname(file), { recursive: true });
    const stored: StoredReadings = { format: 2, version, readings: this.used };
    writeFileSync(`${file}.tmp`, serialize(stored));
    renameSync(`${file}.tmp`, file);
  }

  /** The reading of this text: the one kept, or `read()`'s. Readings are shared: never change one. */
  reading<T>(kind: string, scope: string, text: string, read: () => T): T {
    const key = createHash('sha256').update(`${kind}\0${scope}\0${text}`).digest('base64url');
    let reading = this.known.get(key) ?? this.used.get(key);
    if (reading === undefined) {
      reading = read();
      this.made++;
    }
    this.used.set(key, reading);
    return reading as T;
  }
}
