export { loadSiteSettings, lineOf } from './load.ts';
export { siteSchema, siteFieldHints, type SiteSettings, type Category } from './schema.ts';
