import type { Problem } from '../problems/index.ts';
import { reservedFolders } from '../routes/index.ts';
import type { CheckedPage } from './build.ts';

/**
 * A static page's URL comes from its file name, so it may land on a URL the
 * portal already uses: an article's or a document's (`owners`: URL → "bài
 * <file>"), or one of the portal's own pages (a category, /lien-he/, /van-ban/).
 * Each is an error naming both. Old URLs (aliases) are checked by checkAliases.
 */
export function checkPageUrls(
  pages: CheckedPage[],
  owners: Map<string, string>,
  portalPages: Set<string>,
  problems: Problem[],
): void {
  for (const { source, url } of pages) {
    const owner = owners.get(url);
    const folder = reservedFolders.find((prefix) => url.startsWith(prefix));
    const clash = owner
      ? `trùng với địa chỉ của ${owner}`
      : folder
        ? `nằm trong thư mục ${folder} mà cổng dùng cho tệp của mình`
        : portalPages.has(url)
          ? 'trùng với một trang có sẵn của cổng thông tin (chuyên mục, danh sách văn bản, liên hệ…)'
          : undefined;
    if (!clash) continue;
    problems.push({
      severity: 'error',
      file: source.file,
      line: 1,
      message: `địa chỉ ${url} của trang này (lấy từ tên tệp) ${clash}; hãy đổi tên tệp hoặc thư mục`,
    });
  }
}
