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
];

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
  // The redirect pages are the aliases themselves, checked against each other below.
  const pages = new Set([...pageUrls(portal, ['redirect']), routes.publishedList]);
  // What owns each URL, said as "bài <file>", "trang <file>" or "văn bản <file>".
  const articles = new Map(checked.map((entry) => [entry.url, `${entry.kind ?? 'bài'} ${entry.source.file}`]));
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
      const owner = articles.get(target);
      const earlier = seen.get(target);
      if (target === url) error('chính là địa chỉ hiện tại của bài này; hãy xóa dòng này');
      else if (owner) error(`trùng với địa chỉ của ${owner}; một địa chỉ chỉ dẫn tới một trang`);
      else if (pages.has(target)) error(`trùng với một trang của cổng thông tin (${target}); không thể dùng làm địa chỉ cũ`);
      else if (folders.some((folder) => target.startsWith(folder)))
        error(`nằm trong thư mục tài nguyên (${folders.join(', ')}) của cổng`);
      else if (earlier)
        error(
          earlier === source.file
            ? 'được ghi hai lần'
            : `đã là địa chỉ cũ của bài ${earlier}; mỗi địa chỉ cũ chỉ chuyển tới một bài`,
        );
      seen.set(target, earlier ?? source.file);
    });
  }
}
