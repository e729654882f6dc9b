import { test } from 'node:test';
import assert from 'node:assert/strict';
import { t } from '../../src/i18n/index.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { parseVietnamDate } from '../../src/dates/index.ts';
import { loadSite, searchablePages } from '../../src/pages/index.ts';
import { searchDocument, toIndexerHtml } from '../../src/search/index.ts';
import { build, copyFixture } from '../support/build.ts';

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/**
 * What Pagefind takes from a search document: the words of [data-pagefind-body]
 * without [data-pagefind-ignore], the filters (values from attributes, which keep
 * the real đ), the title and category meta and the date it sorts by.
 */
function indexed(document: string) {
  const $ = cheerio.load(document);
  const filters: Record<string, string[]> = {};
  $('[data-pagefind-filter]').each((_, el) => {
    for (const spec of $(el).attr('data-pagefind-filter')!.split(',')) {
      const [, name, attribute] = /^\s*(\w+)\[([\w-]+)\]\s*$/.exec(spec)!;
      filters[name] = [...(filters[name] ?? []), $(el).attr(attribute)!];
    }
  });
  const sortKey = /^date\[([\w-]+)\]$/.exec($('[data-pagefind-sort]').attr('data-pagefind-sort')!)![1];
  const meta = {
    title: $('[data-pagefind-meta="title"]').text(),
    category: $('[data-pagefind-meta="category"]').text(),
    date: $('[data-pagefind-sort]').attr(sortKey),
  };
  const body = $('[data-pagefind-body]');
  body.find('[data-pagefind-ignore]').remove();
  return { words: words(body.text()), filters, ...meta };
}

/**
 * What a reader sees of an article page, in the same terms: the article's text
 * except the update line, the text-size and print tools and the "Từ khóa:"
 * heading; its title, its category (breadcrumb), its publication date (JSON-LD)
 * and its tags. Words as the indexer sees them (đ swapped, see src/search/vietnamese.ts).
 */
function shown(html: string) {
  const $ = cheerio.load(html);
  const $indexed = cheerio.load(toIndexerHtml(html));
  const article = $indexed('article.article');
  article.find('.updated, .article-tools, .tags-title').remove();
  const published: string = JSON.parse($('script[type="application/ld+json"]').text()).datePublished;
  const category = $('.breadcrumb li').last().text();
  return {
    words: words(article.text()),
    filters: {
      // Every article is a "Tin bài" result (the kind filter of the search page).
      kind: [t('searchKindArticle')],
      category: [category],
      year: [published.slice(0, 4)],
      ...($('.tags a').length
        ? {
            tag: $('.tags a')
              .map((_, a) => $(a).text())
              .get(),
          }
        : {}),
    },
    title: $indexed('h1').text(),
    category: $indexed('.breadcrumb li').last().text(),
    date: published,
  };
}

test("an article's search document holds what its page shows: the same words, filters, title, category and date", async () => {
  const content = copyFixture('search');
  const run = build(content);
  assert.equal(run.status, 0, run.stderr);
  const { portal } = await loadSite({ contentDir: content, now: parseVietnamDate('2026-11-26T12:00:00+07:00')! });
  const pages = searchablePages(portal);
  assert.ok(pages.length > 5);
  for (const page of pages) {
    const reader = shown(readFileSync(path.join(run.outputDir, page.url, 'index.html'), 'utf8'));
    assert.ok(reader.words.length > 20, page.url);
    assert.deepEqual(indexed(searchDocument(page)), reader, page.url);
  }
});
