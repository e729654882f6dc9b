// npm run check: every check the build runs, without building. Prints every
// problem at once and exits 1 if any is an error.
// Options: --previous <published-urls.json> (default: the one in the last build, _site/).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DOCUMENTS_FOLDER, PAGES_FOLDER, articleFiles } from '../src/content/index.ts';
import { inspectSite } from '../src/pages/index.ts';
import { publishedListFile, readPublishedList } from '../src/portal/index.ts';
import { formatProblem } from '../src/problems/index.ts';
import { buildSettings } from '../src/settings/index.ts';

const started = performance.now();
const { values } = parseArgs({ options: { previous: { type: 'string' } } });
const settings = buildSettings();
const previousFile = values.previous ?? publishedListFile(settings.outputDir);
const previous = readPublishedList(previousFile);

const { problems } = await inspectSite({
  contentDir: settings.contentDir,
  now: settings.now,
  showDrafts: settings.showDrafts,
  previous,
});
for (const problem of problems) console.log(formatProblem(problem));

const errors = problems.filter((p) => p.severity === 'error').length;
const count = (folder: string) => articleFiles(path.join(settings.contentDir, folder)).length;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (!previous) console.log(`(Chưa có danh sách địa chỉ của lần dựng trước ở ${previousFile}: bỏ qua kiểm tra địa chỉ bị mất.)`);
console.log(
  `Đã kiểm tra ${count('articles')} bài viết, ${count(PAGES_FOLDER)} trang, ${count(DOCUMENTS_FOLDER)} văn bản trong ${seconds} giây: ${errors} lỗi, ${problems.length - errors} cảnh báo.`,
);
if (errors) {
  console.log('Hãy sửa các lỗi trên: bài có lỗi không thể xuất bản.');
  process.exit(1);
}
