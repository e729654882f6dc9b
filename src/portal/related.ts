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
  // Articles as numbers (their position, newest first), categories and tags too: this runs for a few
  // hundred candidates of every article of the archive, and maps keyed by objects or strings cost seconds.
  private readonly position = new Map<Article, number>();
  private readonly categoryOf: Int32Array;
  private readonly tagsOf: Int32Array[];
  private readonly byCategory: number[][] = [];
  private readonly byTag: number[][] = [];
  /** Per position, the call that last took it as a candidate (so nothing is cleared between calls). */
  private readonly seenIn: Int32Array;
  /** Per tag, the call whose article has it. */
  private readonly tagIn: Int32Array;
  private calls = 0;

  /** `articles` newest first. */
  constructor(private readonly articles: Article[]) {
    const categories = new Map<string, number>();
    const tags = new Map<string, number>();
    const code = (codes: Map<string, number>, lists: number[][], slug: string) => {
      let n = codes.get(slug);
      if (n === undefined) {
        n = codes.size;
        codes.set(slug, n);
        lists.push([]);
      }
      return n;
    };
    this.categoryOf = new Int32Array(articles.length);
    this.tagsOf = articles.map((article, index) => {
      this.position.set(article, index);
      this.categoryOf[index] = code(categories, this.byCategory, article.category.slug);
      this.byCategory[this.categoryOf[index]].push(index);
      return Int32Array.from(article.tags, (tag) => {
        const n = code(tags, this.byTag, tag.slug);
        this.byTag[n].push(index);
        return n;
      });
    });
    this.seenIn = new Int32Array(articles.length);
    this.tagIn = new Int32Array(tags.size);
  }

  for(article: Article, limit = 8): Article[] {
    const self = this.position.get(article);
    if (self === undefined) throw new Error(`Bài ${article.file} không thuộc danh sách các tin khác`);
    const call = ++this.calls;
    const { categoryOf, tagsOf, seenIn, tagIn } = this;
    const category = categoryOf[self];
    const tags = tagsOf[self];
    for (const tag of tags) tagIn[tag] = call;
    const candidates: number[] = [];
    // A candidate in several lists is scored once.
    for (const list of [...Array.from(tags, (tag) => this.byTag[tag]), this.byCategory[category]])
      for (let i = 0; i < list.length && i < CANDIDATES_PER_LIST; i++)
        if (seenIn[list[i]] !== call) {
          seenIn[list[i]] = call;
          candidates.push(list[i]);
        }
    // Fill up with the newest of all, in case the lists hold fewer than `limit` others.
    for (let other = 0, taken = 0; other < this.articles.length && taken <= limit; other++)
      if (seenIn[other] !== call) {
        seenIn[other] = call;
        candidates.push(other);
        taken++;
      }
    // The best `limit` by score, then recency: kept in order while scanning, instead of sorting every candidate.
    const best: number[] = [];
    const bestScore: number[] = [];
    for (const other of candidates) {
      if (other === self) continue;
      let score = categoryOf[other] === category ? CATEGORY_WEIGHT : 0;
      for (const tag of tagsOf[other]) if (tagIn[tag] === call) score += TAG_WEIGHT;
      // Not better than the last of a full list: most candidates stop here.
      if (best.length === limit && (bestScore[limit - 1] > score || (bestScore[limit - 1] === score && best[limit - 1] < other)))
        continue;
      let at = best.length;
      while (at > 0 && (bestScore[at - 1] < score || (bestScore[at - 1] === score && best[at - 1] > other))) at--;
      best.splice(at, 0, other);
      bestScore.splice(at, 0, score);
      if (best.length > limit) {
        best.pop();
        bestScore.pop();
      }
    }
    return best.map((other) => this.articles[other]);
  }
}
