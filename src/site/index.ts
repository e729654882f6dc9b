export { loadSiteSettings, lineOf } from './load.ts';
export { missingLegalNotice } from './legal.ts';
export { siteSchema, siteFieldHints, type SiteSettings, type Category } from './schema.ts';
