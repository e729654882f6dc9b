import { t } from '../i18n/index.ts';

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

/** Where one page of a paginated list stands among its pages. */
export interface PagePlace {
  /** The list's title, with "Trang N" after the first page. */
  title: string;
  url: string;
  /** URL of the list's first page. */
  firstUrl: string;
  pageNumber: number;
  totalPages: number;
  previousUrl?: string;
  nextUrl?: string;
  pageLinks: PageLink[];
}

/** Splits `items` into pages of `size`; an empty list still has its first page. */
export function paginate<T>(
  items: T[],
  size: number,
  title: string,
  urlFor: (pageNumber: number) => string,
): { place: PagePlace; items: T[] }[] {
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: totalPages }, (_, i) => i + 1).map((pageNumber) => ({
    place: {
      title: pageNumber > 1 ? `${title} – ${t('pageNumber', { number: pageNumber })}` : title,
      url: urlFor(pageNumber),
      firstUrl: urlFor(1),
      pageNumber,
      totalPages,
      previousUrl: pageNumber > 1 ? urlFor(pageNumber - 1) : undefined,
      nextUrl: pageNumber < totalPages ? urlFor(pageNumber + 1) : undefined,
      pageLinks: pageWindow(pageNumber, totalPages).map((number, i, shown) => ({
        number,
        url: urlFor(number),
        current: number === pageNumber,
        afterGap: i > 0 && number - shown[i - 1] > 1,
      })),
    },
    items: items.slice((pageNumber - 1) * size, pageNumber * size),
  }));
}
