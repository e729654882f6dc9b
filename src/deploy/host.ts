import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MANIFEST_FILE, type BuildManifest } from '../publish/index.ts';
import { pathPrefixOf, routes } from '../routes/index.ts';
import { DeployRefused } from './check.ts';

/** Hosts that read `_headers` and `_redirects` (the deploy's --host). */
export type HostName = 'cloudflare' | 'netlify';
export const hostNames: HostName[] = ['cloudflare', 'netlify'];

/** Files Cloudflare Pages and Netlify read only at the root of a deploy; elsewhere they are ignored. */
export const HOST_FILES = [routes.redirectsFile.slice(1), '_headers'];

/**
 * Files the host looks for at its root that the build also keeps under the
 * prefix: crawlers read robots.txt only at the root, and Netlify serves only
 * the root's 404.html for a missing page (Cloudflare Pages takes the nearest
 * one up the path). The 404 page uses only prefixed absolute paths, so it works there.
 */
const ROOT_COPIES = ['robots.txt', routes.notFound.slice(1)];

/** Where each file of the build goes in a deploy: posix path in the build → paths in the deploy. */
export interface HostLayout {
  pathPrefix: string;
  placements: Map<string, string[]>;
}

/**
 * The deploy of a build to Cloudflare Pages or Netlify. At the root ("/") it
 * is the build as it is. Under a path prefix the deploy's root is the host's
 * root: the site goes into the prefix's folder, while `_headers` and
 * `_redirects` (written with prefixed paths) go to the root, the only place
 * the host reads them, beside copies of robots.txt and 404.html.
 */
export function hostLayout(manifest: BuildManifest): HostLayout {
  const pathPrefix = pathPrefixOf(manifest.baseUrl);
  const folder = pathPrefix.slice(1);
  const placements = new Map<string, string[]>();
  for (const file of Object.keys(manifest.files)) {
    if (folder && HOST_FILES.includes(file)) placements.set(file, [file]);
    else if (folder && ROOT_COPIES.includes(file)) placements.set(file, [folder + file, file]);
    else placements.set(file, [folder + file]);
  }
  return { pathPrefix, placements };
}

/**
 * Refuses a build whose redirect rules the host would not apply: Netlify serves
 * the alias's HTML page (200) unless a rule is forced ("301!", a build with
 * NETLIFY=true), and Cloudflare Pages rejects a forced rule as invalid.
 */
export function checkRedirectsFor(host: HostName, outputDir: string): void {
  const file = path.join(outputDir, routes.redirectsFile);
  if (!existsSync(file)) return;
  const statuses = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.trimStart().startsWith('#'))
    .map((line) => line.trim().split(/\s+/)[2] ?? '');
  if (host === 'netlify' && statuses.some((status) => !status.endsWith('!'))) {
    throw new DeployRefused([
      'Bản dựng này ghi _redirects cho Cloudflare (301): Netlify sẽ trả trang chuyển hướng với mã 200 thay vì 301. ' +
        'Hãy dựng lại với NETLIFY=true ("NETLIFY=true npm run build"; bản dựng trên Netlify tự có biến này).',
    ]);
  }
  if (host === 'cloudflare' && statuses.some((status) => status.endsWith('!'))) {
    throw new DeployRefused([
      'Bản dựng này ghi _redirects cho Netlify (301!), Cloudflare Pages coi các quy tắc đó là sai và bỏ qua. ' +
        'Hãy dựng lại không có NETLIFY=true.',
    ]);
  }
}

/**
 * Lays the build out as the deploy (see hostLayout) in a scratch folder, with
 * hard links where the file system allows. Returns the folder and its files.
 */
export function stageLayout(outputDir: string, layout: HostLayout): { dir: string; files: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-host-'));
  const files: string[] = [];
  const place = (from: string, to: string) => {
    const target = path.join(dir, to);
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      linkSync(from, target);
    } catch {
      copyFileSync(from, target);
    }
  };
  for (const [file, destinations] of layout.placements) {
    for (const destination of destinations) {
      place(path.join(outputDir, file), destination);
      files.push(destination);
    }
  }
  // The mark of a portal deploy sits at the deploy's root.
  place(path.join(outputDir, MANIFEST_FILE), MANIFEST_FILE);
  return { dir, files: files.sort() };
}
