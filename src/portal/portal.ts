import { DateTime } from 'luxon';
import type { Article, Tag } from '../content/index.ts';
import { vietnamMonth } from '../dates/index.ts';
import { t } from '../i18n/index.ts';
import { routes } from '../routes/index.ts';
import type { Category, SiteSettings } from '../site/index.ts';
import { homePage, type HomePage } from './home.ts';
import { RelatedIndex } from './related.ts';
import { paginate, type PagePlace } from '../pagination/index.ts';
import type { Attachment } from '../attachments/index.ts';
import { DocumentRegister, type DocumentListPage, type OfficialDocument } from '../documents/index.ts';
import type { Navigation, StaticPage } from '../static-pages/index.ts';

/** What the portal publishes besides news: static pages, official documents, their files, and the menus. */
export interface PortalExtras {
  staticPages: StaticPage[];
  documents: OfficialDocument[];
  navigation: Navigation;
  attachments: Attachment[];
}

const NO_EXTRAS: PortalExtras = { staticPages: [], documents: [], navigation: { main: [], footer: [] }, attachments: [] };

export const PAGE_SIZE = 20;

/**
 * Every URL the site writes for a portal, sorted; `except` leaves out page
 * types by name. The pages registry (src/pages) answers it: the pages sit
 * above the portal, so the checks are handed this function rather than importing it.
 */
export type PageUrls = (portal: Portal, except?: string[]) => string[];

export { pageWindow, type PageLink } from '../pagination/index.ts';

/** One page of a paginated list of articles (a category, a tag). */
export interface ListPage extends PagePlace {
  description: string;
  articles: Article[];
  lastmod: DateTime;
}

export interface CategorySection {
  category: Category;
  url: string;
  articles: Article[];
}

export interface TagSection {
  tag: Tag;
  articles: Article[];
}

export interface ArchiveMonth {
  year: number;
  month: number;
  title: string;
  url: string;
  articles: Article[];
  /** Newest update of its articles. */
  lastmod: DateTime;
}

/** An old URL of an article (`aliases:`) and where it now lives. */
export interface Redirect {
  from: string;
  to: string;
  title: string;
}

function newest(articles: Article[]): DateTime {
  // biome-ignore lint/complexity/useMathMinMax: luxon DateTimes compare by value but Math.max would return a number
  return articles.reduce((max, a) => (a.updated > max ? a.updated : max), articles[0].updated);
}

/** Lists with no articles yet (a new category) still have a page, dated like the site. */
const EPOCH = DateTime.fromMillis(0);

function articleListPages(
  articles: Article[],
  urlFor: (pageNumber: number) => string,
  title: string,
  description: string,
  siteUpdated: DateTime,
): ListPage[] {
  return paginate(articles, PAGE_SIZE, title, urlFor).map(({ place, items }) => ({
    ...place,
    description,
    articles: items,
    lastmod: items.length ? newest(items) : siteUpdated,
  }));
}

/**
 * Which articles readers see at `now`: no drafts, nothing scheduled. The
 * preview (`npm start`, PORTAL_DRAFTS=1) shows both, each under its banner.
 */
export function isPublished(article: { draft: boolean; published: DateTime }, now: DateTime, showDrafts: boolean): boolean {
  return showDrafts || (!article.draft && article.published <= now);
}

/**
 * Everything the layouts list, computed once per build: articles newest
 * first, category and tag pages, the archive, related articles.
 * A class, so Eleventy's data cascade passes it by reference instead of copying.
 */
export class Portal {
  readonly articles: Article[];
  readonly categories: CategorySection[];
  readonly tags: TagSection[];
  readonly categoryPages: ListPage[];
  readonly tagPages: ListPage[];
  readonly archive: { year: number; months: ArchiveMonth[] }[];
  readonly archiveMonths: ArchiveMonth[];
  /** Every alias of a published article, sorted by old URL (the _redirects file). */
  readonly redirects: Redirect[];
  /** The aliases that get an HTML redirect page. */
  readonly redirectPages: Redirect[];
  /** Newest update of any article: the lastmod of pages that list everything. */
  readonly updated: DateTime;
  /** What the home page shows: featured stories in force at the build's clock, then the newest. */
  readonly home: HomePage<CategorySection>;
  private readonly relatedIndex: RelatedIndex;
  private readonly relatedMade = new Map<Article, Article[]>();
  /** Static pages, parents before children. */
  readonly staticPages: StaticPage[];
  /** The top-level static pages, in order: Sơ đồ trang lists the rest under them. */
  readonly topPages: StaticPage[];
  readonly documentRegister: DocumentRegister;
  /** The register's lists, as the page types read them: documents, /van-ban/ pages, filter pages. */
  readonly documents: OfficialDocument[];
  readonly documentListPages: DocumentListPage[];
  readonly documentFacetPages: DocumentListPage[];
  readonly navigation: Navigation;
  /** Files the published pages link to, copied under /tep/. */
  readonly attachments: Attachment[];

