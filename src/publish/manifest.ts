import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceFiles } from '../content/index.ts';
import { listFiles } from '../incremental/index.ts';

/**
 * The build manifest, written into the output as the build's last step: its
 * presence means every stage succeeded, its file list lets a deploy prove the
 * output is complete and untouched, and its source hashes let a deploy prove
 * the output was built from the sources that are there now.
 */
export const MANIFEST_FILE = '.portal-build.json';

/** What goes into the output: the editors' content and the code that turns it into pages. */
export function sourceRoots(contentDir: string): string[] {
  return [contentDir, 'layouts', 'assets', 'src', '.eleventy.ts', 'package.json', 'package-lock.json'];
}

export interface OutputFile {
  size: number;
  sha256: string;
}

export interface BuildManifest {
  format: 1;
  /**
   * PORTAL_NOW when the build ran on a clock of its own, else null. The real
   * build time is not recorded: two builds of the same sources are identical.
   */
  clock: string | null;
  showDrafts: boolean;
  /** The public root the URLs were built for (origin and path prefix). */
  baseUrl: string;
  /** Files and folders hashed, relative to the project folder (or absolute when outside it). */
  sourceRoots: string[];
  /**
   * One sha256 over every source file's path and content when the build
   * started. A digest, not a list: the manifest is published with the site,
   * and the names of draft or scheduled articles must not be.
   */
  sourcesDigest: string;
  /** Every output file but the manifest: posix path relative to the output → size and sha256. */
  files: Record<string, OutputFile>;
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * sha256 of every file under the roots (files or folders; missing ones are skipped), keyed by path as given;
 * with `files`, the Markdown files' bytes are kept there for the build to parse, and those it reads ahead
 * are left out: they are hashed as they are read (SourceFiles' `digests`).
 */
export function hashSources(roots: string[], projectDir: string, files?: SourceFiles): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const root of roots) {
    const full = path.resolve(projectDir, root);
    if (!existsSync(full)) continue;
    const names = statSync(full).isDirectory() ? listFiles(full).map((f) => path.posix.join(root, f)) : [root];
    for (const file of names) {
      const full = path.resolve(projectDir, file);
      const digest = files ? files.hash(full, file) : sha256(full);
      if (digest !== undefined) hashes[file] = digest;
    }
  }
  return hashes;
}

/** The manifest's digest of `hashSources`: order-independent, names included. */
export function digestSources(sources: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const file of Object.keys(sources).sort()) hash.update(`${file}\0${sources[file]}\n`);
  return hash.digest('hex');
}

/** Roots as the manifest records them: relative to the project when inside it, so a checkout elsewhere still matches. */
export function recordedRoots(roots: string[], projectDir: string): string[] {
  return roots.map((root) => {
    const relative = path.relative(projectDir, path.resolve(projectDir, root));
    return relative.startsWith('..') || path.isAbsolute(relative)
      ? path.resolve(projectDir, root)
      : relative.split(path.sep).join('/');
  });
}

/** A page Eleventy wrote: where, and the text it wrote there (its `write()` results). */
export interface WrittenPage {
  outputPath: string | false;
  content: unknown;
}

/**
 * Size and sha256 of the pages written (by Eleventy, or by the portal beside it), from the text
 * written rather than read back from disk: done while Pagefind is still indexing, so the manifest
 * has only the other files left to read. Added to `files`, which is returned.
 */
export function describeWritten(
  outputDir: string,
  pages: WrittenPage[],
  files: Record<string, OutputFile> = {},
): Record<string, OutputFile> {
  for (const { outputPath, content } of pages) {
    if (!outputPath || (typeof content !== 'string' && !Buffer.isBuffer(content))) continue;
    const file = path.relative(outputDir, path.resolve(outputPath)).split(path.sep).join('/');
    if (file.startsWith('..')) continue;
    files[file] = { size: Buffer.byteLength(content), sha256: createHash('sha256').update(content).digest('hex') };
  }
  return files;
}

/**
 * Size and sha256 of every output file (`names`, when the build knows them: writtenFiles). Files in
 * `known` (hashed as they were written) are read back only when their size on disk differs.
 */
export function describeOutput(
  outputDir: string,
  known: Record<string, OutputFile> = {},
  names = listFiles(outputDir),
): Record<string, OutputFile> {
  const files: Record<string, OutputFile> = {};
  for (const file of names) {
    if (file === MANIFEST_FILE) continue;
    const full = path.join(outputDir, file);
    const size = statSync(full).size;
    files[file] = known[file]?.size === size ? known[file] : { size, sha256: sha256(full) };
  }
  return files;
}

/** Writes the manifest of the output's `files` (describeOutput, or what an incremental build kept and wrote). */
export function writeBuildManifest(
  outputDir: string,
  manifest: Omit<BuildManifest, 'format' | 'files'>,
  files: Record<string, OutputFile>,
): BuildManifest {
  const complete: BuildManifest = { format: 1, ...manifest, files };
  writeFileSync(path.join(outputDir, MANIFEST_FILE), `${JSON.stringify(complete, null, 1)}\n`);
  return complete;
}

/** A manifest's file name that stays inside the output: relative, posix, with no empty, `.` or `..` part. */
function insideOutput(file: string): boolean {
  return file.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/**
 * The manifest of a build, or undefined when there is none (the build failed or is incomplete) or it
 * names a file outside the output: it is read from the disk (a CI cache restored, a folder copied),
 * and an incremental build makes, links and removes folders by its names.
 */
export function readBuildManifest(outputDir: string): BuildManifest | undefined {
  const file = path.join(outputDir, MANIFEST_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as BuildManifest;
    return manifest.format === 1 && manifest.files && manifest.sourcesDigest && Object.keys(manifest.files).every(insideOutput)
      ? manifest
      : undefined;
  } catch {
    return undefined;
  }
}
