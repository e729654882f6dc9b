import path from 'node:path';
import type { DateTime } from 'luxon';
import type MarkdownIt from 'markdown-it';
import type { Attachments } from '../attachments/index.ts';
import type { Problem } from '../problems/index.ts';
import { emptyBodyProblem, parseBody, type MarkdownSource } from '../content/index.ts';
import { isoWithOffset, parseVietnamDate, vietnamDateTime } from '../dates/index.ts';
import type { ArticleImages } from '../content/index.ts';
import type { ProcessedImage } from '../images/index.ts';
import { firstParagraph, type BodyReference } from '../markdown/index.ts';
import { routes } from '../routes/index.ts';
import { slugify } from '../slugs/index.ts';
import type { PageFrontMatter } from './schema.ts';

export type PageSource = MarkdownSource<PageFrontMatter>;

/** A published (or previewed) static page, ready for the layouts. */
export interface StaticPage {
  file: string;
  /** "gioi-thieu/lich-su": its place in the tree, and what `page:` in the menu names. */
  path: string;
  url: string;
  title: string;
  /** For the page's lede, meta description and search: the editor's summary, else the first paragraph. */
  description: string;
  summary?: string;
  html: string;
  /** The photos its body shows: what the build publishes for it. */
  images: ProcessedImage[];
  order: number;
  menu?: 'main' | 'footer';
  draft: boolean;
  /** When it goes out (`date`), else the build's clock. */
  published: DateTime;
  /** `modified` or `date`, when the editor gave one: what "Cập nhật" shows and the sitemap's lastmod. */
  updated?: DateTime;
  updatedText?: string;
  updatedIso?: string;
  scheduledFor?: string;
  aliases: string[];
  /** Filled by the tree (StaticPageTree) once the published pages are known. */
  parent?: StaticPage;
  children: StaticPage[];
  /** The pages above it, from the top: the breadcrumb. */
  ancestors: StaticPage[];
}

/** A page file after its own checks: its URL, its body's links, and the page unless it has errors. */
export interface CheckedPage {
  source: PageSource;
  path: string;
  url: string;
  article?: StaticPage;
  references: BodyReference[];
}

/** "gioi-thieu/lich-su.md" → "gioi-thieu/lich-su"; "gioi-thieu/index.md" → "gioi-thieu"; each part a slug. */
export function pagePath(pagesDir: string, file: string): string {
  const parts = path.relative(pagesDir, file).slice(0, -'.md'.length).split(path.sep);
  if (parts.at(-1) === 'index') parts.pop();
  return parts.map(slugify).join('/');
}

/**
 * Turns validated page files into pages: URL from the file's place in
 * content/pages/, one file per URL, body rendered with its photos and attachments.
 */
export function buildStaticPages(
  sources: PageSource[],
  pagesDir: string,
  { md, images, attachments, now }: { md: MarkdownIt; images: ArticleImages; attachments: Attachments; now: DateTime },
  problems: Problem[],
): CheckedPage[] {
  const byPath = new Map<string, string>();
  const checked: CheckedPage[] = [];
  for (const source of sources) {
    const fm = source.frontMatter;
    const at = pagePath(pagesDir, source.file);
    const error = (message: string, field?: string, line = field ? source.lines([field]) : 1) =>
      problems.push({ severity: 'error', file: source.file, line, field, message });
    let usable = true;
    if (!at) {
      error(
        `trang ở ${path.join(pagesDir, 'index.md')} sẽ trùng với trang chủ (/); hãy đặt trang vào một thư mục hoặc đổi tên tệp`,
      );
      continue;
    }
    const taken = byPath.get(at);
    if (taken) {
      error(
        `địa chỉ ${routes.staticPage(at)} trùng với trang ${taken}; mỗi địa chỉ chỉ một tệp (a.md và a/index.md là cùng một trang)`,
      );
      usable = false;
    } else byPath.set(at, source.file);
    const published = fm.date ? parseVietnamDate(fm.date)! : now;
    const updated = fm.modified ? parseVietnamDate(fm.modified)! : fm.date ? published : undefined;
    if (fm.modified && fm.date && updated! < published) {
      error(`ngày cập nhật ${fm.modified} sớm hơn ngày đăng ${fm.date}; ngày cập nhật phải sau ngày đăng`, 'modified');
      usable = false;
    }
    const { tokens, references } = parseBody(md, source);
    const empty = emptyBodyProblem(source, 'trang');
    if (empty) {
      problems.push(empty);
      usable = false;
    }
    const entry: CheckedPage = { source, path: at, url: routes.staticPage(at), references };
    checked.push(entry);
    const pictures = images.of(source.file);
    if (!usable || !pictures || !attachments.usable(source.file)) continue;
    const html = md.renderer.render(tokens, md.options, { images: pictures, attachment: attachments.linker(source.file) });
    entry.article = {
      file: source.file,
      path: at,
      url: entry.url,
      title: fm.title,
      summary: fm.summary,
      description: fm.summary ?? firstParagraph(tokens),
      html,
      images: [...new Set(pictures.values())],
      order: fm.order,
      menu: fm.menu,
      draft: fm.draft,
      published,
      updated,
      updatedText: updated && vietnamDateTime(updated),
      updatedIso: updated && isoWithOffset(updated),
      aliases: fm.aliases,
      children: [],
      ancestors: [],
    };
  }
  return checked;
}

/**
 * Links pages to their parent ("gioi-thieu/lich-su" under "gioi-thieu"):
 * a page whose parent file doesn't exist is an error, and a page under an
 * unpublished parent waits for it. Returns the visible pages, parents first.
 */
export function pageTree(checked: CheckedPage[], visible: StaticPage[], problems: Problem[]): StaticPage[] {
  const files = new Map(checked.map((entry) => [entry.path, entry.source.file]));
  const shown = new Map(visible.map((page) => [page.path, page]));
  for (const entry of checked) {
    const parentPath = entry.path.split('/').slice(0, -1).join('/');
    if (!parentPath || files.has(parentPath)) continue;
    problems.push({
      severity: 'error',
      file: entry.source.file,
      line: 1,
      message: `trang cha ${routes.staticPage(parentPath)} chưa có; hãy tạo tệp ${parentPath}.md hoặc ${parentPath}/index.md trong thư mục trang, hoặc chuyển tệp này ra ngoài thư mục con`,
    });
  }
  const byDepth = [...shown.values()].sort((a, b) => a.path.split('/').length - b.path.split('/').length);
  const placed: StaticPage[] = [];
  for (const page of byDepth) {
    const parentPath = page.path.split('/').slice(0, -1).join('/');
    const parent = parentPath ? shown.get(parentPath) : undefined;
    if (parentPath && (!parent || !placed.includes(parent))) continue;
    page.parent = parent;
    page.ancestors = parent ? [...parent.ancestors, parent] : [];
    parent?.children.push(page);
    placed.push(page);
  }
  for (const page of placed) page.children.sort(byOrder);
  return placed;
}

/** Siblings in the editors' `order`, then by title. */
export function byOrder(a: StaticPage, b: StaticPage): number {
  return a.order - b.order || a.title.localeCompare(b.title, 'vi');
}
