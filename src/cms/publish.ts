import { copyFileSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildSync, version as esbuildVersion } from 'esbuild';
import { stringify } from 'yaml';
import { contentHash } from '../assets/index.ts';
import { routes } from '../routes/index.ts';
import { adminContentSecurityPolicy } from '../security/index.ts';
import { fileDigest, type Article } from '../content/index.ts';
import type { SiteSettings } from '../site/index.ts';
import type { StaticPage } from '../static-pages/index.ts';
import type { AdminPageData } from './admin.ts';
import { cmsConfig, type CmsBackendOptions } from './config.ts';

const DECAP_DIST = path.dirname(createRequire(import.meta.url).resolve('decap-cms'));
/** Decap's bundle, the chunks it loads on demand and its WebAssembly (not the source maps, not the `cms.js` copy). */
const DECAP_FILES = /^(\d+\.)?decap-cms\.js$|\.wasm$/;

export interface AdminOptions extends CmsBackendOptions {
  site: SiteSettings;
  contentDir: string;
  /** Where the site is served: "/" or "/cong-thong-tin/". */
  pathPrefix: string;
  /** The portal's stylesheet as published (hashed name, no prefix), for the preview pane. */
  stylesheet: string;
  /** What the build has published: its photos and page titles show in the preview pane. */
  published: { articles: readonly Article[]; staticPages: readonly StaticPage[] };
  /** Where the admin script, once bundled, is kept for the next build (the page cache). */
  cacheDir?: string;
}

/** How the admin reaches its repository: `npm run cms`'s local proxy, else the site's `cms` settings. */
export function adminBackend(site: SiteSettings, env: NodeJS.ProcessEnv = process.env): CmsBackendOptions | undefined {
  if (env.CMS_LOCAL_PROXY) return { localProxy: env.CMS_LOCAL_PROXY, branch: env.CMS_BRANCH };
  if (site.cms) return { repo: site.cms.repo, branch: site.cms.branch, authUrl: site.cms.authUrl };
  return undefined;
}

/** The admin script, with the hash of each file it was bundled from (by path), as the page cache keeps it. */
interface AdminBundle {
  name: string;
  code: string;
  inputs: Record<string, string>;
}

/** Where the last bundle is kept between builds, in the page cache; its esbuild's version in the name. */
const bundleFile = (cacheDir: string) => path.join(cacheDir, `portal-cms.esbuild-${esbuildVersion}.json`);

const sha256 = (file: string) => fileDigest(readFileSync(file));

/** The bundle kept in `cacheDir` if every file it was made of is as it was (40 ms, where bundling takes 0.4 s). */
function keptBundle(cacheDir: string): AdminBundle | undefined {
  try {
    const kept = JSON.parse(readFileSync(bundleFile(cacheDir), 'utf8')) as AdminBundle;
    return Object.entries(kept.inputs).every(([file, digest]) => sha256(file) === digest) ? kept : undefined;
  } catch {
    return undefined;
  }
}

/** The bundle of this process, by the cache it was kept in ('' for none). */
const bundles = new Map<string, AdminBundle>();

/**
 * src/cms/admin.ts and what it imports (schemas, zod, yaml, luxon) as one script, built once a process,
 * and kept in `cacheDir` for the next build while none of those files changes.
 */
