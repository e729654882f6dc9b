import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
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
 * bytes: a hard link (no copy, same bytes and time), else a copy. Not one
 * changed or removed since (by hand): the file written stays.
 */
function replaceWithPrevious(previousDir: string, stagingDir: string, file: string, size: number): void {
  if (statSync(path.join(previousDir, file), { throwIfNoEntry: false })?.size !== size) return;
  const target = path.join(stagingDir, file);
  unlinkSync(target);
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
 * The files a build wrote into its staging folder: the pages (`written`), the files at its root, and
 * every file under `filledFolders`, the folders the build fills with files of its own (photos,
 * attachments, assets, the search index, the web editor). No other writer puts a file in a page's
 * folder, and what else an incremental build's staging folder holds the worker put there (the kept
 * files): listing the whole folder would read its 23,000 page folders (0.7-0.9 s of the build's
 * thread at 20,000 articles).
 */
export function writtenFiles(stagingDir: string, written: Record<string, FileDescription>, filledFolders: string[]): string[] {
  const atRoot = readdirSync(stagingDir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
  const filled = filledFolders
    .filter((folder) => existsSync(path.join(stagingDir, folder)))
    .flatMap((folder) => listFiles(path.join(stagingDir, folder)).map((file) => `${folder}/${file}`));
  return [...new Set([...Object.keys(written), ...atRoot, ...filled])].sort();
}

/**
 * The second half, once everything is written: every file written again with
 * the same bytes (an unchanged list page, most of the search index, the
 * photos) is replaced by the previous one, so only the files whose bytes
 * changed are new. Returns the description of every file (the manifest's
 * `files`), hashing only what was written (`made`: writtenFiles) and not
 * already hashed as it was (`written`: the pages, from Eleventy's text).
 */
export function reuseUnchangedFiles(
  previousDir: string,
  previousFiles: Record<string, FileDescription>,
  stagingDir: string,
  kept: Record<string, FileDescription>,
  { made, written = {} }: { made: string[]; written?: Record<string, FileDescription> },
): Record<string, FileDescription> {
  const files: Record<string, FileDescription> = { ...kept };
  for (const file of made) {
    if (file in kept) continue;
    const full = path.join(stagingDir, file);
    const size = statSync(full).size;
    const description =
      written[file]?.size === size
        ? written[file]
        : { size, sha256: createHash('sha256').update(readFileSync(full)).digest('hex') };
    const before = previousFiles[file];
    if (before && before.size === description.size && before.sha256 === description.sha256)
      replaceWithPrevious(previousDir, stagingDir, file, before.size);
    files[file] = description;
  }
  return Object.fromEntries(
    Object.keys(files)
      .sort()
      .map((file) => [file, files[file]]),
  );
}
