import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The project's own code: what turns content into pages, besides the layouts and assets. */
const PROJECT = path.resolve(import.meta.dirname, '../..');
const CODE = ['src', 'package.json', 'package-lock.json'].map((file) => path.join(PROJECT, file));

/** sha256 over the paths and bytes of every file under `roots` (files or folders). */
function digestFiles(roots: string[]): string {
  const hash = createHash('sha256');
  for (const root of roots) {
    if (!existsSync(root)) continue;
    const files = statSync(root).isDirectory()
      ? (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
          .filter((entry) => entry.isFile())
          .map((entry) => path.join(entry.parentPath, entry.name))
          .sort()
      : [root];
    for (const file of files)
      hash
        .update(`${path.relative(PROJECT, file)}\0`)
        .update(readFileSync(file))
        .update('\n');
  }
  return hash.digest('hex');
}

/** The project's code (src, package.json, the lockfile): what a cache of its results is valid for. */
export function codeDigest(): string {
  return digestFiles(CODE);
}

/**
 * What every page shows or is made with, as one digest: the code, layouts and
 * assets (hashed names included), the site settings and menus, the build's
 * settings that reach the HTML, and the problems the preview prints on every
 * page. When it changes, every page is rendered again.
 */
export function siteDigest(parts: { layoutsDir: string; assetsDir: string; shown: unknown }): string {
  const code = digestFiles([...CODE, path.resolve(parts.layoutsDir), path.resolve(parts.assetsDir)]);
  return createHash('sha256').update(code).update(JSON.stringify(parts.shown)).digest('base64url');
}
