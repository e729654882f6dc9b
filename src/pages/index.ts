import type { Article } from '../content/index.ts';
import type { ArchiveMonth, ListPage, Portal, Redirect } from '../collections/index.ts';
import { t } from '../i18n/index.ts';
import { routes } from '../routes/index.ts';
import { searchScriptStrings } from '../search/index.ts';
import type { PageData } from '../eleventy/config.ts';

/** A page type: its layout file in layouts/pages/ and its Eleventy data. */
export interface PageDefinition {
  /** Unique name of the page type (Eleventy's virtual template path). */
  name: string;
  template: string;
  data: Record<string, unknown>;
}

const base = { layout: 'base.njk', eleventyExcludeFromCollections: true };

function paginated<T>(
  key: string,
  alias: string,
  url: (item: T) => string,
  computed: Record<string, (data: PageData) => unknown>,
) {
  return {
    ...base,
    pagination: { data: key, size: 1, alias },
    permalink: (data: PageData) => url(data[alias] as T),
    eleventyComputed: computed,
  };
}

/** Every page type of the portal; layouts/pages/<template> holds its markup. */
export const pages: PageDefinition[] = [
  { name: 'home', template: 'home.njk', data: { ...base, permalink: routes.home, pageKind: 'home' } },
  {
    name: 'article',
    template: 'article.njk',
    data: paginated<Article>('portal.articles', 'article', (a) => a.url, {
      title: (data) => data.article.title,
      description: (data) => data.article.summary,
      pageKind: () => 'article',
    }),
  },
  {
    name: 'category',
    template: 'list.njk',
    data: paginated<ListPage>('portal.categoryPages', 'listing', (p) => p.url, {
      title: (data) => data.listing.title,
      description: (data) => data.listing.description,
      pageKind: () => 'category',
    }),
  },
  {
    name: 'tag',
    template: 'list.njk',
    data: paginated<ListPage>('portal.tagPages', 'listing', (p) => p.url, {
      title: (data) => data.listing.title,
      description: (data) => data.listing.description,
      pageKind: () => 'tag',
    }),
  },
  {
    name: 'archive-month',
    template: 'archive-month.njk',
    data: paginated<ArchiveMonth>('portal.archiveMonths', 'month', (m) => m.url, {
      title: (data) => data.month.title,
      description: (data) => `${t('archiveDescription')} ${data.month.title}`,
      pageKind: () => 'archive',
    }),
  },
  {
    name: 'tags',
    template: 'tags.njk',
    data: { ...base, permalink: routes.tagIndex, title: t('tagIndexTitle'), description: t('tagIndexDescription') },
  },
  {
    name: 'archive',
    template: 'archive.njk',
    data: { ...base, permalink: routes.archive, title: t('archiveTitle'), description: t('archiveDescription') },
  },
  {
    name: 'sitemap',
    template: 'sitemap.njk',
    data: { ...base, permalink: routes.sitemapPage, title: t('sitemapTitle'), description: t('sitemapDescription') },
  },
  {
    name: 'contact',
    template: 'contact.njk',
    data: { ...base, permalink: routes.contact, title: t('contactTitle'), description: t('contactDescription') },
  },
  {
    name: 'feedback',
    template: 'feedback.njk',
    data: { ...base, permalink: routes.feedback, title: t('feedbackTitle'), description: t('feedbackDescription') },
  },
  {
    name: 'feedback-thanks',
    template: 'feedback-thanks.njk',
    data: { ...base, permalink: routes.feedbackThanks, title: t('thanksTitle'), description: t('thanksBody'), noindex: true },
  },
  {
    name: 'search',
    template: 'search.njk',
    data: {
      ...base,
      permalink: routes.search,
      title: t('searchTitle'),
      description: t('searchDescription'),
      searchStrings: searchScriptStrings(),
    },
  },
  {
    name: '404',
    template: '404.njk',
    data: { ...base, permalink: routes.notFound, title: t('notFoundTitle'), description: t('notFoundBody'), noindex: true },
  },
  { name: 'feed', template: 'feed.njk', data: { permalink: routes.feed, eleventyExcludeFromCollections: true } },
  {
    name: 'sitemap-xml',
    template: 'sitemap-xml.njk',
    data: { permalink: routes.sitemapXml, eleventyExcludeFromCollections: true },
  },
  { name: 'robots', template: 'robots.njk', data: { permalink: '/robots.txt', eleventyExcludeFromCollections: true } },
  {
    // A page of its own, not base.njk: it only sends the reader on, and search engines to the new URL.
    name: 'redirect',
    template: 'redirect.njk',
    data: {
      eleventyExcludeFromCollections: true,
      pagination: { data: 'portal.redirectPages', size: 1, alias: 'redirect' },
      permalink: (data: PageData) => routes.redirect((data.redirect as Redirect).from)!,
    },
  },
  {
    name: 'redirects-file',
    template: 'redirects-file.njk',
    data: { permalink: routes.redirectsFile, eleventyExcludeFromCollections: true },
  },
  { name: 'headers', template: 'headers.njk', data: { permalink: '/_headers', eleventyExcludeFromCollections: true } },
];

/**
 * Every URL the page types above write for `portal`, sorted: what the link
 * check knows exists and what the build records as published. `except`
 * leaves out page types by name.
 */
export function pageUrls(portal: Portal, except: string[] = []): string[] {
  return pages
    .filter(({ name }) => !except.includes(name))
    .flatMap(({ data }) => {
      const { pagination, permalink } = data as {
        pagination?: { data: string; alias: string };
        permalink: string | ((data: PageData) => string);
      };
      if (typeof permalink === 'string' || !pagination) return [permalink as string];
      // 'portal.articles' → portal.articles
      const items = pagination.data
        .split('.')
        .slice(1)
        .reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], portal) as unknown[];
      return items.map((item) => permalink({ [pagination.alias]: item }));
    })
    .sort();
}
