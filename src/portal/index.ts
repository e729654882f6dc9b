/**
 * The portal: everything that holds across articles. Which articles readers
 * see, the lists the layouts show (categories, tags, archive, related
 * articles), computed once, and the checks that need every article: old URLs,
 * links between articles, URLs a previous build published.
 */
export {
  PAGE_SIZE,
  Portal,
  isPublished,
  pageWindow,
  type ArchiveMonth,
  type CategorySection,
  type ListPage,
  type PageLink,
  type PageUrls,
  type Redirect,
  type TagSection,
} from './portal.ts';
export { RelatedIndex } from './related.ts';
export { featuredArticles, isFeatured, topStories, TOP_STORIES, type HomePage, type CategoryBlock } from './home.ts';
export { inspectContent, loadContent, type Inspection, type LoadOptions, type LoadedContent } from './load.ts';
export {
  formatPublishedList,
  publishedList,
  publishedListFile,
  readPublishedList,
  type PreviousBuild,
  type PublishedList,
} from './published.ts';
