import type { DateTime } from 'luxon';
import type { Article } from '../content/index.ts';

/** The home page's top block: the lead and its secondary stories, with photos. */
export const TOP_STORIES = 5;
/** "Tin mới nhất" beside the lead (phones show the first five). */
const LATEST_STORIES = 8;
/** Each category block: its top story with a photo, then a short list of headlines. */
const BLOCK_HEADLINES = 3;

/** Whether an article is featured at `now`: `featured: true` and its end date not reached yet. */
export function isFeatured(article: Article, now: DateTime): boolean {
  return article.featured !== undefined && (article.featured.until === undefined || now < article.featured.until);
}

/**
 * The featured articles in force at `now`: editors' order first (those without
 * an order after), then newest first. `articles` are newest first.
 */
export function featuredArticles(articles: Article[], now: DateTime): Article[] {
  const order = (article: Article) => article.featured?.order ?? Number.POSITIVE_INFINITY;
  // Array.prototype.sort is stable: equal orders keep the newest-first order.
  return articles.filter((article) => isFeatured(article, now)).sort((a, b) => order(a) - order(b));
}

/**
 * The lead and secondary stories: the featured ones in force, then the newest
 * to fill the places left. Never empty while there are articles, never twice the same.
 */
export function topStories(articles: Article[], now: DateTime, count = TOP_STORIES): Article[] {
  const chosen = new Set(featuredArticles(articles, now).slice(0, count));
  for (const article of articles) {
    if (chosen.size >= count) break;
    chosen.add(article);
  }
  return [...chosen];
}

/** A category's articles, newest first: the Portal's CategorySection, kept generic so this module needs nothing of the Portal's. */
interface Section {
  articles: Article[];
}

export interface CategoryBlock<S extends Section = Section> {
  section: S;
  /** Shown with its photo (or the placeholder). */
  top: Article;
  headlines: Article[];
}

export interface HomePage<S extends Section = Section> {
  lead?: Article;
  secondary: Article[];
  latest: Article[];
  /** One block per category that has articles not shown above; in the categories' order. */
  categoryBlocks: CategoryBlock<S>[];
}

/** What the home page shows, each article at most once. */
export function homePage<S extends Section>(articles: Article[], categories: S[], now: DateTime): HomePage<S> {
  const [lead, ...secondary] = topStories(articles, now);
  const shown = new Set<Article>([lead, ...secondary].filter(Boolean));
  const unseen = (list: Article[], count: number) => {
    const picked = list.filter((article) => !shown.has(article)).slice(0, count);
    for (const article of picked) shown.add(article);
    return picked;
  };
  const latest = unseen(articles, LATEST_STORIES);
  const categoryBlocks = categories.flatMap((section) => {
    const picked = unseen(section.articles, 1 + BLOCK_HEADLINES);
    // The block's picture: its newest story that has a photo, else its newest story.
    const top = picked.find((article) => article.image) ?? picked[0];
    return top ? [{ section, top, headlines: picked.filter((article) => article !== top) }] : [];
  });
  return { lead, secondary, latest, categoryBlocks };
}
