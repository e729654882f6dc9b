// The previous output's files an incremental build keeps, brought into its staging folder on a
// thread of their own (src/incremental/output.ts). Plain JavaScript: Node 20 gives a worker thread
// none of tsx's loader hooks. First the folders, while the content is read (making 20,000 folders
// takes seconds on ext4), then the files, once the plan names them, while Eleventy renders.
// Synchronous calls: linking 23,000 files takes 2 s this way and 7 to 11 s with Node's promise calls.
//
// The staging folder may start as the site the previous build replaced (the spare): its folders are
// there, and so is every file that build shared with the previous output. Those files are the very
// files the published site serves (hard links), so none may be left where a writer would truncate it:
// before anything is written, the staging folder holds nothing but files the build keeps.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ previousDir: string; stagingDir: string; folders: string[]; aside: string; rewrittenAside: string[]; manifest?: string }} */
const { previousDir, stagingDir, folders, aside, rewrittenAside, manifest } = workerData;
const made = new Set();
/** @param {string} folder */
const makeFolder = (folder) => {
  if (!made.has(folder)) mkdirSync(path.join(stagingDir, folder), { recursive: true });
  made.add(folder);
};
/** @param {string} file */
const remove = (file) => {
  try {
    unlinkSync(path.join(stagingDir, file));
  } catch (error) {
    // Gone with its folder (a search shard the indexer replaces), or never there.
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw error;
  }
};
/**
 * An output's files, as its manifest lists them (undefined when it can't be read).
 * @param {string} dir
 * @returns {Record<string, { size: number; sha256: string }> | undefined}
 */
const manifestFiles = (dir) => {
  try {
    return JSON.parse(readFileSync(path.join(dir, /** @type {string} */ (manifest)), 'utf8')).files;
  } catch {
    return undefined;
  }
};
const rewrittenPrefixes = rewrittenAside.map((folder) => `${folder}/`);
/**
 * Whether a file of the spare may be one the build keeps: a page, or a file of a search shard. The
 * index's other files are written again while the plan is made (the word table as soon as no shard
 * needs Pagefind), so they leave now. Else only saves work: a file left here and not kept is removed
 * once the plan is known.
 * @param {string} file
 */
const mayBeKept = (file) =>
  file.startsWith(`${aside}/`)
    ? file.indexOf('/', aside.length + 1) !== -1 && !rewrittenPrefixes.some((prefix) => file.startsWith(prefix))
    : file.endsWith('.html');
/**
 * A manifest's path that stays inside the output (the manifest is read from the disk: a cache restored from elsewhere).
 * @param {string} file
 */
const inside = (file) => !path.posix.isAbsolute(file) && !file.split('/').includes('..');

/** The spare's files left in the staging folder: each has the previous output's bytes. */
const present = new Set();
/** The spare's folders the previous output has not (its pages since removed): removed at the end unless used. */
let spareFolders = [];
if (manifest) {
  const [spare, previous] = [manifestFiles(stagingDir), manifestFiles(previousDir)];
  if (spare && previous && Object.keys(spare).every(inside)) {
    remove(manifest);
    // A file its manifest does not name (one put in the published site by hand) would be published unlisted.
    const root = path.resolve(stagingDir);
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (entry.isDirectory()) continue;
      // Cut, not path.relative: 0.1 s for a 20,000-article site's 44,000 files.
      const folder = entry.parentPath === root ? '' : `${entry.parentPath.slice(root.length + 1)}/`;
      const file = `${folder}${entry.name}`.split(path.sep).join('/');
      if (!Object.hasOwn(spare, file)) remove(file);
    }
    const wanted = new Set(folders);
    const found = new Set();
    for (const [file, description] of Object.entries(spare)) {
      const folder = path.posix.dirname(file);
      if (folder !== '.') found.add(folder);
      const same = previous[file];
      if (same?.size === description.size && same.sha256 === description.sha256 && mayBeKept(file)) present.add(file);
      else remove(file);
    }
    for (const folder of found) made.add(folder);
    spareFolders = [...found].filter((folder) => !wanted.has(folder));
  } else {
    // A spare whose files are unknown is no help: start empty.
    rmSync(stagingDir, { recursive: true, force: true });
    mkdirSync(stagingDir, { recursive: true });
  }
}
parentPort?.postMessage({ spareFolders });
for (const folder of folders) makeFolder(folder);
parentPort?.once('message', (/** @type {{ files: string[]; rewritten: string[] }} */ { files, rewritten }) => {
  const kept = new Set(files);
  // Not inside the shards Pagefind indexes again: the indexer removed their folders, and may be writing there.
  const reindexed = rewritten.map((folder) => `${folder}/`);
  for (const file of present) if (!kept.has(file) && !reindexed.some((prefix) => file.startsWith(prefix))) remove(file);
  parentPort?.postMessage('cleared');
  for (const file of files) {
    if (present.has(file)) {
      if (existsSync(path.join(stagingDir, file))) continue;
      // Named by the spare's manifest but lost (a cache restored in part), perhaps with its folder.
      mkdirSync(path.join(stagingDir, path.dirname(file)), { recursive: true });
    } else makeFolder(path.dirname(file));
    const target = path.join(stagingDir, file);
    try {
      linkSync(path.join(previousDir, file), target);
    } catch (error) {
      // A file system without hard links: a copy. Never over a file something else wrote there.
      if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EEXIST') throw error;
      copyFileSync(path.join(previousDir, file), target);
    }
  }
});
