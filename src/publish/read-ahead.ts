import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { recordedRoots, sourceRoots } from './manifest.ts';
import type { SourceReading } from './sources.js';

/** The sources as `npm run build` read them on a worker thread (readSourcesAhead). */
export interface SourcesAhead {
  /** The roots read, as the manifest records them. */
  roots: string[];
  /** Every file's hash and the Markdown's text; undefined when the worker failed (the build reads them itself). */
  reading: Promise<SourceReading | undefined>;
}

/**
 * Threads reading side by side: the main thread mostly waits on tsx's loader while the code loads, so
 * two share both cores (one alone finished 1.4 s after the code had loaded, at 20,000 articles).
 */
const READERS = 2;

/** The sources a build of `contentDir` records in its manifest, as it records them. */
export function buildRoots(contentDir: string): string[] {
  return recordedRoots(sourceRoots(contentDir), process.cwd());
}

/**
 * Starts reading a build's sources on a worker thread, from the build's first
 * moment, while the main thread loads its code (about 2 s, Eleventy alone
 * 0.8 s): every file hashed for the manifest and the Markdown under
 * `contentDir` decoded from the same bytes, so the digest is of exactly the
 * text the pages are made from. This module imports nothing heavy, so that
 * it can start before the rest is loaded.
 */
export function readSourcesAhead(contentDir: string): SourcesAhead {
  const roots = buildRoots(contentDir);
  const parts = Array.from({ length: READERS }, (_, part) => {
    const worker = new Worker(new URL('./sources-worker.js', import.meta.url), {
      workerData: { roots, projectDir: process.cwd(), markdownDirs: [path.resolve(contentDir)], share: { part, parts: READERS } },
    });
    return new Promise<SourceReading | undefined>((resolve) => {
      worker.once('message', resolve);
      // A file it can't read: the build's own reading reports it, with the file's name.
      worker.once('error', () => resolve(undefined));
      worker.once('exit', () => resolve(undefined));
    });
  });
  const reading = Promise.all(parts).then((read) =>
    read.every((part) => part !== undefined)
      ? {
          hashes: Object.assign({}, ...read.map((part) => part.hashes)),
          markdown: Object.assign({}, ...read.map((part) => part.markdown)),
        }
      : undefined,
  );
  return { roots, reading };
}
