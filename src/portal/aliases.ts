import { reservedFolders, routes } from '../routes/index.ts';
import type { MarkdownSource } from '../content/index.ts';
import type { Problem } from '../problems/index.ts';
import type { PageUrls, Portal } from './portal.ts';

/** What an old URL can't contain, since a static host serves it as a file. */
const malformed: [RegExp, string][] = [
  [/\s/, 'có khoảng trắng; hãy thay khoảng trắng bằng dấu gạch ngang hoặc %20 như địa chỉ cũ'],
  [/[?#]/, 'có dấu ? hoặc #; trang tĩnh không chuyển hướng được theo tham số, chỉ ghi phần đường dẫn trước dấu ?'],
  [/\/\.\.?(\/|$)/, 'có đoạn "." hoặc ".."; hãy ghi đường dẫn đầy đủ từ gốc, ví dụ /tin-tuc/ten-cu/'],
  [/\/\//, 'có hai dấu / liền nhau'],
  [/\/\.[^/]/, 'có phần bắt đầu bằng dấu chấm (tệp ẩn), nơi các máy chủ web không phục vụ trang'],
];

/** The file a static host serves at `url`: "/a/" is "/a/index.html". */
function servedFile(url: string): string {
  return url.endsWith('/') ? `${url}index.html` : url;
}

/** "/a/b/index.html" → "/a", "/a/b": the folders a file needs. */
function foldersOf(file: string): string[] {
  const parts = file.split('/').slice(1, -1);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}`);
}

/**
 * Each old URL (`aliases:`) becomes a redirect page, so it must be a plain path
 * that no page of the portal, no other article and no other alias already uses.
 */
export function checkAliases(
  checked: { source: MarkdownSource<{ aliases: string[] }>; url: string; kind?: string }[],
  portal: Portal,
  pageUrls: PageUrls,
  problems: Problem[],
): void {
  // Compared as the files a host serves, so "/x/index.html" is "/x/", and "/feed.xml/cu" can't sit under a file.
  // The redirect pages are the aliases themselves, checked against each other below.
  const pages = new Map([...pageUrls(portal, ['redirect']), routes.publishedList].map((url) => [servedFile(url), url]));
  // What owns each URL, said as "bài <file>", "trang <file>" or "văn bản <file>".
  const articles = new Map(checked.map((entry) => [servedFile(entry.url), `${entry.kind ?? 'bài'} ${entry.source.file}`]));
  const folders: readonly string[] = reservedFolders;
  const seen = new Map<string, string>();

  for (const { source, url } of checked) {
    source.frontMatter.aliases.forEach((alias, index) => {
      const error = (message: string): void => {
        problems.push({
          severity: 'error',
          file: source.file,
          line: source.lines(['aliases', index]),
          field: 'aliases',
          message: `địa chỉ cũ "${alias}" ${message}`,
        });
      };
      const wrong = malformed.find(([pattern]) => pattern.test(alias));
      if (wrong) {
        error(wrong[1]);
        return;
      }
      const target = routes.redirect(alias) ?? alias;
      const file = servedFile(target);
      const owner = articles.get(file);
      const earlier = seen.get(file);
      const page = pages.get(file);
      const under = foldersOf(file).find((folder) => pages.has(folder));
      if (file === servedFile(url)) error('chính là địa chỉ hiện tại của bài này; hãy xóa dòng này');
      else if (owner) error(`trùng với địa chỉ của ${owner}; một địa chỉ chỉ dẫn tới một trang`);
      else if (page) error(`trùng với một trang của cổng thông tin (${page}); không thể dùng làm địa chỉ cũ`);
      else if (under) error(`trùng với tệp ${under} của cổng thông tin (không thể là thư mục); không thể dùng làm địa chỉ cũ`);
      else if (folders.some((folder) => `${target}/`.startsWith(folder)))
        error(`nằm trong thư mục tài nguyên (${folders.join(', ')}) của cổng`);
      else if (earlier)
        error(
          earlier === source.file
            ? 'được ghi hai lần'
            : `đã là địa chỉ cũ của bài ${earlier}; mỗi địa chỉ cũ chỉ chuyển tới một bài`,
        );
      seen.set(file, earlier ?? source.file);
    });
  }
}
