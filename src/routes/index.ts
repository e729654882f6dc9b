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
  /** A processed photo: file names carry a content hash, so they can be cached forever. */
  image: (file: string) => `/img/${file}`,
} as const;

/** Absolute URL on the portal's base URL (for feeds, canonical links, Open Graph). */
export function absoluteUrl(baseUrl: string, path: string): string {
  return new URL(path.replace(/^\//, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
}
