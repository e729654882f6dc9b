/** Numbered page links of a paginated list (articles of a category or tag, documents). */
export interface PageLink {
  number: number;
  url: string;
  current: boolean;
  /** Pages were skipped before this one ("…"). */
  afterGap: boolean;
}

/** First, last and the two pages either side of the current one: a 700-page tag list stays a short row of links. */
export function pageWindow(current: number, total: number, radius = 2): number[] {
  const numbers: number[] = [];
  for (let n = 1; n <= total; n++) {
    if (n === 1 || n === total || Math.abs(n - current) <= radius) numbers.push(n);
  }
  return numbers;
}
