import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DateTime } from 'luxon';
import { DOCUMENTS_FOLDER, PAGES_FOLDER } from '../content/index.ts';
import { articleFiles } from '../content/index.ts';
import { VIETNAM_ZONE } from '../dates/index.ts';
import { documentFieldHints, documentFrontMatterSchema, numberKey } from '../documents/index.ts';
import { routes } from '../routes/index.ts';
import type { SiteSettings } from '../site/index.ts';
import { nfc, slugify, titleSlug } from '../slugs/index.ts';
import { pageFieldHints, pageFrontMatterSchema, pagePath } from '../static-pages/index.ts';
import { NewArticleError, type NewArticle } from './new-file.ts';

/** The commented hints for every field not filled in. */
function hints(shape: Record<string, unknown>, filled: string[], text: Record<string, string>): string[] {
  return Object.keys(shape)
    .filter((field) => !filled.includes(field))
    .map((field) => `# ${field}: ${text[field]}`);
}

export interface NewPageOptions {
  contentDir: string;
  title: string;
  /** The URL's last part; from the title when missing. */
  slug?: string;
  /** The parent page's path ("gioi-thieu"): the new page goes under it. */
  parent?: string;
}

/** Plans content/pages/[<parent>/]<slug>.md; refuses a parent that doesn't exist or a URL already taken. */
export function planNewPage({ contentDir, title: rawTitle, slug: rawSlug, parent }: NewPageOptions): NewArticle {
  const title = nfc(rawTitle).trim();
  if (!title)
    throw new NewArticleError(
      'Thiếu tiêu đề. Cách dùng: npm run new -- --loai trang "Tên trang" [--trong trang-cha] [--slug dia-chi]',
    );
  const slug = rawSlug ? slugify(rawSlug) : titleSlug(title);
  if (!slug) throw new NewArticleError(`Không tạo được địa chỉ từ tiêu đề "${title}"; hãy đặt địa chỉ bằng --slug ten-trang`);
  const pagesDir = path.join(contentDir, PAGES_FOLDER);
  const paths = new Map(articleFiles(pagesDir).map((file) => [pagePath(pagesDir, file), file]));
  const parentPath = parent?.replace(/^\/+|\/+$/g, '');
  if (parentPath && !paths.has(parentPath))
    throw new NewArticleError(
      `Không có trang cha "${parentPath}"; các trang hiện có: ${[...paths.keys()].join(', ') || '(chưa có)'}`,
    );
  const at = parentPath ? `${parentPath}/${slug}` : slug;
  const owner = paths.get(at);
  if (owner)
    throw new NewArticleError(
      `Địa chỉ ${routes.staticPage(at)} đã được trang ${owner} dùng; hãy chọn địa chỉ khác bằng --slug ten-khac`,
    );
  const text = [
    '---',
    '# Phần thông tin đầu trang. Dòng bắt đầu bằng # là ghi chú: bỏ dấu # để dùng trường đó.',
    `title: ${JSON.stringify(title)}`,
    ...hints(pageFrontMatterSchema.shape, ['title'], pageFieldHints),
    '---',
    '',
  ].join('\n');
  return { file: path.join(pagesDir, `${at}.md`), url: routes.staticPage(at), text };
}

export interface NewDocumentOptions {
  contentDir: string;
  site: SiteSettings;
  /** Trích yếu. */
  summary: string;
  /** Số, ký hiệu: "123/QĐ-UBND". */
  number: string;
  /** One of site.documentTypes. */
  type: string;
  now: DateTime;
}

/** Plans content/van-ban/<year>/<number>.md, issued today, its PDF expected next to it. */
export function planNewDocument({
  contentDir,
  site,
  summary: rawSummary,
  number: rawNumber,
  type,
  now,
}: NewDocumentOptions): NewArticle {
  const usage = 'Cách dùng: npm run new -- --loai van-ban "Trích yếu văn bản" --so "123/QĐ-UBND" --loai-van-ban "Quyết định"';
  const summary = nfc(rawSummary).trim();
  const number = nfc(rawNumber).trim();
  if (!summary) throw new NewArticleError(`Thiếu trích yếu. ${usage}`);
  if (!number) throw new NewArticleError(`Thiếu số ký hiệu (--so). ${usage}`);
  const known = site.documentTypes.find((name) => slugify(name) === slugify(type));
  if (!known)
    throw new NewArticleError(
      `Loại văn bản "${type}" không có trong documentTypes của site.yaml; chỉ được dùng: ${site.documentTypes.join(', ')}`,
    );
  const slug = numberKey(number);
  const file = path.join(contentDir, DOCUMENTS_FOLDER, String(now.setZone(VIETNAM_ZONE).year), `${slug}.md`);
  if (existsSync(file)) throw new NewArticleError(`Tệp ${file} đã có; số ký hiệu "${number}" đã được dùng`);
  const filled = ['so_ky_hieu', 'loai', 'co_quan_ban_hanh', 'ngay_ban_hanh', 'trich_yeu', 'tep'];
  const text = [
    '---',
    '# Phần thông tin văn bản. Dòng bắt đầu bằng # là ghi chú: bỏ dấu # để dùng trường đó.',
    `so_ky_hieu: ${JSON.stringify(number)}`,
    `loai: ${known}`,
    `# Các loại văn bản: ${site.documentTypes.join(', ')}`,
    `co_quan_ban_hanh: ${JSON.stringify(site.agency.name)}`,
    `ngay_ban_hanh: "${now.setZone(VIETNAM_ZONE).toISODate()}"`,
    `trich_yeu: ${JSON.stringify(summary)}`,
    `# Chép tệp văn bản vào cạnh tệp này với tên ${slug}.pdf (hoặc sửa dòng dưới).`,
    `tep: ./${slug}.pdf`,
    ...hints(documentFrontMatterSchema.shape, filled, documentFieldHints),
    '---',
    '',
  ].join('\n');
  return { file, url: routes.document(slug), text };
}
