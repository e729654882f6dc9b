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
    // A plain loop: this runs for a few hundred candidates of every article.
    const score = (other: Article) => {
      let total = other.category.slug === article.category.slug ? CATEGORY_WEIGHT : 0;
      for (const tag of other.tags) if (tagSlugs.has(tag.slug)) total += TAG_WEIGHT;
      return total;
    };
    // A candidate in several lists is scored once.
    const consider = (list: Article[] = []) => {
      for (let i = 0; i < list.length && i < CANDIDATES_PER_LIST; i++)
        if (!scores.has(list[i])) scores.set(list[i], score(list[i]));
    };
    for (const tag of article.tags) consider(this.byTag.get(tag.slug));
    consider(this.byCategory.get(article.category.slug));
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
    // The best `limit` by score, then recency: kept in order while scanning, instead of sorting every candidate.
    const best: { other: Article; score: number; position: number }[] = [];
    for (const [other, score] of scores) {
      const position = this.position.get(other)!;
      let at = best.length;
      while (at > 0 && (best[at - 1].score < score || (best[at - 1].score === score && best[at - 1].position > position))) at--;
      if (at < limit) {
        best.splice(at, 0, { other, score, position });
        if (best.length > limit) best.pop();
      }
    }
    return best.map(({ other }) => other);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