  /** `now` is the build's clock: it decides which features have ended. */
  constructor(site: SiteSettings, articles: Article[], extras: PortalExtras = NO_EXTRAS, now: DateTime = DateTime.now()) {
    this.staticPages = extras.staticPages;
    this.topPages = this.staticPages
      .filter((page) => !page.parent)
      .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title, 'vi'));

    this.navigation = extras.navigation;
    this.attachments = extras.attachments;
    this.articles = [...articles].sort((a, b) => b.published.toMillis() - a.published.toMillis() || a.slug.localeCompare(b.slug));
    this.categories = [...site.categories]
      .sort((a, b) => a.order - b.order)
      .map((category) => ({
        category,
        url: routes.category(category.slug),
        articles: this.articles.filter((a) => a.category.slug === category.slug),
      }));
    const tagMap = new Map<string, TagSection>();
    for (const article of this.articles) {
      for (const tag of article.tags) {
        const section = tagMap.get(tag.slug) ?? { tag, articles: [] };
        section.articles.push(article);
        tagMap.set(tag.slug, section);
      }
    }
    this.relatedIndex = new RelatedIndex(this.articles);
    this.tags = [...tagMap.values()].sort((a, b) => a.tag.name.localeCompare(b.tag.name, 'vi'));

    this.updated = this.articles.length ? newest(this.articles) : EPOCH;
    this.documentRegister = new DocumentRegister(site, extras.documents, this.updated);
    this.documents = this.documentRegister.documents;
    this.documentListPages = this.documentRegister.listPages;
    this.documentFacetPages = this.documentRegister.facetPages;
    this.categoryPages = this.categories.flatMap(({ category, articles: list }) =>
      articleListPages(
        list,
        (n) => routes.category(category.slug, n),
        t('categoryPageTitle', { name: category.name }),
        category.description,
        this.updated,
      ),
    );
    this.tagPages = this.tags.flatMap(({ tag, articles: list }) =>
      articleListPages(
        list,
        (n) => routes.tag(tag.slug, n),
        t('tagPageTitle', { name: tag.name }),
        t('tagPageDescription', { name: tag.name }),
        this.updated,
      ),
    );

    const months = new Map<string, ArchiveMonth>();
    for (const article of this.articles) {
      const { year, month } = article.published;
      const key = `${year}-${month}`;
      const entry = months.get(key) ?? {
        year,
        month,
        title: t('archiveMonthTitle', { month: vietnamMonth(year, month) }),
        url: routes.archiveMonth(year, month),
        articles: [],
        lastmod: article.updated,
      };
      entry.articles.push(article);
      months.set(key, entry);
    }
    this.archiveMonths = [...months.values()];
    for (const month of this.archiveMonths) month.lastmod = newest(month.articles);
    const years = [...new Set(this.archiveMonths.map((m) => m.year))];
    this.archive = years.map((year) => ({ year, months: this.archiveMonths.filter((m) => m.year === year) }));
    this.redirects = [...this.articles, ...this.staticPages, ...this.documentRegister.documents]
      .flatMap((item) => item.aliases.map((from) => ({ from, to: item.url, title: item.title })))
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    this.redirectPages = this.redirects.filter((r) => routes.redirect(r.from) !== undefined);
    this.home = homePage(this.articles, this.categories, now);
  }

  latest(count: number, skip = 0): Article[] {
    return this.articles.slice(skip, skip + count);
  }

  /**
   * "Các tin khác" for an article: chosen by relevance, shown newest first.
   * Kept once made: the incremental plan and the article page both ask for every article's.
   */
  related(article: Article): Article[] {
    let related = this.relatedMade.get(article);
    if (!related) {
      related = this.relatedIndex.for(article).sort((a, b) => b.published.toMillis() - a.published.toMillis());
      this.relatedMade.set(article, related);
    }
    return related;
  }

  /** The article page's sidebar: the newest articles, and the newest of its category, other than itself. */
  sidebar(article: Article, count = 5): { newest: Article[]; sameCategory: Article[] } {
    // Only the heads of the lists can be shown: filtering whole lists made every article page cost O(articles).
    const newest = this.articles
      .slice(0, count + 1)
      .filter((other) => other !== article)
      .slice(0, count);
    const section = this.categories.find((c) => c.category.slug === article.category.slug);
    const sameCategory = (section?.articles ?? [])
      .slice(0, 2 * count + 1)
      .filter((other) => other !== article && !newest.includes(other));
    return { newest, sameCategory: sameCategory.slice(0, count) };
  }
}
