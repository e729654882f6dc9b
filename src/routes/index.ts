/** Every public URL of the portal is built here, so pages, sitemap and links agree. */

function paged(base: string, pageNumber: number): string {
  return pageNumber <= 1 ? base : `${base}trang-${pageNumber}/`;
}

export const routes = {
  home: '/',
  article: (slug: string) => `/tin-tuc/${slug}/`,
  category: (slug: string, pageNumber = 1) => paged(`/chuyen-muc/${slug}/`, pageNumber),
  tagIndex: '/the/',
  tag: (slug: string, pageNumber = 1) => paged(`/the/${slug}/`, pageNumber),
  archive: '/luu-tru/',
  archiveMonth: (year: number, month: number) => `/luu-tru/${year}/${String(month).padStart(2, '0')}/`,
  sitemapPage: '/so-do-trang/',
  contact: '/lien-he/',
  feedback: '/gop-y/',
  feedbackThanks: '/gop-y/cam-on/',
  search: '/tim-kiem/',
  feed: '/feed.xml',
  sitemapXml: '/sitemap.xml',
  notFound: '/404.html',
  /** The web editor (src/cms): noindex, disallowed in robots.txt, in no list of pages. */
  admin: '/quan-tri/',
  /**
   * Where an old URL (`aliases:`) gets its redirect page: "/cu" is served as
   * "/cu/". Undefined for paths a static host won't serve as HTML (".aspx",
   * ".php"): only the _redirects file covers those.
   */
  redirect: (alias: string): string | undefined => {
    const extension = /\.([a-z0-9]+)$/i.exec(alias.slice(alias.lastIndexOf('/')))?.[1].toLowerCase();
    if (extension) return extension === 'html' || extension === 'htm' ? alias : undefined;
    return alias.endsWith('/') ? alias : `${alias}/`;
  },
  /** Netlify/Cloudflare redirect rules, one per alias. */
  redirectsFile: '/_redirects',
  /** Every URL the build published, for the next check to compare with (written by src/publish). */
  publishedList: '/published-urls.json',
  /** A static page of content/pages/: "gioi-thieu/lich-su" → /gioi-thieu/lich-su/. */
  staticPage: (pagePath: string) => `/${pagePath}/`,
  /** Official documents (content/van-ban/), newest first. */
  documents: (pageNumber = 1) => paged('/van-ban/', pageNumber),
  document: (slug: string) => `/van-ban/${slug}/`,
  /** Documents of one type, issuer, year or field: static filter pages that work without JavaScript. */
  documentFilter: (facet: string, value: string, pageNumber = 1) => paged(`/van-ban/${facet}/${value}/`, pageNumber),
  /** An attached file (a plan, a form), by its published name. */
  attachment: (name: string) => `/tep/${name}`,
  /** A processed photo: file names carry a content hash, so they can be cached forever. */
  image: (file: string) => `/img/${file}`,
} as const;

/**
 * Folders copied to the site as they are: URL prefix → source folder. Photos
 * are not among them: readers get the processed files under /img/ only.
 */
export function staticFolders(): Record<string, string> {
  return { '/assets/': 'assets' };
}

/** URL folders the build fills with files of its own (no page is written there), which no alias may take. */
export const reservedFolders = ['/assets/', '/img/', '/pagefind/', '/tep/', routes.admin] as const;

/**
 * Absolute URL of a site path (a route, without the path prefix) on the portal's
 * public root, e.g. ("https://x.gov.vn/cong-thong-tin/", "/tin-tuc/a/") →
 * "https://x.gov.vn/cong-thong-tin/tin-tuc/a/". Full URLs are returned as they are.
 */
export function absoluteUrl(baseUrl: string, path: string): string {
  return new URL(path.replace(/^\//, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
}

/**
 * A path prefix in the one form Eleventy, the layouts and the scripts use: a
 * percent-encoded path with a slash at each end ("/" or "/cong-thong-tin/").
 * Returns undefined for something that is not a plain path (a URL, "?", "#", "..").
 */
export function normalizePathPrefix(prefix: string): string | undefined {
  const trimmed = prefix.trim();
  if (/[?#\\]|^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return undefined;
  const segments = trimmed.split('/').filter(Boolean);
  if (segments.some((s) => s === '.' || s === '..')) return undefined;
  return new URL(segments.map((s) => `${s}/`).join(''), 'http://x/').pathname;
}

/**
 * The portal's public root, the one source of every URL's origin and prefix:
 * the origin of `baseUrl` (site.yaml, or SITE_URL) followed by `pathPrefix`
 * (PATH_PREFIX) or, when that is not given, by the base URL's own path. So
 * SITE_URL=https://x.gov.vn/cong-thong-tin alone implies the prefix
 * /cong-thong-tin/, and giving both never doubles it.
 */
export function publicRoot(baseUrl: string, pathPrefix?: string): string {
  const url = new URL(baseUrl);
  const prefix = normalizePathPrefix(pathPrefix || url.pathname);
  if (!prefix) throw new Error(`PATH_PREFIX="${pathPrefix}" không phải một đường dẫn như /cong-thong-tin/`);
  return `${url.origin}${prefix}`;
}

/** The path prefix of a public root: "/" or "/cong-thong-tin/". */
export function pathPrefixOf(root: string): string {
  return new URL(root).pathname;
}
