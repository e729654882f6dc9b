export { documentLines, lineAt, lineTable, loadSiteSettings, siteLines, type LineTable } from './load.ts';
export { missingLegalNotice } from './legal.ts';
export { siteSchema, siteFieldHints, type SiteSettings, type Category, type MenuEntry } from './schema.ts';
