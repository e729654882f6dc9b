// npm run new -- "Tiêu đề bài viết" [--author "Tên"] [--category slug] [--slug dia-chi]
//   creates content/articles/<year>/<slug>.md dated now (Vietnam time), ready to write;
// npm run new -- --loai trang "Tên trang" [--trong trang-cha] [--slug dia-chi]
//   creates content/pages/[<trang-cha>/]<slug>.md;
// npm run new -- --loai van-ban "Trích yếu" --so "123/QĐ-UBND" --loai-van-ban "Quyết định"
//   creates content/van-ban/<year>/<so-ky-hieu>.md issued today, expecting its PDF next to it.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { NewArticleError, planNewArticle, planNewDocument, planNewPage, writeNewArticle } from '../src/authoring/index.ts';
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
    options: {
      author: { type: 'string' },
      category: { type: 'string' },
      slug: { type: 'string' },
      loai: { type: 'string', default: 'bai-viet' },
      trong: { type: 'string' },
      so: { type: 'string' },
      'loai-van-ban': { type: 'string' },
    },
  });
  const settings = buildSettings();
  const title = positionals.join(' ');
  if (values.loai === 'trang' || values.loai === 'van-ban') {
    const planned =
      values.loai === 'trang'
        ? planNewPage({ contentDir: settings.contentDir, title, slug: values.slug, parent: values.trong })
        : planNewDocument({
            contentDir: settings.contentDir,
            site: loadSiteSettings(siteFile(settings.contentDir)),
            summary: title,
            number: values.so ?? '',
            type: values['loai-van-ban'] ?? '',
            now: settings.now,
          });
    writeNewArticle(planned);
    console.log(`Đã tạo ${planned.file} (địa chỉ: ${planned.url}).`);
    console.log(
      values.loai === 'van-ban'
        ? 'Chép tệp văn bản (PDF) vào cạnh tệp vừa tạo, điền các trường còn lại, rồi chạy: npm run check và npm start.'
        : 'Mở tệp, viết nội dung trang bên dưới dòng --- cuối, rồi chạy: npm run check (kiểm tra) và npm start (xem trước).',
    );
    process.exit(0);
  }
  if (values.loai !== 'bai-viet')
    throw new NewArticleError(`--loai "${values.loai}" không hợp lệ; chỉ được dùng: bai-viet (mặc định), trang, van-ban`);
  const author = values.author ?? gitUserName();
  if (!author)
    throw new NewArticleError(
      'Chưa biết tên tác giả: hãy thêm --author "Tên tác giả" (hoặc đặt tên bằng: git config user.name "Tên tác giả")',
    );
  const article = planNewArticle({
    contentDir: settings.contentDir,
    site: loadSiteSettings(siteFile(settings.contentDir)),
    title,
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
