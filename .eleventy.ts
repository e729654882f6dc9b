import path from 'node:path';
import { HtmlBasePlugin } from '@11ty/eleventy';
import type { EleventyConfig } from './src/eleventy/config.ts';
import { portalPlugin } from './src/eleventy/plugin.ts';
import { buildSettings } from './src/build/settings.ts';

/** Wiring only: folders, the portal plugin, and the path prefix. */
export default function (eleventyConfig: EleventyConfig) {
  const settings = buildSettings();
  eleventyConfig.setNunjucksEnvironmentOptions({
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  eleventyConfig.addPlugin(portalPlugin, {
    contentDir: settings.contentDir,
    layoutsDir: 'layouts',
    showDrafts: settings.showDrafts,
    now: settings.now,
    imageCacheDir: settings.imageCacheDir,
    pathPrefix: settings.pathPrefix,
  });
  eleventyConfig.addPlugin(HtmlBasePlugin);
  return {
    dir: {
      input: settings.contentDir,
      includes: path.relative(settings.contentDir, 'layouts'),
      data: '_data',
      output: settings.outputDir,
    },
    templateFormats: ['njk'],
    htmlTemplateEngine: 'njk',
    pathPrefix: settings.pathPrefix,
  };
}
