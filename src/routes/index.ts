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
  /** Every URL the build published, for the next check to compare with (written by src/build). */
  publishedList: '/published-urls.json',
} as const;

/**
 * Folders copied to the site as they are: URL prefix → source folder. The
 * images folder lives in the content folder; `assets/` in the project.
 */
export function staticFolders(contentDir: string): Record<string, string> {
  return { '/assets/': 'assets', '/images/': `${contentDir.replace(/\/+$/, '')}/images` };
}

/** Absolute URL on the portal's base URL (for feeds, canonical links, Open Graph). */
export function absoluteUrl(baseUrl: string, path: string): string {
  return new URL(path.replace(/^\//, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
}
