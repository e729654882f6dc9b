import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../problems/index.ts';
import type { LineTable } from '../site/index.ts';

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

interface StoredReadings {
  format: 1;
  /** The code that read them: another version reads everything again. */
  version: string;
  readings: Record<string, FrontMatterReading>;
}

/**
 * Front matters already parsed and validated, by file, kind and text: parsing
 * the YAML and validating it is half of reading 20,000 articles, and an edit
 * changes one. `npm start` keeps one between rebuilds; `npm run build` keeps
 * it on disk next to the page fingerprints (src/publish), holding only what
 * the last build read.
 */
export class FrontMatterCache {
  private readonly used = new Map<string, FrontMatterReading>();

  constructor(private readonly known = new Map<string, FrontMatterReading>()) {}

  /** The cache saved in `file` by the same `version` of the code; empty when there is none (or it can't be read). */
  static load(file: string, version: string): FrontMatterCache {
    if (!existsSync(file)) return new FrontMatterCache();
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredReadings;
      if (stored.format !== 1 || stored.version !== version) return new FrontMatterCache();
      return new FrontMatterCache(new Map(Object.entries(stored.readings)));
    } catch {
      return new FrontMatterCache();
    }
  }

  /** Saves what was read since this cache was made (whole or not at all). */
  save(file: string, version: string): void {
    mkdirSync(path.dirname(file), { recursive: true });
    const stored: StoredReadings = { format: 1, version, readings: Object.fromEntries(this.used) };
    writeFileSync(`${file}.tmp`, JSON.stringify(stored));
    renameSync(`${file}.tmp`, file);
  }

  /** The reading of this front matter: the one kept, or `read()`'s. */
  reading(kind: string, file: string, text: string, read: () => FrontMatterReading): FrontMatterReading {
    const key = createHash('sha256').update(`${kind}\0${file}\0${text}`).digest('base64url');
    const reading = this.known.get(key) ?? this.used.get(key) ?? read();
    this.used.set(key, reading);
    return reading;
  }
}
