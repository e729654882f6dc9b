export { loadSiteSettings, lineOf } from './load.ts';
export { siteSchema, type SiteSettings, type Category } from './schema.ts';
