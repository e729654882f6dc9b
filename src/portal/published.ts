import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { routes } from '../routes/index.ts';
import { nfc } from '../slugs/index.ts';
import type { CheckedSource } from '../content/index.ts';
import type { Problem } from '../problems/index.ts';
import type { Portal } from './portal.ts';

/**
 * What a build published: every URL, and which article was at each article
 * URL, so the next check can tell a renamed article from a deleted one.
 * Written as `published-urls.json` at the root of the built site.
 */
export interface PublishedList {
  pages: string[];
  articles: PublishedArticle[];
  /**
   * URLs earlier builds published that are now neither served nor redirected:
   * carried from build to build, so they are reported until an alias covers them or they are back.
   */
  vanished?: VanishedUrl[];
}

interface PublishedArticle {
  url: string;
  file: string;
  title: string;
}

/** A vanished URL, with the article that was there if it was an article. */
export interface VanishedUrl {
  url: string;
  article?: { file: string; title: string };
}

/** The host's configuration files at the root (/_headers, /_redirects). */
const isHostFile = (url: string) => /^\/_[^/]*$/.test(url);

/**
 * What `previous` published that the portal, with its `pages` (the pages
 * registry's publishedPageUrls), no longer serves or redirects: its lost pages,
 * and what was lost before and still is.
 */
export function vanishedUrls(previous: PublishedList | undefined, pages: string[], portal: Portal): VanishedUrl[] {
  if (!previous) return [];
  const served = new Set([...pages, ...portal.redirects.map((r) => r.from)]);
  const articles = new Map(previous.articles.map((a) => [a.url, { file: a.file, title: a.title }]));
  const vanished = new Map<string, VanishedUrl>();
  for (const entry of previous.vanished ?? []) vanished.set(entry.url, entry);
  // Later pages of a list come and go as articles are added: nobody links to them for their content.
  for (const url of previous.pages.filter((page) => !/\/trang-\d+\/$/.test(page))) {
    const article = articles.get(url);
    vanished.set(url, article ? { url, article } : { url });
  }
  // Lists written before host files were left out name /_headers and /_redirects: they were never pages.
  return [...vanished.values()]
    .filter(({ url }) => !served.has(url) && !isHostFile(url))
    .sort((a, b) => (a.url < b.url ? -1 : 1));
}

/** A file as the list names it: relative to the content folder, "/"-separated, NFC (as typed on any keyboard). */
function listedFile(contentDir: string, file: string): string {
  return nfc(path.relative(contentDir, file).split(path.sep).join('/'));
}

/**
 * The list for `portal`, whose pages are at `pages` (the pages registry's
 * publishedPageUrls: no host files); files are relative to the content folder
 * so the list doesn't depend on where it is. It is published with the site:
 * every URL in it is public already, and a check on another machine can compare with it.
 */
export function publishedList(portal: Portal, pages: string[], contentDir: string, previous?: PublishedList): PublishedList {
  return {
    pages,
    articles: portal.articles
      .map((a) => ({ url: a.url, file: listedFile(contentDir, a.file), title: a.title }))
      .sort((a, b) => (a.url < b.url ? -1 : 1)),
    vanished: vanishedUrls(previous, pages, portal),
  };
}

/** One URL a line, so a warning can point at the line of the list that holds it. */
export function formatPublishedList(list: PublishedList): string {
  const lines = (items: string[]) => items.map((item) => `    ${item}`).join(',\n');
  const section = (name: string, items: unknown[]) =>
    `  "${name}": [${items.length ? `\n${lines(items.map((item) => JSON.stringify(item)))}\n  ` : ''}]`;
  return `{\n${[section('pages', list.pages), section('articles', list.articles), section('vanished', list.vanished ?? [])].join(',\n')}\n}\n`;
}

/** The list a previous build left in `outputDir`, with its text (for line numbers). */
export interface PreviousBuild {
  file: string;
  text: string;
  list: PublishedList;
}

export function publishedListFile(outputDir: string): string {
  return path.join(outputDir, routes.publishedList);
}

/** Reads the list of a previous build; undefined when there is none (first build, fresh clone). */
export function readPublishedList(file: string): PreviousBuild | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  try {
    const list = JSON.parse(text) as PublishedList;
    if (!Array.isArray(list.pages) || !Array.isArray(list.articles)) return undefined;
    if (list.vanished !== undefined && !Array.isArray(list.vanished)) return undefined;
    return { file, text, list };
  } catch {
    return undefined;
  }
}

/**
 * Warns about each URL a previous build published that the portal no longer
 * has and no alias redirects: readers' bookmarks and search engines' links to
 * it would break. A renamed article is found by its file or title; the
 * warning is on that article, else on the address itself.
 */
export function disappearedUrls(
  previous: PreviousBuild,
  pages: string[],
  portal: Portal,
  checked: CheckedSource[],
  contentDir: string,
): Problem[] {
  const problems: Problem[] = [];
  for (const { url, article: was } of vanishedUrls(previous.list, pages, portal)) {
    if (!was) {
      problems.push({
        severity: 'warning',
        file: url,
        message:
          'trang danh sách, trang tĩnh hoặc văn bản này đã xuất bản trước đây nay không còn (chuyên mục, từ khóa hoặc tháng không còn bài nào, hoặc trang, văn bản đã xóa hay đổi tên); nếu nội dung đã chuyển sang địa chỉ khác, hãy thêm địa chỉ cũ vào aliases của bài, trang hoặc văn bản mới',
      });
      continue;
    }
    const fix = `aliases: ["${url}"]`;
    const match =
      checked.find((c) => listedFile(contentDir, c.source.file) === was.file) ??
      checked.find((c) => c.source.frontMatter.title === was.title);
    if (!match) {
      problems.push({
        severity: 'warning',
        file: url,
        message: `bài "${was.title}" (tệp ${was.file}) đã xuất bản ở địa chỉ này nay không còn; nếu bài được đổi tên tệp, hãy thêm ${fix} vào bài mới; nếu cố ý gỡ bài, hãy thêm địa chỉ này vào aliases của một bài hoặc chuyên mục liên quan để người đọc không gặp trang lỗi`,
      });
      continue;
    }
    const { source } = match;
    // An article with errors is reported already, and can't be published anyway.
    if (!match.article) continue;
    if (match.url === url) {
      const [field, why] = source.frontMatter.draft ? ['draft', 'nay là bản nháp'] : ['date', 'nay được hẹn giờ đăng'];
      problems.push({
        severity: 'warning',
        file: source.file,
        line: source.lines([field]),
        field,
        message: `bài này đã xuất bản ở ${url} nhưng ${why}, nên địa chỉ đó sẽ không còn cho tới khi bài được xuất bản lại`,
      });
      continue;
    }
    problems.push({
      severity: 'warning',
      file: source.file,
      line: source.lines(['aliases']),
      field: 'aliases',
      message: `bài này trước đây ở địa chỉ ${url}, nay ở ${match.url}; hãy thêm ${fix} để người đọc theo địa chỉ cũ được chuyển tới bài`,
    });
  }
  return problems;
}
