import type { Article } from '../content/article.ts';

const CATEGORY_WEIGHT = 2;
const TAG_WEIGHT = 1;

/**
 * "Các tin khác": other articles ranked by what they share with an article
 * (its category, then each common tag), then by recency.
 *
 * Only articles sharing a tag are scored one by one; the rest can only score
 * the category weight or nothing, so the newest few of each are enough. This
 * keeps the cost per article independent of the archive's size.
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
    for (const tag of article.tags) {
      for (const other of this.byTag.get(tag.slug) ?? []) scores.set(other, (scores.get(other) ?? 0) + TAG_WEIGHT);
    }
    for (const [other, score] of scores) {
      if (other.category.slug === article.category.slug) scores.set(other, score + CATEGORY_WEIGHT);
    }
    const newestUnscored = (list: Article[], score: number) => {
      let taken = 0;
      for (const other of list) {
        if (taken > limit) break;
        if (!scores.has(other)) {
          scores.set(other, score);
          taken++;
        }
      }
    };
    newestUnscored(this.byCategory.get(article.category.slug) ?? [], CATEGORY_WEIGHT);
    newestUnscored(this.articles, 0);
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
