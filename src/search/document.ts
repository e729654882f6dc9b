import type { Article } from '../content/index.ts';
import type { SearchablePage } from '../pages/index.ts';
import type { OfficialDocument } from '../documents/index.ts';
import type { StaticPage } from '../static-pages/index.ts';
import { t } from '../i18n/index.ts';
import { toIndexerHtml } from './vietnamese.ts';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * What Pagefind indexes of a page, the one place that decides it: the pages
 * themselves carry no Pagefind markup, since Pagefind never reads them.
 */
export function searchDocument(page: SearchablePage): string {
  let document = made.get(page);
  if (document === undefined) {
    document = makeSearchDocument(page);
    made.set(page, document);
  }
  return document;
}

/** Each page's document, made once: a shard's fingerprint (src/incremental) and Pagefind both read it. */
const made = new WeakMap<SearchablePage, string>();

function makeSearchDocument(page: SearchablePage): string {
  switch (page.kind) {
    case 'article':
      return articleDocument(page.article);
    case 'page':
      return staticPageSearchDocument(page.page, page.date);
    case 'document':
      return officialDocumentSearchDocument(page.document);
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
<article data-pagefind-body data-pagefind-filter="kind[data-pf-kind], category[data-pf-category], year[data-pf-year]" data-pf-kind="${t('searchKindArticle')}" data-pf-category="${category}" data-pf-year="${article.published.year}" data-pagefind-meta="date[data-pf-date]" data-pagefind-sort="date[data-pf-date]" data-pf-date="${article.publishedIso}">
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

/** The text of a page's body, for the search document: HTML as rendered, the same as the page shows. */
function page(title: string, attributes: string, inner: string): string {
  return toIndexerHtml(`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>
<article data-pagefind-body ${attributes}>
${inner}
</article>
</body></html>
`);
}

/** A static page in search: a "Trang" result, sorted by its last update (`date`: SearchablePage's). */
export function staticPageSearchDocument(staticPage: StaticPage, date: string): string {
  const kind = escapeHtml(t('resultPage'));
  return page(
    staticPage.title,
    `data-pagefind-filter="kind[data-pf-kind]" data-pf-kind="${kind}" data-pagefind-sort="date[data-pf-date]" data-pf-date="${date}"`,
    `<p data-pagefind-ignore data-pagefind-meta="category">${kind}</p>
<h1 data-pagefind-meta="title">${escapeHtml(staticPage.title)}</h1>
${staticPage.summary ? `<p>${escapeHtml(staticPage.summary)}</p>` : ''}
<div>${staticPage.html}</div>`,
  );
}

/**
 * The ways a reader may type a document's number: "123/QĐ-UBND" is also
 * found as "123 qd ubnd", "123-QĐ-UBND" or "123qdubnd".
 */
export function numberVariants(number: string): string[] {
  const parts = number.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return [...new Set([parts.join(' '), parts.join('')])];
}

/** An official document in search: found by its number typed loosely and by its summary, filtered by type. */
export function officialDocumentSearchDocument(document: OfficialDocument): string {
  const kind = escapeHtml(t('resultDocument'));
  const type = escapeHtml(document.type.name);
  return page(
    document.title,
    `data-pagefind-filter="kind[data-pf-kind], documentType[data-pf-type], year[data-pf-year]" data-pf-kind="${kind}" data-pf-type="${type}" data-pf-year="${document.year}" data-pagefind-meta="date[data-pf-date]" data-pagefind-sort="date[data-pf-date]" data-pf-date="${document.issuedIso}"`,
    `<p data-pagefind-ignore data-pagefind-meta="category">${kind} · ${type}</p>
<h1 data-pagefind-meta="title">${escapeHtml(document.title)}</h1>
<p>${escapeHtml(document.summary)}</p>
<p>${escapeHtml(document.number)} (${numberVariants(document.number).map(escapeHtml).join(', ')})</p>
<p>${escapeHtml(document.issuer.name)}${document.field ? ` · ${escapeHtml(document.field.name)}` : ''}${document.signer ? ` · ${escapeHtml(document.signer)}` : ''}</p>
<div>${document.html}</div>`,
  );
}
