import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Folders of `assets/` whose files are published under a content-hashed name
 * (`site.css` → `site.3f9a0c1b2e.css`): a changed file gets a new URL, so
 * browsers and CDNs may cache these for a year without ever serving a stale one.
 */
export const HASHED_FOLDERS = ['css', 'js'] as const;

/** Where the assets folder is published. */
export const ASSETS_URL = '/assets/';

export interface HashedAsset {
  /** The file on disk. */
  source: string;
  /** What layouts ask for: `/assets/css/site.css`. */
  url: string;
  /** Where it is published: `/assets/css/site.3f9a0c1b2e.css`. */
  hashedUrl: string;
}

/** First 10 hex digits of the SHA-256 of the file: enough to tell versions apart. */
export function contentHash(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 10);
}

/** `site.css` + hash → `site.<hash>.css`. */
export function hashedName(fileName: string, hash: string): string {
  const ext = path.extname(fileName);
  return `${path.basename(fileName, ext)}.${hash}${ext}`;
}

/** The published names of the portal's stylesheets and scripts. */
export class AssetManifest {
  private readonly byUrl: Map<string, HashedAsset>;

  constructor(readonly files: HashedAsset[]) {
    this.byUrl = new Map(files.map((file) => [file.url, file]));
  }

  /** The hashed URL of an asset; throws for a file that doesn't exist, so a typo fails the build. */
  url(url: string): string {
    const asset = this.byUrl.get(url);
    if (!asset) {
      throw new Error(
        `Không có tệp "${url}" trong assets/${HASHED_FOLDERS.join(', assets/')}; các tệp có: ${[...this.byUrl.keys()].join(', ')}`,
      );
    }
    return asset.hashedUrl;
  }
}

/** Hashes every file in the hashed folders of `assetsDir`. */
export function fingerprintAssets(assetsDir: string): AssetManifest {
  const files: HashedAsset[] = [];
  for (const folder of HASHED_FOLDERS) {
    const dir = path.join(assetsDir, folder);
    let names: string[];
    try {
      names = (readdirSync(dir, { recursive: true }) as string[]).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const source = path.join(dir, name);
      if (!statSync(source).isFile()) continue;
      const relative = `${folder}/${name.split(path.sep).join('/')}`;
      const hashed = path.posix.join(
        path.posix.dirname(relative),
        hashedName(path.basename(name), contentHash(readFileSync(source))),
      );
      files.push({ source, url: `${ASSETS_URL}${relative}`, hashedUrl: `${ASSETS_URL}${hashed}` });
    }
  }
  return new AssetManifest(files);
}

/**
 * What Eleventy copies from `assetsDir` (source → output path): hashed files
 * under their hashed names, every other file and folder as it is.
 */
export function assetCopies(assetsDir: string, manifest: AssetManifest): Record<string, string> {
  const copies: Record<string, string> = {};
  const hashed = new Set<string>(HASHED_FOLDERS);
  for (const entry of readdirSync(assetsDir).sort()) {
    if (!hashed.has(entry)) copies[path.join(assetsDir, entry)] = `${ASSETS_URL}${entry}`.slice(1);
  }
  for (const file of manifest.files) copies[file.source] = file.hashedUrl.slice(1);
  return copies;
}
