// Reading the sources once: what the build manifest's digest is made of (src/publish/manifest.ts), and on
// `npm run build` the Markdown the content is read from (sources-worker.js). Plain JavaScript: Node 20
// gives a worker thread none of tsx's loader hooks.
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Every file under `dir`, as sorted posix paths relative to it.
 * @param {string} dir
 * @returns {string[]}
 */
export function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * @typedef {object} SourceReading
 * @property {Record<string, string>} hashes sha256 (hex) of every file, keyed by path as the roots give it
 * @property {Record<string, string | null>} markdown each Markdown file under the Markdown folders, by absolute
 *   path: its text in NFC, or null when it is not UTF-8 without BOM (the content check reads it again, for its problem)
 */

/**
 * Reads every file under `roots` (files or folders, relative to `projectDir`; missing ones are skipped)
 * once: its sha256, and for a `.md` file under one of `markdownDirs` (absolute) its text, from the same bytes.
 * With `part` of `parts`, only every `parts`-th file from the `part`-th: readers side by side share the files.
 * @param {string[]} roots
 * @param {string} projectDir
 * @param {string[]} [markdownDirs]
 * @param {{ part: number; parts: number }} [share]
 * @returns {SourceReading}
 */
export function readSources(roots, projectDir, markdownDirs = [], { part, parts } = { part: 0, parts: 1 }) {
  /** @type {Record<string, string>} */
  const hashes = {};
  /** @type {Record<string, string | null>} */
  const markdown = {};
  let seen = 0;
  const inMarkdownDir = (/** @type {string} */ file) =>
    file.endsWith('.md') && markdownDirs.some((dir) => file.startsWith(`${dir}${path.sep}`));
  for (const root of roots) {
    const full = path.resolve(projectDir, root);
    if (!existsSync(full)) continue;
    const files = statSync(full).isDirectory() ? listFiles(full).map((f) => path.posix.join(root, f)) : [root];
    for (const file of files) {
      if (seen++ % parts !== part) continue;
      const absolute = path.resolve(projectDir, file);
      const bytes = readFileSync(absolute);
      hashes[file] = createHash('sha256').update(bytes).digest('hex');
      if (!inMarkdownDir(absolute)) continue;
      const clean = isUtf8(bytes) && !(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf);
      markdown[absolute] = clean ? bytes.toString('utf8').normalize('NFC') : null;
    }
  }
  return { hashes, markdown };
}
