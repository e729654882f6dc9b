import { t } from '../i18n/index.ts';
import type { ListPageType, PageType } from '../pages/index.ts';
import type { PageData } from './config.ts';

/**
 * A page type of the registry as Eleventy's data for its template: permalink, pagination, layout, title.
 * `renders` says which of its pages this build writes.
 */
export function pageData(type: PageType, renders: (url: string) => boolean = () => true): Record<string, unknown> {
  const data: Record<string, unknown> = {
    pageType: type.name,
    eleventyExcludeFromCollections: true,
    ...(type.bare ? {} : { layout: 'base.njk' }),
    ...(type.noindex ? { noindex: true } : {}),
    ...type.data?.(),
  };
  if (!('items' in type)) {
    return {
      ...data,
      permalink: type.route,
      ...(type.title ? { title: t(type.title) } : {}),
      ...(type.description ? { description: t(type.description) } : {}),
    };
  }
  const { items, alias, route, title, description } = type as ListPageType;
  const item = (page: PageData) => page[alias] as never;
  const computed: Record<string, (page: PageData) => unknown> = {};
  if (title) computed.title = (page) => title(item(page));
  if (description) computed.description = (page) => description(item(page));
  return {
    ...data,
    // An incremental build leaves out the pages it keeps from the previous one (src/incremental).
    pagination: { data: `portal.${items}`, size: 1, alias, before: (list: never[]) => list.filter((i) => renders(route(i))) },
    permalink: (page: PageData) => route(item(page)),
    ...(Object.keys(computed).length ? { eleventyComputed: computed } : {}),
  };
}

/** One page of `type` (for a list type, the page of `item`) as Eleventy's data cascade gives it to its template. */
export function pageOf(type: PageType, item?: unknown): { url: string; data: PageData } {
  const { pagination, permalink, eleventyComputed, ...data } = pageData(type);
  if (!pagination) return { url: permalink as string, data: { ...data, page: { url: permalink } } };
  const page: PageData = { ...data, [(type as ListPageType).alias]: item };
  for (const [name, compute] of Object.entries((eleventyComputed ?? {}) as Record<string, (page: PageData) => unknown>))
    page[name] = compute(page);
  const url = (permalink as (page: PageData) => string)(page);
  return { url, data: { ...page, page: { url } } };
}
