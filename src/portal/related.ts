import type { Article } from '../content/index.ts';

const CATEGORY_WEIGHT = 2;
const TAG_WEIGHT = 1;

/**
 * How many of the newest articles of each of an article's tags, and of its
 * category, are candidates. A tag used on thousands of articles would
 * otherwise make the cost per article grow with the archive.
 */
export const CANDIDATES_PER_LIST = 64;

/**
 * "Các tin khác": other articles ranked by what they share with an article
 * (its category, then each common tag), then by recency.
 *
 * The candidates are the newest CANDIDATES_PER_LIST articles of each of its
 * tags and of its category, then the newest of all to fill up: exact for
 * every list shorter than that, and in a large archive it only passes over
 * older articles for newer ones that share as much or nearly as much. The
 * cost per article stays the same however large the archive grows.
 */
export class RelatedIndex {
  private readonly position = new Map<Article, number>();
  private readonly byCategory = new Map<string, Article[]>();
  private readonly byTag = new Map<string, Article[]>();

  /** `articles` newest first. */
  constructor(private readonly articles: Article[]) {
    articles.forEach((article, index) => {
      this.position.set(article, index);
      push(this.byCategory, article.category.slug, article);
      for (const tag of article.tags) push(this.byTag, tag.slug, article);
    });
  }

  for(article: Article, limit = 8): Article[] {
    const scores = new Map<Article, number>();
    const tagSlugs = new Set(article.tags.map((tag) => tag.slug));
    const score = (other: Article) =>
      (other.category.slug === article.category.slug ? CATEGORY_WEIGHT : 0) +
      other.tags.filter((tag) => tagSlugs.has(tag.slug)).length * TAG_WEIGHT;
    for (const tag of article.tags) {
      for (const other of (this.byTag.get(tag.slug) ?? []).slice(0, CANDIDATES_PER_LIST)) scores.set(other, score(other));
    }
    for (const other of (this.byCategory.get(article.category.slug) ?? []).slice(0, CANDIDATES_PER_LIST))
      scores.set(other, score(other));
    // Fill up with the newest of all, in case the lists hold fewer than `limit` others.
    let taken = 0;
    for (const other of this.articles) {
      if (taken > limit) break;
      if (!scores.has(other)) {
        scores.set(other, score(other));
        taken++;
      }
    }
    scores.delete(article);
    return [...scores.entries()]
      .sort(([a, x], [b, y]) => y - x || this.position.get(a)! - this.position.get(b)!)
      .slice(0, limit)
      .map(([other]) => other);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
