import path from 'node:path';
import { HtmlBasePlugin } from '@11ty/eleventy';
import type { EleventyConfig } from './config.ts';
import { portalPlugin, type PortalOptions } from './plugin.ts';
import { NUNJUCKS_OPTIONS } from './templates.ts';

export type { EleventyConfig } from './config.ts';
export type { PortalOptions } from './plugin.ts';
export { EarlyPages } from './early-pages.ts';
export { ELEVENTY_ONLY, PageRenderer } from './render.ts';
export { withSavedArticle, type SavedArticleOptions } from './saved-article.ts';
export { templateTables } from './templates.ts';

/**
 * Sets Eleventy up for the portal from explicit settings: folders, Nunjucks,
 * the portal plugin, the path prefix in HTML. `.eleventy.ts` (npm start)
 * and the build (src/publish, through Eleventy's programmatic API) both call it.
 */
export function configurePortal(config: EleventyConfig, options: PortalOptions): void {
  const { contentDir, outputDir } = options.settings;
  config.setInputDirectory(contentDir);
  config.setIncludesDirectory(path.relative(contentDir, options.layoutsDir ?? 'layouts'));
  config.setDataDirectory('_data');
  config.setOutputDirectory(outputDir);
  config.setTemplateFormats(['njk']);
  config.setNunjucksEnvironmentOptions({ ...NUNJUCKS_OPTIONS });
  config.addPlugin(portalPlugin, options);
  config.addPlugin(HtmlBasePlugin);
}
