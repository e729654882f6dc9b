import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { assetCopies, fingerprintAssets } from '../assets/index.ts';
import { loadContent, type LoadedContent } from '../content/index.ts';
import { isoWithOffset } from '../dates/index.ts';
import { externalLinkMarker } from '../markdown/index.ts';
import { t } from '../i18n/index.ts';
import { articleImageFiles, imageProcessor, publishImages, renderPicture, type SizesName } from '../images/index.ts';
import type { ArticleImage } from '../content/index.ts';
import { pages } from '../pages/index.ts';
import { absoluteUrl, pathPrefixOf, routes } from '../routes/index.ts';
import { contentSecurityPolicy, headerRules, headersFile } from '../security/index.ts';
import { indexArticles } from '../search/index.ts';
import type { EleventyConfig } from './config.ts';
import { takeHandedOverContent } from './preloaded.ts';

export interface PortalOptions {
  contentDir: string;
  layoutsDir: string;
  /** npm start previews drafts. */
  showDrafts: boolean;
  now?: DateTime;
  /** Where processed photos are cached between builds. */
  imageCacheDir: string;
  /** Where the site is served from (`/` or `/cong-thong-tin/`), for the `_headers` paths. */
  pathPrefix?: string;
  /** The stylesheets, scripts, fonts and images of the layouts. */
  assetsDir?: string;
}

/** JSON for a <script type="application/ld+json">: "<" escaped so content can't close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Wires the portal's content, pages, filters and assets into Eleventy. */
export function portalPlugin(config: EleventyConfig, options: PortalOptions): void {
  // Loaded (photos processed) before each build, so edits show up when watching; Eleventy awaits it.
  let loaded: LoadedContent | undefined;
  const content = (): LoadedContent => {
    if (!loaded) throw new Error('Nội dung chưa được nạp (eleventy.before chưa chạy)');
    return loaded;
  };
  config.on('eleventy.before', async () => {
    loaded = undefined;
    loaded =
      takeHandedOverContent() ??
      (await loadContent({
        contentDir: options.contentDir,
        showDrafts: options.showDrafts,
        now: options.now ?? DateTime.now(),
        images: imageProcessor(options.imageCacheDir),
      }));
  });
  // Only the photos of published articles leave the cache: a draft's photo stays private.
  config.on('eleventy.after', ({ directories }: { directories: { output: string } }) => {
    publishImages(directories.output, articleImageFiles(content().portal.articles));
  });

  config.addGlobalData('site', () => content().site);
  config.addGlobalData('portal', () => content().portal);
  config.addGlobalData('routes', routes);
  // HtmlBasePlugin adds the prefix to URLs in HTML attributes; this is for the rest (robots.txt, data-path-prefix for scripts).
  config.addGlobalData('pathPrefix', () => pathPrefixOf(content().site.baseUrl));
  config.addNunjucksGlobal('t', t);
  config.addNunjucksGlobal('externalLinkMarker', externalLinkMarker);
  config.addFilter('absolute', (url: string) => absoluteUrl(content().site.baseUrl, url));
  config.addFilter('iso', (date: DateTime) => isoWithOffset(date));
  config.addFilter('jsonForScript', jsonForScript);
  config.addNunjucksGlobal('picture', (image: ArticleImage, sizes: SizesName, priority = false, className?: string) =>
    renderPicture(image.processed, { alt: image.alt, sizes, priority, className }),
  );
  config.addGlobalData('security', () => ({
    metaPolicy: contentSecurityPolicy(content().site, { delivery: 'meta' }),
    headersFile: headersFile(headerRules(content().site, options.pathPrefix)),
  }));

  // Stylesheets and scripts are published under content-hashed names; layouts ask for them with `| asset`.
  const assetsDir = options.assetsDir ?? 'assets';
  const assets = fingerprintAssets(assetsDir);
  config.addFilter('asset', (url: string) => assets.url(url));

  // Each page type includes its markup rather than holding it: Eleventy compiles a template's own
  // text for every paginated page, while an include is compiled once and cached by Nunjucks.
  for (const page of pages) {
    config.addTemplate(`portal/${page.name}.njk`, `{% include "pages/${page.template}" %}`, page.data);
  }
  config.addWatchTarget(options.layoutsDir);
  config.addWatchTarget(path.join(options.contentDir, 'articles'));
  config.addWatchTarget(path.join(options.contentDir, '_data'));
  config.ignores.add('articles/**');

  // npm start: re-index the preview after every rebuild. npm run build indexes in src/build instead, before publishing.
  config.on('eleventy.after', async ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
    if (runMode !== 'build') await indexArticles(directories.output, content().portal.articles);
  });

  // content/images/ is not copied: originals may carry GPS; readers get the processed files only.
  config.addPassthroughCopy(assetCopies(assetsDir, assets));
  config.addWatchTarget(path.join(options.contentDir, 'images'));
  const fonts = 'node_modules/@fontsource/be-vietnam-pro/files';
  for (const file of readdirSync(fonts).filter((f) => /-(latin|vietnamese)-(400|700)-normal\.woff2$/.test(f))) {
    config.addPassthroughCopy({ [path.join(fonts, file)]: `assets/fonts/${file}` });
  }
}
