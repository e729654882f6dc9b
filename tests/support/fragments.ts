import { existsSync, readFileSync } from 'node:fs';
import * as cheerio from 'cheerio';
import { pageFile, pageUrl, siteFiles } from './checked-sites.ts';

const LOCAL = 'http://site.invalid';

/**
 * Every `#fragment` link inside a built site whose target page has no element
 * with that id (or `<a name>`). linkinator checks fragments too, but only on
 * pages it fetches after seeing the link, so a link back to a page it has
 * already crawled goes unchecked; this reads every page.
 */
export function brokenFragments(dir: string): string[] {
  const ids = new Map<string, Set<string> | null>();
  const idsOf = (url: string): Set<string> | null => {
    if (!ids.has(url)) {
      const file = pageFile(dir, url);
      if (!existsSync(file) || !file.endsWith('.html')) ids.set(url, null);
      else {
        const $ = cheerio.load(readFileSync(file, 'utf8'));
        ids.set(
          url,
          new Set([
            ...$('[id]')
              .map((_, el) => $(el).attr('id'))
              .get(),
            ...$('a[name]')
              .map((_, el) => $(el).attr('name'))
              .get(),
          ]),
        );
      }
    }
    return ids.get(url)!;
  };

  const broken: string[] = [];
  for (const file of siteFiles(dir, '.html')) {
    const from = pageUrl(file);
    const $ = cheerio.load(readFileSync(pageFile(dir, from), 'utf8'));
    $('a[href], area[href]').each((_, el) => {
      const href = $(el).attr('href')!;
      if (!href.includes('#')) return;
      const target = new URL(href, `${LOCAL}${from}`);
      if (target.origin !== LOCAL) return;
      const fragment = decodeURIComponent(target.hash.slice(1));
      // "#" and "#top" scroll to the top of any page (HTML's "indicated part of the document").
      if (fragment === '' || fragment.toLowerCase() === 'top') return;
      const known = idsOf(target.pathname);
      if (known && !known.has(fragment)) broken.push(`${from} → ${href}`);
    });
  }
  return broken;
}
