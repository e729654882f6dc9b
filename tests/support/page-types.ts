import { readFileSync } from 'node:fs';
import { parseVietnamDate } from '../../src/dates/index.ts';
import { loadSite, pageTypes, pageUrlsByType } from '../../src/pages/index.ts';
import { routes } from '../../src/routes/index.ts';
import { pageFile, type CheckedSite } from './checked-sites.ts';

/** The pages readers browse: every page type of the registry (src/pages) shown in base.njk, and a list's second page. */
export const PAGE_TYPES = [...pageTypes.filter((type) => !type.bare).map((type) => type.name), 'category page 2'];
export type PageType = string;

export interface PageSample {
  type: PageType;
  url: string;
}

/** The hostile fixture article (tests/fixtures/hostile), in the corpus site. */
export const HOSTILE_ARTICLE = routes.article('noi-dung-doc-hai');

/**
 * One page of each type of a built site, found through the registry: the
 * richest article (lead photo, external link), the first page of every other
 * type, a category's page 2 where one exists; in the corpus also the hostile article.
 */
export async function pageTypeSamples(site: Pick<CheckedSite, 'dir' | 'contentDir' | 'now'>): Promise<PageSample[]> {
  const { portal } = await loadSite({ contentDir: site.contentDir, now: parseVietnamDate(site.now)! });
  const urls = pageUrlsByType(portal);
  const html = (url: string) => readFileSync(pageFile(site.dir, url), 'utf8');
  const samples: PageSample[] = [];
  for (const name of PAGE_TYPES) {
    const written = urls.get(name) ?? [];
    if (name === 'article') {
      const richest = written.find((url) => /<figure/.test(html(url)) && /class="external"/.test(html(url))) ?? written[0];
      samples.push({ type: name, url: richest });
      if (written.includes(HOSTILE_ARTICLE)) samples.push({ type: name, url: HOSTILE_ARTICLE });
    } else if (name === 'category page 2') {
      const second = urls.get('category')!.find((url) => url === routes.category(url.split('/')[2], 2));
      if (second) samples.push({ type: name, url: second });
    } else if (written.length) samples.push({ type: name, url: written[0] });
  }
  return samples;
}
