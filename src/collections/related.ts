import type { Article } from '../content/article.ts';

const CATEGORY_WEIGHT = 2;
const TAG_WEIGHT = 1;

/**
 * "Các tin khác": other articles ranked by what they share with `article`
 * (category, then each common tag), then by recency. `articles` is newest first.
 */
export function relatedArticles(article: Article, articles: Article[], limit = 8): Article[] {
  const tagSlugs = new Set(article.tags.map((tag) => tag.slug));
  const scored = articles
    .filter((other) => other !== article)
    .map((other, index) => ({
      other,
      index,
      score:
        (other.category.slug === article.category.slug ? CATEGORY_WEIGHT : 0) +
        other.tags.filter((tag) => tagSlugs.has(tag.slug)).length * TAG_WEIGHT,
    }));
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.slice(0, limit).map(({ other }) => other);
}
