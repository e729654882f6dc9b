import type { Article } from '../content/index.ts';
import { toIndexerHtml } from './vietnamese.ts';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * What Pagefind reads for an article: the text its page shows inside
 * `[data-pagefind-body]` (title, standfirst, caption, body, author, tags),
 * with the same filters, meta and sort key, made from the Portal's article
 * rather than from the rendered page. That lets the index be built while
 * Eleventy renders; tests/search/document.test.ts proves both give Pagefind
 * the same words. đ is swapped for the indexer (see vietnamese.ts).
 */
export function searchDocument(article: Article): string {
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
