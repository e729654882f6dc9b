import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DateTime } from 'luxon';
import { parseVietnamDate, vietnamDateTime } from '../dates/index.ts';
import { ASSETS_URL, HASHED_FOLDERS } from '../assets/index.ts';
import { routes, staticFolders } from '../routes/index.ts';
import { isAttachmentLink } from '../attachments/index.ts';
import type { BodyReference } from '../markdown/index.ts';
import { BODY_FIELD, type Problem } from '../problems/index.ts';
import type { PageUrls, Portal } from './portal.ts';

/** A URL that leads nowhere on the site: resolves every relative form a browser would. */
const ORIGIN = 'https://cong.invalid';

/**
 * The site path a browser requests for `href` written on the page at
 * `pageUrl` (percent-decoded, without query or fragment), or null when the
 * link leaves the portal (another site, mailto:, tel:) or stays on the page (#…).
 */
export function sitePath(href: string, pageUrl: string, baseUrl: string): string | null {
  if (!href || href.startsWith('#')) return null;
  let target = href;
  if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) {
    // Absolute links to the portal itself are checked like "/…" ones.
    const bare = (url: string) => url.replace(/^([a-z]+:)?\/\//i, '').toLowerCase();
    const base = bare(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
    if (!/^(https?:)?\/\//i.test(href) || !bare(href).startsWith(base)) return null;
    target = `/${href.replace(/^([a-z]+:)?\/\//i, '').slice(base.length)}`;
  }
  let pathname: string;
  try {
    pathname = new URL(target, ORIGIN + pageUrl).pathname;
  } catch {
    return target; // not a URL at all: reported as a page that doesn't exist
  }
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/** The file on disk that the site serves at `sitePath`, if it is in one of the copied folders (assets). */
export function staticFile(sitePath: string): string | undefined {
  for (const [prefix, folder] of Object.entries(staticFolders())) {
    if (!sitePath.startsWith(prefix)) continue;
    // Stylesheets and scripts are published under hashed names only.
    if (HASHED_FOLDERS.some((hashed) => sitePath.startsWith(`${ASSETS_URL}${hashed}/`))) return undefined;
    const file = path.join(folder, sitePath.slice(prefix.length));
    return existsSync(file) && statSync(file).isFile() ? file : undefined;
  }
  return undefined;
}

/** What a link can lead to: an article, a static page or a document, published or not. */
export interface LinkTarget {
  url: string;
  title: string;
  file: string;
  draft: boolean;
  published: DateTime;
}

/** A Markdown file whose body links are checked: its URL, and what it became unless it has errors. */
export interface LinkingFile {
  source: { file: string; frontMatter: { draft: boolean; date?: string } };
  url: string;
  article?: LinkTarget;
  references: BodyReference[];
}

/** What the link check knows about the portal's URLs. */
interface KnownUrls {
  /** URLs written for the published portal. */
  published: Set<string>;
  /** URLs written once every article is out: for links from drafts and scheduled articles. */
  eventually: () => Set<string>;
  /** Every article with its URL, published or not. */
  articles: Map<string, LinkTarget>;
  /** Old URL → new URL. */
  redirects: Map<string, string>;
}

export interface ReferenceContext {
  /** The published portal, and the one with every article (drafts and scheduled too). */
  portal: Portal;
  everything: () => Portal;
  pageUrls: PageUrls;
  baseUrl: string;
  now: DateTime;
}

/** The published URL a site path names: "/x/index.html" and "/x" are "/x/". */
function findPage(pages: { has(url: string): boolean }, sitePath: string): string | undefined {
  const candidates = [sitePath, sitePath.replace(/\/index\.html$/, '/'), `${sitePath}/`];
  return candidates.find((candidate) => pages.has(candidate));
}

/** Whether readers will see the article `from` now (worked out from its front matter when it has errors). */
function isOut(known: KnownUrls, from: LinkingFile, now: DateTime): boolean {
  if (from.article) return known.published.has(from.url);
  const { draft, date } = from.source.frontMatter;
  return !draft && (date ? (parseVietnamDate(date) ?? now) : now) <= now;
}

function checkLink(
  known: KnownUrls,
  from: LinkingFile,
  sitePath: string,
  now: DateTime,
): Omit<Problem, 'file' | 'line' | 'field'> | null {
  const page = findPage(isOut(known, from, now) ? known.published : known.eventually(), sitePath);
  if (page) {
    const moved = known.redirects.get(page);
    return moved
      ? { severity: 'warning', message: `liên kết tới địa chỉ cũ ${sitePath}, nay là ${moved}; hãy sửa liên kết thành ${moved}` }
      : null;
  }
  const target = known.articles.get(findPage(known.articles, sitePath) ?? '');
  if (target) {
    const state = target.draft
      ? 'đang là bản nháp'
      : target.published > now
        ? `được hẹn giờ đăng lúc ${vietnamDateTime(target.published)}`
        : 'nằm dưới một trang cha chưa xuất bản';
    return {
      severity: 'error',
      message: `liên kết tới bài "${target.title}" (${target.file}) nhưng bài đó ${state}, chưa xuất bản; người đọc sẽ gặp trang không tìm thấy`,
    };
  }
  const slug = sitePath.split('/').filter(Boolean).pop() ?? '';
  const guess = known.articles.has(routes.article(slug)) ? `; có phải ý bạn là ${routes.article(slug)}?` : '';
  return {
    severity: 'error',
    message: `liên kết tới trang ${sitePath} không tồn tại trên cổng thông tin${guess || '; bài viết có địa chỉ dạng /tin-tuc/<slug>/'}`,
  };
}

/** Checks the links of every article body: each must reach a page the portal writes, or a copied file. */
export function checkReferences(
  checked: LinkingFile[],
  { portal, everything, pageUrls, baseUrl, now }: ReferenceContext,
  problems: Problem[],
): void {
  let eventually: Set<string> | undefined;
  const known: KnownUrls = {
    published: new Set(pageUrls(portal)),
    eventually: () => (eventually ??= new Set(pageUrls(everything()))),
    articles: new Map(checked.flatMap(({ article }) => (article ? [[article.url, article] as const] : []))),
    redirects: new Map(portal.redirectPages.map((r) => [routes.redirect(r.from)!, r.to])),
  };
  for (const entry of checked) {
    for (const ref of entry.references) {
      const at = { file: entry.source.file, line: ref.line, field: BODY_FIELD };
      // Images are checked (alt text, file, format) by the photo pipeline, src/images.
      if (ref.kind === 'image') continue;
      const target = sitePath(ref.href, entry.url, baseUrl);
      // Attached files are checked (exist, type, size) by src/attachments.
      if (target === null || staticFile(target) || isAttachmentLink(ref.href)) continue;
      const problem = checkLink(known, entry, target, now);
      if (problem) problems.push({ ...at, ...problem });
    }
  }
}
