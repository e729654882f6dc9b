import type { DateTime } from 'luxon';
import type { Article } from '../content/index.ts';
import { isoWithOffset } from '../dates/index.ts';
import type { OfficialDocument } from '../documents/index.ts';
import type { StaticPage } from '../static-pages/index.ts';
import { t } from '../i18n/index.ts';
import type { Portal } from '../portal/index.ts';
import { pageTypes, type ListPageType, type PageType } from './registry.ts';

/** What the registry knows about each page a type writes: its URL and its item. */
interface Written {
  url: string;
  item?: unknown;
}

/** By portal and type, made once: the content checks and the build ask for the URLs several times (23,000 at 20,000 articles). */
const made = new WeakMap<Portal, Map<PageType, Written[]>>();

function written(type: PageType, portal: Portal): Written[] {
  const byType = made.get(portal) ?? new Map<PageType, Written[]>();
  made.set(portal, byType);
  let pages = byType.get(type);
  if (!pages) {
    const list = type as ListPageType;
    pages =
      'items' in type ? (portal[list.items] as never[]).map((item) => ({ url: list.route(item), item })) : [{ url: type.route }];
    byType.set(type, pages);
  }
  return pages;
}

/** The URLs each page type writes for `portal`, by page type name (in registry order). */
export function pageUrlsByType(portal: Portal): Map<string, string[]> {
  return new Map(pageTypes.map((type) => [type.name, written(type, portal).map((page) => page.url)]));
}

/**
 * Every URL the page types write for `portal`, sorted: what the link check
 * knows exists and what the build records as published. `except` leaves out
 * page types by name.
 */
export function pageUrls(portal: Portal, except: string[] = []): string[] {
  return pageTypes
    .filter(({ name }) => !except.includes(name))
    .flatMap((type) => written(type, portal).map((page) => page.url))
    .sort();
}

/** The pages readers get, for the published list: every URL but the host's configuration files (_headers, _redirects). */
export function publishedPageUrls(portal: Portal): string[] {
  return pageUrls(portal, ['redirects-file', 'headers']);
}

export interface SitemapEntry {
  url: string;
  lastmod: DateTime;
}

/** sitemap.xml: every page of the types listed in it, with its last modification. */
export function sitemapEntries(portal: Portal): SitemapEntry[] {
  return pageTypes.flatMap((type) => {
    if (!type.sitemap) return [];
    if (!('items' in type)) return [{ url: type.route, lastmod: portal.updated }];
    const lastmod = type.sitemap as (item: never) => DateTime | undefined;
    // Undated (a static page with neither date nor modified): as the single pages, the portal's last change.
    return written(type, portal).map(({ url, item }) => ({ url, lastmod: lastmod(item as never) ?? portal.updated }));
  });
}

export interface NavigationLink {
  url: string;
  label: string;
}

function links(place: 'header' | 'footer' | 'siteMap'): NavigationLink[] {
  const listed = pageTypes.filter((type) => type.navigation?.[place] !== undefined);
  if (place !== 'siteMap') listed.sort((a, b) => Number(a.navigation![place]) - Number(b.navigation![place]));
  return listed.map((type) => {
    if ('items' in type) throw new Error(`Trang "${type.name}" có nhiều trang, không thể đặt vào thanh điều hướng`);
    const label = type.label ?? type.title;
    if (!label) throw new Error(`Trang "${type.name}" cần label hoặc title để làm liên kết`);
    return { url: type.route, label: t(label) };
  });
}

/** The links of the header, the footer and Sơ đồ trang's main sections, as the registry places them. */
export function navigation(): Record<'header' | 'footer' | 'siteMap', NavigationLink[]> {
  return { header: links('header'), footer: links('footer'), siteMap: links('siteMap') };
}

/** A page the search index holds, with what its search document is made from. */
export type SearchablePage =
  | { kind: 'article'; url: string; article: Article }
  /**
   * `date`: its last update, or for a page with no date at all the portal's (its newest article's), as
   * sitemap.xml gives it: never the build's clock, which would make every scheduled build index it again.
   */
  | { kind: 'page'; url: string; page: StaticPage; date: string }
  | { kind: 'document'; url: string; document: OfficialDocument };

/** Every page of the types that are searchable. */
export function searchablePages(portal: Portal): SearchablePage[] {
  return pageTypes.flatMap((type): SearchablePage[] => {
    const pages = written(type, portal);
    switch (type.search) {
      case 'article':
        return pages.map(({ url, item }) => ({ kind: 'article', url, article: item as Article }));
      case 'page':
        return pages.map(({ url, item }) => {
          const page = item as StaticPage;
          return { kind: 'page', url, page, date: page.updatedIso ?? isoWithOffset(portal.updated) };
        });
      case 'document':
        return pages.map(({ url, item }) => ({ kind: 'document', url, document: item as OfficialDocument }));
      default:
        return [];
    }
  });
}
