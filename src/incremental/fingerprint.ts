import { createHash } from 'node:crypto';
import type { Article } from '../content/index.ts';
import type { Portal } from '../portal/index.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The body's fields: `html` is only rendered when read, `bodyDigest` stands for it. */
const BODY_FIELDS = new Set(['html', 'bodyDigest']);

/**
 * Digests of the articles as a page shows them. `whole` is everything the
 * article's own page shows; `card` leaves out the body, which no list, card or
 * sidebar shows, so a body edit touches the article's page only. Every other
 * field is in the card digest, derived ones (summary, dates as text) included:
 * leaving one out would keep a stale page, counting one too many only renders a page more.
 */
export class ArticleDigests {
  private readonly cards = new Map<Article, string>();
  private readonly wholes = new Map<Article, string>();
  /** Made once an article: every article page of a category links the same few (20,000 pages, 10 links each). */
  private readonly links = new Map<Article, string>();

  constructor(articles: Article[]) {
    for (const article of articles) {
      // By key, so the HTML is not rendered to be left out.
      const fields = Object.keys(article).filter((key) => !BODY_FIELDS.has(key));
      const card = Object.fromEntries(fields.map((key) => [key, article[key as keyof Article]]));
      const cardDigest = sha256(JSON.stringify(card));
      this.cards.set(article, cardDigest);
      this.wholes.set(article, sha256(`${cardDigest}\0${article.bodyDigest}`));
    }
  }

  card(article: Article): string {
    const digest = this.cards.get(article);
    if (!digest) throw new Error(`Bài ${article.file} không thuộc cổng đang dựng`);
    return digest;
  }

  /** What a link to the article shows (the sidebar's lists): its URL, title and date. */
  link(article: Article): string {
    let link = this.links.get(article);
    if (link === undefined) {
      link = JSON.stringify([article.url, article.title, article.publishedIso, article.publishedText]);
      this.links.set(article, link);
    }
    return link;
  }

  whole(article: Article): string {
    return this.wholes.get(article) ?? this.card(article);
  }

  /**
   * A digest of any value a template reads (a list page, an archive month):
   * its JSON, each article in it as its card digest.
   */
  of(value: unknown): string {
    return sha256(JSON.stringify(value, (_key, v) => (this.cards.has(v) ? `article:${this.cards.get(v)}` : v)));
  }
}

/**
 * What each page type's page shows, by type name, for the types whose pages
 * are many: its fingerprint is made of these (with the site-wide digest), so
 * these must list everything its template reads from its item and the Portal.
 * A type missing here is rendered on every build (the dozen single pages, the
 * documents and static pages, which read registers of their own).
 */
export const pageInputs: Record<string, (item: unknown, portal: Portal, digests: ArticleDigests) => string> = {
  // layouts/pages/article.njk: the article, "Các tin khác" as cards, the sidebar as links (so a tag or summary
  // edit leaves the pages that show the article in their sidebar alone).
  article: (item, portal, digests) => {
    const article = item as Article;
    const { newest, sameCategory } = portal.sidebar(article);
    const cards = portal.related(article).map((other) => digests.card(other));
    const links = (list: Article[]) => list.map((other) => digests.link(other)).join(',');
    return [digests.whole(article), cards.join(','), links(newest), links(sameCategory)].join('|');
  },
  // layouts/pages/list.njk and archive-month.njk: the list page, its article cards and its pagination.
  category: (listing, _portal, digests) => digests.of(listing),
  tag: (listing, _portal, digests) => digests.of(listing),
  'archive-month': (month, _portal, digests) => digests.of(month),
  // layouts/pages/redirect.njk: the old URL, the new one and the title.
  redirect: (redirect, _portal, digests) => digests.of(redirect),
};

/** The fingerprint of one page: its type, its URL, what it shows, and what every page shows. */
export function pageFingerprint(siteDigest: string, type: string, url: string, inputs: string): string {
  return sha256(`${siteDigest}\0${type}\0${url}\0${inputs}`);
}
