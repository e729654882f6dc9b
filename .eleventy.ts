import { configurePortal, type EleventyConfig } from './src/eleventy/index.ts';
import { buildSettings } from './src/settings/index.ts';

/** npm start (Eleventy's own command, watching): the portal from the PORTAL_* settings. npm run build uses src/publish. */
export default function (eleventyConfig: EleventyConfig) {
  const settings = buildSettings();
  configurePortal(eleventyConfig, { settings });
  return { pathPrefix: settings.pathPrefix };
}
