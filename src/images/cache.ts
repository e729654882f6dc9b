import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { ImageFormat } from './options.ts';

/** One encoded file of a cache entry; `name` is also its published file name. */
export interface CachedFile {
  name: string;
  format: ImageFormat;
  width: number;
  height: number;
}

/** What the cache remembers about a processed photo: `<cacheDir>/<hash>/meta.json`. */
export interface CacheEntry {
  hash: string;
  variants: CachedFile[];
  openGraph: CachedFile;
}

const META = 'meta.json';

/**
 * Processed photos on disk, one folder per content hash. An entry appears
 * only complete (written in a scratch folder, then renamed), so an
 * interrupted build never leaves half an entry behind.
 */
export class ImageCache {
  constructor(readonly dir: string) {}

  entryDir(hash: string): string {
    return path.join(this.dir, hash);
  }

  /** The entry for `hash` if it is complete; marks it as used (for pruning). */
  read(hash: string): CacheEntry | undefined {
    const dir = this.entryDir(hash);
    const meta = path.join(dir, META);
    let entry: CacheEntry;
    try {
      entry = JSON.parse(readFileSync(meta, 'utf8')) as CacheEntry;
    } catch {
      return undefined;
    }
    if (![...entry.variants, entry.openGraph].every((file) => existsSync(path.join(dir, file.name)))) return undefined;
    const now = new Date();
    utimesSync(meta, now, now);
    return entry;
  }

  /** A scratch folder to encode into; pass it to `commit` when every file is written. */
  scratch(hash: string): string {
    const dir = path.join(this.dir, `.tmp-${hash}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  commit(scratch: string, entry: CacheEntry): void {
    writeFileSync(path.join(scratch, META), JSON.stringify(entry));
    const dir = this.entryDir(entry.hash);
    rmSync(dir, { recursive: true, force: true });
    try {
      renameSync(scratch, dir);
    } catch (error) {
      // Another build (npm start next to npm run build) finished the same entry first.
      if (!existsSync(path.join(dir, META))) throw error;
      rmSync(scratch, { recursive: true, force: true });
    }
  }

  discard(scratch: string): void {
    rmSync(scratch, { recursive: true, force: true });
  }

  /** Removes entries no build has used for `maxAgeDays`, and scratch folders of crashed builds. */
  prune(maxAgeDays: number): number {
    if (!existsSync(this.dir)) return 0;
    const cutoff = Date.now() - maxAgeDays * 86_400_000;
    let removed = 0;
    for (const name of readdirSync(this.dir)) {
      const dir = path.join(this.dir, name);
      const stamp = name.startsWith('.tmp-') ? dir : path.join(dir, META);
      const used = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
      const limit = name.startsWith('.tmp-') ? Date.now() - 3_600_000 : cutoff;
      if (used < limit) {
        rmSync(dir, { recursive: true, force: true });
        removed++;
      }
    }
    return removed;
  }
}
