import { readFileSync } from 'node:fs';
import path from 'node:path';
import { routes } from '../../src/routes/index.ts';
import { pageUrl, siteFiles } from './checked-sites.ts';

/** Every page type of the portal, as the checks name them. */
export const PAGE_TYPES = [
  'home',
  'article',
  'category',
  'category page 2',
  'tag',
  'tag index',
  'archive',
  'archive month',
  'sitemap page',
  'contact',
  'feedback',
  'thanks',
  'search',
  '404',
] as const;
export type PageType = (typeof PAGE_TYPES)[number];

export interface PageSample {
  type: PageType;
  url: string;
}

/** The hostile fixture article (tests/fixtures/hostile), in the corpus site. */
export const HOSTILE_ARTICLE = routes.article('noi-dung-doc-hai');

/**
 * One page of each type found in a built site: the richest article (lead
 * photo, external link), the first category and tag, a category's page 2
 * where one exists; in the corpus also the hostile article.
 */
export function pageTypeSamples(dir: string): PageSample[] {
  const urls = siteFiles(dir, '.html').map(pageUrl);
  const first = (pattern: RegExp) => urls.find((url) => pattern.test(url));
  const articles = urls.filter((url) => /^\/tin-tuc\/[^/]+\/$/.test(url));
  const html = (url: string) => readFileSync(path.join(dir, url, 'index.html'), 'utf8');
  const richest = articles.find((url) => /<figure/.test(html(url)) && /class="external"/.test(html(url))) ?? articles[0];
  const found: [PageType, string | undefined][] = [
    ['home', routes.home],
    ['article', richest],
    ['article', articles.includes(HOSTILE_ARTICLE) ? HOSTILE_ARTICLE : undefined],
    ['category', first(/^\/chuyen-muc\/[^/]+\/$/)],
    ['category page 2', first(/^\/chuyen-muc\/[^/]+\/trang-2\/$/)],
    ['tag', first(/^\/the\/[^/]+\/$/)],
    ['tag index', routes.tagIndex],
    ['archive', routes.archive],
    ['archive month', first(/^\/luu-tru\/\d{4}\/\d{2}\/$/)],
    ['sitemap page', routes.sitemapPage],
    ['contact', routes.contact],
    ['feedback', routes.feedback],
    ['thanks', routes.feedbackThanks],
    ['search', routes.search],
    ['404', routes.notFound],
  ];
  return found
    .filter((entry): entry is [PageType, string] => entry[1] !== undefined && urls.includes(entry[1]))
    .map(([type, url]) => ({ type, url }));
}
