import type { DateTime } from 'luxon';
import type { CheckedSource } from '../content/index.ts';
import type { Problem } from '../problems/index.ts';
import { featuredArticles, TOP_STORIES } from './home.ts';
import type { Portal } from './portal.ts';

/**
 * Warns about each featured article the home page has no room for: the lead
 * and secondary stories hold TOP_STORIES, the rest wait unseen.
 */
export function checkFeatured(checked: CheckedSource[], portal: Portal, now: DateTime, problems: Problem[]): void {
  const featured = featuredArticles(portal.articles, now);
  if (featured.length <= TOP_STORIES) return;
  const shown = featured
    .slice(0, TOP_STORIES)
    .map((a) => `"${a.title}"`)
    .join(', ');
  for (const article of featured.slice(TOP_STORIES)) {
    const source = checked.find((c) => c.article === article)?.source;
    problems.push({
      severity: 'warning',
      file: article.file,
      line: source?.lines(['featured']),
      field: 'featured',
      message: `${featured.length} bài đang nổi bật nhưng trang chủ chỉ có ${TOP_STORIES} chỗ; bài này không được hiện. Đang hiện: ${shown}. Hãy bỏ featured ở bài ít quan trọng hơn, đặt featuredUntil, hoặc dùng featuredOrder để chọn thứ tự`,
    });
  }
}
