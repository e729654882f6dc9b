import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { DateTime } from 'luxon';
import { parse } from 'yaml';
import { FRONT_MATTER, articleFiles, articlesDir, fieldHints, frontMatterSchema, siteFile } from '../content/index.ts';
import { isoWithOffset, VIETNAM_ZONE } from '../dates/index.ts';
import { routes } from '../routes/index.ts';
import type { SiteSettings } from '../site/index.ts';
import { nfc, slugify, titleSlug } from '../slugs/index.ts';

import { NewArticleError, type NewArticle } from './new-file.ts';

export { NewArticleError, type NewArticle } from './new-file.ts';
export { planNewDocument, planNewPage, type NewDocumentOptions, type NewPageOptions } from './pages.ts';

export interface NewArticleOptions {
  contentDir: string;
  site: SiteSettings;
  title: string;
  author: string;
  /** A category slug; the site's default when missing. */
  category?: string;
  /** The URL's last part; from the title when missing. */
  slug?: string;
  now: DateTime;
}

/**
 * Article URL → the file that already uses it: by its file name, its `slug:`
 * or one of its `aliases:`. Files with errors count too (read leniently).
 */
export function usedUrls(contentDir: string): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of articleFiles(articlesDir(contentDir))) {
    used.set(routes.article(slugify(path.basename(file, '.md'))), file);
    const match = FRONT_MATTER.exec(nfc(readFileSync(file, 'utf8')));
    let data: { slug?: unknown; aliases?: unknown } | null = null;
    try {
      data = match ? parse(match[1]) : null;
    } catch {
      // The check reports the broken YAML; the file name still counts.
    }
    if (typeof data?.slug === 'string') used.set(routes.article(data.slug), file);
    if (Array.isArray(data?.aliases))
      for (const alias of data.aliases) if (typeof alias === 'string') used.set(routes.redirect(alias) ?? alias, file);
  }
  return used;
}

/** The new file's text: the required fields filled in, every other field as a commented hint. */
export function newArticleText({
  site,
  title,
  author,
  category,
  now,
}: Omit<NewArticleOptions, 'contentDir'> & { category: string }): string {
  const filled = ['title', 'date', 'author', 'category'];
  const categories = [...site.categories].sort((a, b) => a.order - b.order).map((c) => `${c.slug} (${c.name})`);
  const hints = Object.keys(frontMatterSchema.shape)
    .filter((field) => !filled.includes(field))
    .map((field) => `# ${field}: ${fieldHints[field]}`);
  return [
    '---',
    '# Phần thông tin đầu bài. Dòng bắt đầu bằng # là ghi chú: bỏ dấu # để dùng trường đó.',
    `title: ${JSON.stringify(nfc(title))}`,
    `date: ${JSON.stringify(isoWithOffset(now.startOf('second')))}`,
    `author: ${JSON.stringify(nfc(author))}`,
    `category: ${category}`,
    `# Các chuyên mục: ${categories.join(', ')}`,
    ...hints,
    '---',
    '',
  ].join('\n');
}

/**
 * Works out where a new article goes and what it says; refuses (NewArticleError)
 * an unknown category, an empty slug, or a URL or file that is already used.
 */
export function planNewArticle(options: NewArticleOptions, used = usedUrls(options.contentDir)): NewArticle {
  const { contentDir, site } = options;
  const title = nfc(options.title).trim();
  if (!title)
    throw new NewArticleError(
      'Thiếu tiêu đề. Cách dùng: npm run new -- "Tiêu đề bài viết" [--author "Tên"] [--category slug] [--slug dia-chi]',
    );
  const category = options.category ?? site.defaultCategory;
  if (!site.categories.some((c) => c.slug === category)) {
    throw new NewArticleError(
      `Chuyên mục "${category}" không có trong ${siteFile(contentDir)}; chỉ được dùng: ${site.categories.map((c) => c.slug).join(', ')}`,
    );
  }
  const slug = options.slug ? slugify(options.slug) : titleSlug(title);
  if (!slug) throw new NewArticleError(`Không tạo được địa chỉ từ tiêu đề "${title}"; hãy đặt địa chỉ bằng --slug ten-bai-viet`);
  const url = routes.article(slug);
  const file = path.join(contentDir, 'articles', String(options.now.setZone(VIETNAM_ZONE).year), `${slug}.md`);
  const owner = used.get(url);
  if (owner) {
    throw new NewArticleError(
      `Địa chỉ ${url} đã được bài ${owner} dùng; hãy đặt tiêu đề khác hoặc chọn địa chỉ khác bằng --slug ten-khac`,
    );
  }
  return { file, url, text: newArticleText({ ...options, title, category }) };
}

/** Writes the planned article; never overwrites a file. */
export function writeNewArticle(article: NewArticle): void {
  mkdirSync(path.dirname(article.file), { recursive: true });
  try {
    writeFileSync(article.file, article.text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new NewArticleError(`Tệp ${article.file} đã có; không ghi đè. Hãy chọn địa chỉ khác bằng --slug ten-khac`);
    throw error;
  }
}
