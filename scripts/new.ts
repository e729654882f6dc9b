// npm run new -- "Tiêu đề bài viết" [--author "Tên"] [--category slug] [--slug dia-chi]
// Creates content/articles/<year>/<slug>.md dated now (Vietnam time), ready to write.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { NewArticleError, planNewArticle, writeNewArticle } from '../src/authoring/index.ts';
import { buildSettings } from '../src/settings/index.ts';
import { siteFile } from '../src/content/index.ts';
import { ContentError } from '../src/problems/index.ts';
import { loadSiteSettings } from '../src/site/index.ts';

function gitUserName(): string | undefined {
  const result = spawnSync('git', ['config', 'user.name'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() || undefined : undefined;
}

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { author: { type: 'string' }, category: { type: 'string' }, slug: { type: 'string' } },
  });
  const settings = buildSettings();
  const author = values.author ?? gitUserName();
  if (!author)
    throw new NewArticleError(
      'Chưa biết tên tác giả: hãy thêm --author "Tên tác giả" (hoặc đặt tên bằng: git config user.name "Tên tác giả")',
    );
  const article = planNewArticle({
    contentDir: settings.contentDir,
    site: loadSiteSettings(siteFile(settings.contentDir)),
    title: positionals.join(' '),
    author,
    category: values.category,
    slug: values.slug,
    now: settings.now,
  });
  writeNewArticle(article);
  console.log(`Đã tạo ${article.file} (địa chỉ: ${article.url}).`);
  console.log('Mở tệp, viết nội dung bài bên dưới dòng --- cuối, rồi chạy: npm run check (kiểm tra) và npm start (xem trước).');
} catch (error) {
  if (error instanceof NewArticleError || error instanceof ContentError) console.error(error.message);
  else if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
    console.error(`Tham số không hợp lệ: ${(error as Error).message}`);
  else throw error;
  process.exit(1);
}
