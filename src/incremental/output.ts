import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** Size and sha256 of an output file, as the build manifest records them. */
export interface FileDescription {
  size: number;
  sha256: string;
}

/** Every file under `dir`, as sorted posix paths relative to it. */
export function listFiles(dir: string): string[] {
  // Each entry's folder is `dir` or begins with it: cut rather than path.relative (0.4 s for a 20,000-article site).
  const inside = dir.endsWith(path.sep) ? dir : `${dir}${path.sep}`;
  const files: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const parent = entry.parentPath;
    const folder = parent === dir ? '' : parent.startsWith(inside) ? parent.slice(inside.length) : path.relative(dir, parent);
    const file = folder ? `${folder}${path.sep}${entry.name}` : entry.name;
    files.push(path.sep === '/' ? file : file.split(path.sep).join('/'));
  }
  return files.sort();
}

/**
 * Puts the previous build's file in place of the one written with the same
 * bytes: a hard link (no copy, same bytes and time), else a copy.
 */
function replaceWithPrevious(previousDir: string, stagingDir: string, file: string): void {
  unlinkSync(path.join(stagingDir, file));
  linkPrevious(previousDir, stagingDir, file);
}

/** Puts the previous build's file at `file` in the staging folder, where there is none: a hard link, else a copy. */
function linkPrevious(previousDir: string, stagingDir: string, file: string): void {
  const target = path.join(stagingDir, file);
  try {
    linkSync(path.join(previousDir, file), target);
  } catch {
    copyFileSync(path.join(previousDir, file), target);
  }
}

/** The previous output's files an incremental build keeps, brought into its staging folder on a worker thread. */
export interface KeptFiles {
  /** Settles once the staging folder holds only files the build may keep: to be awaited before anything is written there. */
  ready: Promise<void>;
  /**
   * Hard-links `files` (relative paths) in from the previous output, once the plan names them,
   * never one Eleventy writes (those are the pages the plan renders). `cleared` settles once no
   * other file is left in the staging folder (but in `rewritten`, the folders the search indexer
   * empties and writes itself), `kept` with their descriptions: a kept file is what the previous
   * manifest says it is.
   */
  link(files: string[], rewritten: string[]): { cleared: Promise<void>; kept: Promise<Record<string, FileDescription>> };
  /** Once every file is there (`files`, the output's list): removes the folders made for pages the build no longer has. */
  finish(files: Record<string, FileDescription>): Promise<void>;
  /** The build failed: resolves once the worker has stopped touching the staging folder. */
  stop(): Promise<void>;
}

/** A path's folder and each folder above it ('a/b/c.html' → 'a/b', 'a'). */
function foldersOf(file: string): string[] {
  const folders: string[] = [];
  for (let folder = path.posix.dirname(file); folder !== '.'; folder = path.posix.dirname(folder)) folders.push(folder);
  return folders;
}

/**
 * The first half of finishing an incremental build in its staging folder, started before the
 * content is read: a worker thread (link-worker.js) makes the previous output's folders there at
 * once (the search index's aside: the indexer replaces those), and links the kept files in when
 * told them. Eleventy then writes into folders that are already there. With `spareManifest`, the
 * staging folder is the site the previous build replaced, with that manifest: its folders are
 * there already, and the files it shares with the previous output stay where the build keeps them
 * (but in `rewrittenAside`, folders of the aside that are always written again).
 */
export function keepPreviousFiles(
  previousDir: string,
  previousFiles: Record<string, FileDescription>,
  stagingDir: string,
  { aside, rewrittenAside }: { aside: string; rewrittenAside: string[] },
  spareManifest?: string,
): KeptFiles {
  const folders = [...new Set(Object.keys(previousFiles).map((file) => path.posix.dirname(file)))].filter(
    (folder) => folder !== '.' && folder !== aside && !folder.startsWith(`${aside}/`),
  );
  const worker = new Worker(new URL('./link-worker.js', import.meta.url), {
    workerData: { previousDir, stagingDir, folders, aside, rewrittenAside, manifest: spareManifest },
  });
  const exited = new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`Không giữ lại được các trang của lần dựng trước (mã thoát ${code})`)),
    );
  });
  exited.catch(() => {}); // awaited by link(), finish() or stop()
  /** The next message of the worker, or its failure: an exit before it is one. */
  const message = <T>() => {
    const next = new Promise<T>((resolve, reject) => {
      worker.once('message', resolve);
      exited.then(() => reject(new Error('Luồng giữ lại trang của lần dựng trước dừng sớm')), reject);
    });
    next.catch(() => {}); // awaited by the build, or before the staging folder is removed
    return next;
  };
  const spare = message<{ spareFolders: string[] }>();
  const ready = spare.then(() => {});
  ready.catch(() => {}); // awaited once the content is read: a build that fails before must not crash on it
  let linked = false;
  return {
    ready,
    link(files, rewritten) {
      linked = true;
      // Told once it has reported the spare: its next message is then this one's answer.
      const cleared = spare.then(() => {
        const answer = message<void>();
        worker.postMessage({ files, rewritten });
        return answer;
      });
      cleared.catch(() => {}); // awaited by the build's plan, or before the staging folder is removed
      const kept = exited.then(() => Object.fromEntries(files.map((file) => [file, previousFiles[file]])));
      return { cleared, kept };
    },
    async finish(files) {
      if (!linked) await worker.terminate();
      await exited.catch(() => {});
      const { spareFolders } = await spare.catch(() => ({ spareFolders: [] }));
      const used = new Set(Object.keys(files).flatMap(foldersOf));
      // Deepest first, so a folder is empty when its turn comes.
      for (const folder of [...folders, ...spareFolders].flatMap((f) => [f, ...foldersOf(f)]).sort((a, b) => b.length - a.length))
        if (!used.has(folder)) rmSync(path.join(stagingDir, folder), { recursive: true, force: true });
    },
    async stop() {
      await worker.terminate();
      await exited.catch(() => {});
    },
  };
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
  const found = listFiles(stagingDir);
  // A kept file missing (a spare whose manifest lists a file it lost) is linked from the previous output.
  const there = new Set(found);
  for (const file of Object.keys(kept))
    if (!there.has(file)) {
      mkdirSync(path.join(stagingDir, path.dirname(file)), { recursive: true });
      linkPrevious(previousDir, stagingDir, file);
    }
  const made = found.filter((file) => !(file in kept));
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
