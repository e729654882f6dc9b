import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PageFingerprints, ShardFingerprints } from './plan.ts';

/**
 * The page fingerprints of the build published in an output folder, kept in
 * the cache rather than in the output (the output is published as it is).
 * They are tied to that build by the digest of its manifest, so fingerprints
 * that outlived their output (a build killed after its swap, an output copied
 * from elsewhere) are never trusted: the next build is then a full one.
 */
interface StoredPages extends StoredFingerprints {
  format: 1;
  /** sha256 of the output's manifest file when these were saved. */
  manifest: string;
}

/** What a build keeps for the next: its pages' fingerprints and its search shards' (none saved by older builds). */
export interface StoredFingerprints {
  fingerprints: PageFingerprints;
  shards?: ShardFingerprints;
}

const fileDigest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const storeFile = (cacheDir: string, outputDir: string) =>
  path.join(cacheDir, `${createHash('sha256').update(path.resolve(outputDir)).digest('hex').slice(0, 16)}.json`);

/** The fingerprints of the build in `outputDir`, if they were saved for exactly that build (its `manifestFile`). */
export function readPageFingerprints(cacheDir: string, outputDir: string, manifestFile: string): StoredFingerprints | undefined {
  const file = storeFile(cacheDir, outputDir);
  if (!existsSync(file) || !existsSync(manifestFile)) return undefined;
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredPages;
    return stored.format === 1 && stored.manifest === fileDigest(manifestFile)
      ? { fingerprints: stored.fingerprints, shards: stored.shards }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Saves the fingerprints of the build now in `outputDir`, whose manifest is `manifestFile`. */
export function savePageFingerprints(
  cacheDir: string,
  outputDir: string,
  manifestFile: string,
  { fingerprints, shards }: StoredFingerprints,
): void {
  mkdirSync(cacheDir, { recursive: true });
  const file = storeFile(cacheDir, outputDir);
  const stored: StoredPages = { format: 1, manifest: fileDigest(manifestFile), fingerprints, shards };
  writeFileSync(`${file}.tmp`, JSON.stringify(stored));
  renameSync(`${file}.tmp`, file);
}
