import type { DateTime } from 'luxon';
import { t, type StringKey } from '../i18n/index.ts';
import type { Portal } from '../portal/index.ts';
import { routes } from '../routes/index.ts';
import { searchScriptStrings } from './search-strings.ts';

/** The Portal's lists that page types are made from, one page per item. */
export type PortalList =
  | 'articles'
  | 'categoryPages'
  | 'tagPages'
  | 'archiveMonths'
  | 'redirectPages'
  | 'staticPages'
  | 'documentListPages'
  | 'documentFacetPages'
  | 'documents';
export type ItemOf<L extends PortalList> = Portal[L][number];

/** How a page's search document is made (src/search/document.ts). */
export type SearchKind = 'article' | 'page' | 'document';

interface PageTypeBase {
  /** Unique name; templates see it as `pageType`. */
  name: string;
  /** Its markup, in layouts/pages/. */
  template: string;
  /**
   * Written as its template alone, without base.njk (header, menu, footer):
   * files such as the feed, and pages of their own such as a redirect.
   */
  bare?: true;
  /** Asks search engines not to index it (<meta name="robots" content="noindex">). */
  noindex?: true;
  /**
   * Where links to it are shown: the header's quick links and the footer's
   * links (at these positions), and the main sections of Sơ đồ trang (in registry order).
   */
  navigation?: { header?: number; footer?: number; siteMap?: true };
  /** Text of the links to it; by default its title. */
  label?: StringKey;
  /** Indexed for the search page, from its item, as this kind of search document. */
  search?: SearchKind;
  /** More data its template reads. */
  data?: () => Record<string, unknown>;
}

/** One page at a fixed URL. */
export interface SinglePageType extends PageTypeBase {
  route: string;
  title?: StringKey;
  description?: StringKey;
  /** Listed in sitemap.xml, dated by the newest update of any article. */
  sitemap?: true;
}

/** One page for each item of a Portal list (Eleventy pagination). */
export interface ListPageType<L extends PortalList = PortalList> extends PageTypeBase {
  items: L;
  /** The item's name in the template. */
  alias: string;
  route: (item: ItemOf<L>) => string;
  title?: (item: ItemOf<L>) => string;
  description?: (item: ItemOf<L>) => string;
  /** Listed in sitemap.xml, dated by this. */
  sitemap?: (item: ItemOf<L>) => DateTime | undefined;
}

export type PageType = SinglePageType | { [L in PortalList]: ListPageType<L> }[PortalList];

/** A page type with one page per item of `items`; a function so the item's type follows from `items`. */
function perItem<L extends PortalList>(items: L, type: Omit<ListPageType<L>, 'items'>): ListPageType<L> {
  return { items, ...type };
}

/**
 * Every page type of the portal, in the order sitemap.xml and Sơ đồ trang
 * list them. Adding a page type: an entry here, its template in
 * layouts/pages/, its strings in src/i18n/strings.ts (see docs/architecture.md).
 */
