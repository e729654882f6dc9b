import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, readdirSync, readFileSync, statSync, unlinkSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** Size and sha256 of an output file, as the build manifest records them. */
export interface FileDescription {
  size: number;
  sha256: string;
}

/**
 * Puts the previous build's file in place of the one written with the same
 * bytes: a hard link (no copy, same bytes and time), else a copy.
 */
function replaceWithPrevious(previousDir: string, stagingDir: string, file: string): void {
  const target = path.join(stagingDir, file);
  unlinkSync(target);
  try {
    linkSync(path.join(previousDir, file), target);
  } catch {
    copyFileSync(path.join(previousDir, file), target);
  }
}

/**
 * The first half of finishing an incremental build in its staging folder:
 * the kept pages and search shards (`keptFiles`, relative paths) come from the
 * previous output as hard links. Started as soon as the plan is known: the
 * links are made on a worker thread (link-worker.js) while Eleventy renders,
 * never touching a file it writes (those are the pages the plan renders).
 * Resolves to their descriptions: a kept file is what the previous manifest
 * says it is.
 */
export function linkKeptFiles(
  previousDir: string,
  previousFiles: Record<string, FileDescription>,
  stagingDir: string,
  keptFiles: string[],
): Promise<Record<string, FileDescription>> {
  const worker = new Worker(new URL('./link-worker.js', import.meta.url), {
    workerData: { previousDir, stagingDir, files: keptFiles },
  });
  return new Promise((resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`Không giữ lại được các trang của lần dựng trước (mã thoát ${code})`));
      else resolve(Object.fromEntries(keptFiles.map((file) => [file, previousFiles[file]])));
    });
  });
}

/**
 * The second half, once everything is written: every file written again with
 * the same bytes (an unchanged list page, most of the search index, the
 * photos) is replaced by the previous one, so only the files whose bytes
 * changed are new. Returns the description of every file (the manifest's
 * `files`), hashing only what was written and not already hashed as it was
 * (`written`: the pages, from Eleventy's text).
 */
export function reuseUnchangedFiles(
  previousDir: string,
  previousFiles: Record<string, FileDescription>,
  stagingDir: string,
  kept: Record<string, FileDescription>,
  written: Record<string, FileDescription> = {},
): Record<string, FileDescription> {
  const files: Record<string, FileDescription> = { ...kept };
  const made = (readdirSync(stagingDir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(stagingDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !(file in kept));
  for (const file of made) {
    const full = path.join(stagingDir, file);
    const size = statSync(full).size;
    const description =
      written[file]?.size === size
        ? written[file]
        : { size, sha256: createHash('sha256').update(readFileSync(full)).digest('hex') };
    const before = previousFiles[file];
    if (before && before.size === description.size && before.sha256 === description.sha256)
      replaceWithPrevious(previousDir, stagingDir, file);
    files[file] = description;
  }
  return Object.fromEntries(
    Object.keys(files)
      .sort()
      .map((file) => [file, files[file]]),
  );
}
