import type { Article } from '../content/index.ts';
import type { SearchablePage } from '../pages/index.ts';
import { toIndexerHtml } from './vietnamese.ts';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * What Pagefind indexes of a page, the one place that decides it: the pages
 * themselves carry no Pagefind markup, since Pagefind never reads them.
 */
export function searchDocument(page: SearchablePage): string {
  switch (page.kind) {
    case 'article':
      return articleDocument(page.article);
  }
}

/**
 * An article's search document: the text its page shows (title, standfirst,
 * caption, body, author, tags; not the update line, the tools or headings),
 * with category, year and tag filters, title, category and date meta, and
 * the date as sort key. Made from the Portal's article rather than from the
 * rendered page, so the index is built while Eleventy renders;
 * tests/search/document.test.ts proves it holds the words the page shows.
 * đ is swapped for the indexer (see vietnamese.ts).
 */
function articleDocument(article: Article): string {
  const category = escapeHtml(article.category.name);
  const tags = article.tags
    .map(
      (tag) => `<li data-pagefind-filter="tag[data-pf-tag]" data-pf-tag="${escapeHtml(tag.name)}">${escapeHtml(tag.name)}</li>`,
    )
    .join('');
  return toIndexerHtml(`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(article.title)}</title></head><body>
<article data-pagefind-body data-pagefind-filter="category[data-pf-category], year[data-pf-year]" data-pf-category="${category}" data-pf-year="${article.published.year}" data-pagefind-meta="date[data-pf-date]" data-pagefind-sort="date[data-pf-date]" data-pf-date="${article.publishedIso}">
<p data-pagefind-ignore data-pagefind-meta="category">${category}</p>
<h1 data-pagefind-meta="title">${escapeHtml(article.title)}</h1>
${article.standfirst ? `<p>${escapeHtml(article.standfirst)}</p>` : ''}
${article.image?.caption ? `<p>${escapeHtml(article.image.caption)}</p>` : ''}
<div>${article.html}</div>
<p>${escapeHtml(article.author)}</p>
${tags ? `<ul>${tags}</ul>` : ''}
</article>
</body></html>
`);
}
