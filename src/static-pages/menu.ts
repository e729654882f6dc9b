import type { Problem } from '../problems/index.ts';
import { routes } from '../routes/index.ts';
import type { SiteSettings } from '../site/index.ts';
import { byOrder, type StaticPage } from './build.ts';

/** A link of the main menu or the footer, resolved to its URL. */
export interface MenuLink {
  label: string;
  url: string;
  external: boolean;
}

export interface Navigation {
  main: MenuLink[];
  footer: MenuLink[];
}

const EXTERNAL = /^(https?:)?\/\//i;

/**
 * The main menu of site.yaml with its references resolved (`page:` a static
 * page's path, `category:` a category's slug), followed by the pages that ask
 * for it (`menu: main`); and the footer's pages (`menu: footer`). A reference
 * to nothing is an error on its line of site.yaml; one to an unpublished page
 * is left out with a warning. Internal `url:` entries are checked with the
 * portal's URLs (checkMenuUrls).
 */
export function resolveNavigation(
  site: SiteSettings,
  siteFile: string,
  lines: (path: (string | number)[]) => number | undefined,
  { all, visible }: { all: Set<string>; visible: StaticPage[] },
  problems: Problem[],
): Navigation {
  const pages = new Map(visible.map((page) => [page.path, page]));
  const categories = new Map(site.categories.map((c) => [c.slug, c]));
  const main: MenuLink[] = [];
  site.menu.forEach((entry, index) => {
    const at = (field: string) => ({ file: siteFile, line: lines(['menu', index, field]), field: `menu.${index}.${field}` });
    if (entry.page !== undefined) {
      const path = entry.page.replace(/^\/+|\/+$/g, '');
      const page = pages.get(path);
      if (page) main.push({ label: entry.label, url: page.url, external: false });
      else if (all.has(path))
        problems.push({
          severity: 'warning',
          ...at('page'),
          message: `trang "${entry.page}" chưa xuất bản (bản nháp hoặc hẹn giờ) nên chưa hiện trên menu`,
        });
      else
        problems.push({
          severity: 'error',
          ...at('page'),
          message: `không có trang "${entry.page}"; page là đường dẫn của tệp trong content/pages/ không có .md, ví dụ: gioi-thieu hoặc gioi-thieu/lich-su; các trang hiện có: ${[...all].join(', ') || '(chưa có)'}`,
        });
    } else if (entry.category !== undefined) {
      const category = categories.get(entry.category);
      if (category) main.push({ label: entry.label, url: routes.category(category.slug), external: false });
      else
        problems.push({
          severity: 'error',
          ...at('category'),
          message: `không có chuyên mục "${entry.category}"; chỉ được dùng: ${[...categories.keys()].join(', ')}`,
        });
    } else if (entry.url !== undefined) {
      main.push({ label: entry.label, url: entry.url, external: EXTERNAL.test(entry.url) });
    }
  });
  const listed = new Set(main.map((link) => link.url));
  const asking = (placement: 'main' | 'footer') =>
    visible
      .filter((page) => page.menu === placement && !listed.has(page.url))
      .sort(byOrder)
      .map((page) => ({ label: page.title, url: page.url, external: false }));
  return { main: [...main, ...asking('main')], footer: asking('footer') };
}

/** `url:` entries of the main menu that point inside the portal must reach one of its pages. */
export function checkMenuUrls(
  site: SiteSettings,
  siteFile: string,
  lines: (path: (string | number)[]) => number | undefined,
  urls: Set<string>,
  problems: Problem[],
): void {
  site.menu.forEach((entry, index) => {
    const url = entry.url;
    if (url === undefined || EXTERNAL.test(url) || /^(mailto|tel):/i.test(url)) return;
    const bare = url.split(/[?#]/)[0];
    if (urls.has(bare) || urls.has(`${bare}/`)) return;
    problems.push({
      severity: 'error',
      file: siteFile,
      line: lines(['menu', index, 'url']),
      field: `menu.${index}.url`,
      message: `mục menu "${entry.label}" trỏ tới ${url}, không có trang nào ở địa chỉ này; hãy dùng page: (trang tĩnh), category: (chuyên mục) hoặc sửa url`,
    });
  });
}
