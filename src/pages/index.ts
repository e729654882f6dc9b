/**
 * The pages: one registry of page types (registry.ts), and what derives from
 * it: the site's URLs, sitemap.xml, the navigation, the searchable pages.
 */
import { inspectContent, loadContent, type LoadOptions } from '../portal/index.ts';
import { pageUrls } from './links.ts';

export { pageTypes, type ItemOf, type ListPageType, type PageType, type PortalList, type SinglePageType } from './registry.ts';
export {
  navigation,
  pageUrls,
  pageUrlsByType,
  publishedPageUrls,
  searchablePages,
  sitemapEntries,
  type NavigationLink,
  type SearchablePage,
  type SitemapEntry,
} from './links.ts';
export { searchScriptStrings, type SearchScriptStrings } from './search-strings.ts';

type SiteOptions = Omit<LoadOptions, 'pageUrls'>;

/** Runs every check on the content against the pages this registry writes (npm run check, every build). */
export function inspectSite(options: SiteOptions) {
  return inspectContent({ ...options, pageUrls });
}

/** Reads, checks and computes the portal; throws a ContentError when anything can't be published. */
export function loadSite(options: SiteOptions) {
  return loadContent({ ...options, pageUrls });
}
