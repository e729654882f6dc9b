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
  articles: { url: string; file: string; title: string }[];
}

/** A file as the list names it: relative to the content folder, "/"-separated, NFC (as typed on any keyboard). */
function listedFile(contentDir: string, file: string): string {
  return nfc(path.relative(contentDir, file).split(path.sep).join('/'));
}

/**
 * The list for `portal`, whose pages are at `pages` (the pages registry's pageUrls); files are
 * relative to the content folder so the list doesn't depend on where it is.
 */
export function publishedList(portal: Portal, pages: string[], contentDir: string): PublishedList {
  return {
    pages,
    articles: portal.articles
      .map((a) => ({ url: a.url, file: listedFile(contentDir, a.file), title: a.title }))
      .sort((a, b) => (a.url < b.url ? -1 : 1)),
  };
}

/** One URL a line, so a warning can point at the line of the list that holds it. */
export function formatPublishedList(list: PublishedList): string {
  const lines = (items: string[]) => items.map((item) => `    ${item}`).join(',\n');
  return `{\n  "pages": [\n${lines(list.pages.map((url) => JSON.stringify(url)))}\n  ],\n  "articles": [\n${lines(list.articles.map((a) => JSON.stringify(a)))}\n  ]\n}\n`;
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
    return { file, text, list };
  } catch {
    return undefined;
  }
}

/**
 * Warns about each URL the previous build published that the portal no
 * longer has and no alias redirects: readers' bookmarks and search engines'
 * links to it would break. A renamed article is found by its file or title.
 */
export function disappearedUrls(
  previous: PreviousBuild,
  pages: string[],
  checked: CheckedSource[],
  contentDir: string,
): Problem[] {
  const current = new Set(pages);
  const lines = previous.text.split('\n');
  const lineOf = (url: string) => lines.findIndex((line) => line.includes(JSON.stringify(url))) + 1 || undefined;
  const articles = new Map(previous.list.articles.map((a) => [a.url, a]));

  const gone = previous.list.pages.filter((url) => !current.has(url));
  const lists = gone.filter((url) => !articles.has(url));
  const problems: Problem[] = [];
  if (lists.length) {
    // Lists empty out as articles go (a tag, a month): one warning, not one a page.
    const shown = lists.slice(0, 8).join(', ') + (lists.length > 8 ? ` và ${lists.length - 8} trang khác` : '');
    problems.push({
      severity: 'warning',
      file: previous.file,
      line: lineOf(lists[0]),
      field: 'aliases',
      message: `${lists.length} trang đã xuất bản ở lần dựng trước nay không còn (danh sách của chuyên mục, từ khóa hoặc tháng không còn bài nào, hoặc trang tĩnh, văn bản đã xóa hay đổi tên): ${shown}; nếu nội dung đã chuyển sang địa chỉ khác, hãy thêm địa chỉ cũ vào aliases của bài, trang hoặc văn bản mới`,
    });
  }
  for (const url of gone.filter((url) => articles.has(url))) {
    const was = articles.get(url)!;
    const fix = `aliases: ["${url}"]`;
    const match =
      checked.find((c) => listedFile(contentDir, c.source.file) === was.file) ??
      checked.find((c) => c.source.frontMatter.title === was.title);
    if (!match) {
      problems.push({
        severity: 'warning',
        file: previous.file,
        line: lineOf(url),
        field: 'aliases',
        message: `bài "${was.title}" (tệp ${was.file}) đã xuất bản ở ${url} nay không còn; nếu bài được đổi tên tệp, hãy thêm ${fix} vào bài mới; nếu cố ý gỡ bài thì bỏ qua cảnh báo này`,
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
