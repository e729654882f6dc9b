/**
 * Static pages (content/pages/): one Markdown file per page, nested by
 * folder, placed in the main menu or the footer by their front matter.
 */
export { pageContract, pageFieldHints, pageFieldLabels, pageFrontMatterSchema, type PageFrontMatter } from './schema.ts';
export {
  buildStaticPages,
  byOrder,
  pagePath,
  pageTree,
  type CheckedPage,
  type PageSource,
  type StaticPage,
} from './build.ts';
export { checkMenuUrls, resolveNavigation, type MenuLink, type Navigation } from './menu.ts';
export { checkPageUrls } from './reserved.ts';