function adminBundle(cacheDir?: string): AdminBundle {
  let bundle = bundles.get(cacheDir ?? '') ?? (cacheDir ? keptBundle(cacheDir) : undefined);
  if (!bundle) {
    const result = buildSync({
      entryPoints: [path.join(import.meta.dirname, 'admin.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      minify: true,
      legalComments: 'none',
      metafile: true,
    });
    const code = result.outputFiles[0].text;
    // Besides what esbuild bundled, what it was told: this file's options, and the TypeScript settings it read.
    const inputs = [
      ...Object.keys(result.metafile.inputs).map((file) => path.resolve(file)),
      import.meta.filename,
      path.resolve(import.meta.dirname, '../../tsconfig.json'),
    ];
    bundle = {
      name: `portal-cms.${contentHash(code)}.js`,
      code,
      inputs: Object.fromEntries(inputs.map((file) => [file, sha256(file)])),
    };
    try {
      if (cacheDir) {
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(`${bundleFile(cacheDir)}.${process.pid}`, JSON.stringify(bundle));
        renameSync(`${bundleFile(cacheDir)}.${process.pid}`, bundleFile(cacheDir));
      }
    } catch {
      // A cache: the next build bundles it again.
    }
  }
  bundles.set(cacheDir ?? '', bundle);
  return bundle;
}

/** </script> can't end the JSON block early. */
function jsonInScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The lead photos the build has processed, by the path their front matter names ("/images/x.jpg"):
 * the preview shows a saved photo from the site, since the repository's file is not served there.
 */
function publishedPhotos(articles: readonly Article[], prefix: string): Record<string, string> {
  const photos: Record<string, string> = {};
  for (const { image } of articles) {
    if (!image) continue;
    const { variants, openGraph } = image.processed;
    photos[image.src] = `${prefix}${(variants.filter((file) => file.format === 'jpeg').at(-1) ?? openGraph).url}`;
  }
  return photos;
}

/**
 * The stylesheet's @font-face rules with `font-display: swap` and site URLs: the preview pane
 * lays out its text after the fonts' first moment, and `optional` (right for readers, no reflow)
 * would then leave it in the fallback font for good.
 */
export function previewFontFaces(css: string, stylesheetUrl: string): string {
  const base = new URL(stylesheetUrl, 'http://site.invalid');
  return (css.match(/@font-face\s*\{[^}]*\}/g) ?? [])
    .map((rule) =>
      rule
        .replace(/font-display:\s*[a-z]+/, 'font-display: swap')
        .replace(/url\("?([^")]+)"?\)/g, (_, url: string) => `url("${new URL(url, base).pathname}")`),
    )
    .join('\n');
}

/** src/cms/admin.css under a content-hashed name. */
function adminStyles(): { name: string; code: string } {
  const code = readFileSync(path.join(import.meta.dirname, 'admin.css'), 'utf8');
  return { name: `portal-cms.${contentHash(code)}.css`, code };
}

function adminPage(options: AdminOptions, files: { script: string; styles: string }, css: string): string {
  const prefix = options.pathPrefix.replace(/\/+$/, '');
  const { articles, staticPages } = options.published;
  const data: AdminPageData = {
    site: options.site,
    contentDir: options.contentDir,
    previewStyles: [`${prefix}${options.stylesheet}`],
    previewFonts: previewFontFaces(css, `${prefix}${options.stylesheet}`),
    photos: publishedPhotos(articles, prefix),
    pageTitles: Object.fromEntries(staticPages.map((page) => [page.path, page.title])),
  };
  const policy = adminContentSecurityPolicy(options.site, { delivery: 'meta', localProxy: options.localProxy });
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="robots" content="noindex, nofollow">
<title>Quản trị nội dung – ${options.site.shortName.replace(/[<&"]/g, '')}</title>
<script type="application/json" id="portal-cms">${jsonInScript(data)}</script>
<script src="${files.script}"></script>
<script src="decap-cms.js"></script>
<link rel="stylesheet" href="${files.styles}">
</head>
<body></body>
</html>
`;
}

/**
 * Writes the web editor into `outputDir`/quan-tri/: the page, config.yml
 * generated from the content schemas, the portal's admin script and Decap CMS
 * itself, copied from its npm package (no CDN).
 */
export function publishAdmin(outputDir: string, options: AdminOptions): void {
  const dir = path.join(outputDir, routes.admin);
  mkdirSync(dir, { recursive: true });
  const script = adminBundle(options.cacheDir);
  writeFileSync(path.join(dir, script.name), script.code);
  const css = readFileSync(path.join(outputDir, options.stylesheet), 'utf8');
  const styles = adminStyles();
  writeFileSync(path.join(dir, styles.name), styles.code);
  writeFileSync(path.join(dir, 'index.html'), adminPage(options, { script: script.name, styles: styles.name }, css));
  const config = cmsConfig(options.site, options);
  writeFileSync(
    path.join(dir, 'config.yml'),
    `# Tạo tự động từ lược đồ nội dung (src/cms); đừng sửa tay.\n${stringify(config, { lineWidth: 0 })}`,
  );
  for (const file of readdirSync(DECAP_DIST).filter((name) => DECAP_FILES.test(name))) {
    copyFileSync(path.join(DECAP_DIST, file), path.join(dir, file));
  }
}
