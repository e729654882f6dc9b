import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { loadContent, type LoadedContent } from '../content/index.ts';
import { isoWithOffset } from '../dates/index.ts';
import { t } from '../i18n/index.ts';
import { pages } from '../pages/index.ts';
import { absoluteUrl, routes } from '../routes/index.ts';
import { indexArticles } from '../search/index.ts';
import type { EleventyConfig } from './config.ts';

export interface PortalOptions {
  contentDir: string;
  layoutsDir: string;
  /** npm start previews drafts. */
  showDrafts: boolean;
  now?: DateTime;
}

/** JSON for a <script type="application/ld+json">: "<" escaped so content can't close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Wires the portal's content, pages, filters and assets into Eleventy. */
export function portalPlugin(config: EleventyConfig, options: PortalOptions): void {
  // Loaded once per build: the watcher resets it so edits show up.
  let loaded: LoadedContent | undefined;
  const content = () =>
    (loaded ??= loadContent({ contentDir: options.contentDir, showDrafts: options.showDrafts, now: options.now ?? DateTime.now() }));
  config.on('eleventy.before', () => {
    loaded = undefined;
  });

  config.addGlobalData('site', () => content().site);
  config.addGlobalData('portal', () => content().portal);
  config.addGlobalData('routes', routes);
  config.addNunjucksGlobal('t', t);
  config.addFilter('absolute', (url: string) => absoluteUrl(content().site.baseUrl, url));
  config.addFilter('iso', (date: DateTime) => isoWithOffset(date));
  config.addFilter('jsonForScript', jsonForScript);

  const pagesDir = path.join(options.layoutsDir, 'pages');
  for (const page of pages) {
    config.addTemplate(`portal/${page.name}.njk`, readFileSync(path.join(pagesDir, page.template), 'utf8'), page.data);
  }
  config.addWatchTarget(options.layoutsDir);
  config.addWatchTarget(path.join(options.contentDir, 'articles'));
  config.addWatchTarget(path.join(options.contentDir, '_data'));
  config.ignores.add('articles/**');

  // npm start: re-index the preview after every rebuild. npm run build indexes in src/build instead, before publishing.
  config.on('eleventy.after', async ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
    if (runMode !== 'build') await indexArticles(directories.output, content().portal.articles);
  });

  config.addPassthroughCopy({ assets: 'assets', [path.join(options.contentDir, 'images')]: 'images' });
  const fonts = 'node_modules/@fontsource/be-vietnam-pro/files';
  for (const file of readdirSync(fonts).filter((f) => /-(latin|vietnamese)-(400|700)-normal\.woff2$/.test(f))) {
    config.addPassthroughCopy({ [path.join(fonts, file)]: `assets/fonts/${file}` });
  }
}