export const pageTypes: PageType[] = [
  {
    name: 'home',
    template: 'home.njk',
    route: routes.home,
    label: 'home',
    sitemap: true,
    navigation: { header: 1, siteMap: true },
  },
  {
    name: 'search',
    template: 'search.njk',
    route: routes.search,
    title: 'searchTitle',
    description: 'searchDescription',
    data: () => ({ searchStrings: searchScriptStrings() }),
    sitemap: true,
    navigation: { siteMap: true },
  },
  {
    name: 'sitemap',
    template: 'sitemap.njk',
    route: routes.sitemapPage,
    title: 'sitemapTitle',
    description: 'sitemapDescription',
    sitemap: true,
    navigation: { header: 3, footer: 1 },
  },
  {
    name: 'contact',
    template: 'contact.njk',
    route: routes.contact,
    title: 'contactTitle',
    description: 'contactDescription',
    sitemap: true,
    navigation: { header: 4, siteMap: true },
  },
  {
    name: 'feedback',
    template: 'feedback.njk',
    route: routes.feedback,
    title: 'feedbackTitle',
    description: 'feedbackDescription',
    sitemap: true,
    navigation: { header: 2, siteMap: true },
  },
  {
    name: 'tags',
    template: 'tags.njk',
    route: routes.tagIndex,
    title: 'tagIndexTitle',
    description: 'tagIndexDescription',
    sitemap: true,
    navigation: { footer: 3, siteMap: true },
  },
  {
    name: 'archive',
    template: 'archive.njk',
    route: routes.archive,
    title: 'archiveTitle',
    description: 'archiveDescription',
    sitemap: true,
    navigation: { footer: 2, siteMap: true },
  },
  {
    name: 'feed',
    template: 'feed.njk',
    route: routes.feed,
    bare: true,
    label: 'feedLabel',
    navigation: { footer: 4, siteMap: true },
  },
  perItem('articles', {
    name: 'article',
    template: 'article.njk',
    alias: 'article',
    route: (article) => article.url,
    title: (article) => article.title,
    description: (article) => article.summary,
    sitemap: (article) => article.updated,
    search: 'article',
  }),
  perItem('staticPages', {
    name: 'static-page',
    template: 'static-page.njk',
    alias: 'staticPage',
    route: (page) => page.url,
    title: (page) => page.title,
    description: (page) => page.description,
    sitemap: (page) => page.updated,
    search: 'page',
  }),
  perItem('documentListPages', {
    name: 'documents',
    template: 'documents.njk',
    alias: 'listing',
    route: (listing) => listing.url,
    title: (listing) => listing.title,
    description: (listing) => listing.description,
    sitemap: (listing) => listing.lastmod,
  }),
  perItem('documentFacetPages', {
    name: 'document-filter',
    template: 'documents.njk',
    alias: 'listing',
    route: (listing) => listing.url,
    title: (listing) => listing.title,
    description: (listing) => listing.description,
    sitemap: (listing) => listing.lastmod,
  }),
  perItem('documents', {
    name: 'document',
    template: 'document.njk',
    alias: 'officialDocument',
    route: (document) => document.url,
    title: (document) => document.title,
    description: (document) => document.summary,
    sitemap: (document) => document.published,
    search: 'document',
  }),
  perItem('categoryPages', {
    name: 'category',
    template: 'list.njk',
    alias: 'listing',
    route: (listing) => listing.url,
    title: (listing) => listing.title,
    description: (listing) => listing.description,
    sitemap: (listing) => listing.lastmod,
  }),
  perItem('tagPages', {
    name: 'tag',
    template: 'list.njk',
    alias: 'listing',
    route: (listing) => listing.url,
    title: (listing) => listing.title,
    description: (listing) => listing.description,
    sitemap: (listing) => listing.lastmod,
  }),
  perItem('archiveMonths', {
    name: 'archive-month',
    template: 'archive-month.njk',
    alias: 'month',
    route: (month) => month.url,
    title: (month) => month.title,
    description: (month) => `${t('archiveDescription')} ${month.title}`,
    sitemap: (month) => month.lastmod,
  }),
  {
    name: 'feedback-thanks',
    template: 'feedback-thanks.njk',
    route: routes.feedbackThanks,
    title: 'thanksTitle',
    description: 'thanksBody',
    noindex: true,
  },
  {
    name: '404',
    template: '404.njk',
    route: routes.notFound,
    title: 'notFoundTitle',
    description: 'notFoundBody',
    noindex: true,
  },
  { name: 'sitemap-xml', template: 'sitemap-xml.njk', route: routes.sitemapXml, bare: true },
  { name: 'robots', template: 'robots.njk', route: '/robots.txt', bare: true },
  // Not base.njk: it only sends the reader on, and search engines to the new URL.
  perItem('redirectPages', {
    name: 'redirect',
    template: 'redirect.njk',
    alias: 'redirect',
    route: (redirect) => routes.redirect(redirect.from)!,
    bare: true,
  }),
  { name: 'redirects-file', template: 'redirects-file.njk', route: routes.redirectsFile, bare: true },
  { name: 'headers', template: 'headers.njk', route: '/_headers', bare: true },
];
