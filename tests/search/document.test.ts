import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { loadContent } from '../../src/content/index.ts';
import { parseVietnamDate } from '../../src/dates/index.ts';
import { searchDocument, toIndexerHtml } from '../../src/search/index.ts';
import { build, copyFixture } from '../support/build.ts';

/** What Pagefind indexes of a page: the text of [data-pagefind-body] without [data-pagefind-ignore], and its filters and meta. */
function indexed(html: string) {
  const $ = cheerio.load(html);
  // Meta, filters and sort keys are read from the whole page, ignored parts included.
  const described = {
    title: $('[data-pagefind-meta="title"]').text(),
    category: $('[data-pagefind-meta="category"]').text(),
    date: $('[data-pagefind-sort]').attr('data-pf-date'),
    filters: $('[data-pagefind-filter]')
      .map(
        (_, el) =>
          $(el).attr('data-pagefind-filter') +
          '=' +
          ['data-pf-category', 'data-pf-year', 'data-pf-tag'].map((a) => $(el).attr(a) ?? '').join('|'),
      )
      .get()
      .sort(),
  };
  const body = $('[data-pagefind-body]');
  body.find('[data-pagefind-ignore]').remove();
  return { words: body.text().split(/\s+/).filter(Boolean), ...described };
}

test("an article's search document gives Pagefind the same words, filters and meta as its page", async () => {
  const content = copyFixture('search');
  const run = build(content);
  assert.equal(run.status, 0, run.stderr);
  const { portal } = await loadContent({ contentDir: content, now: parseVietnamDate('2026-11-26T12:00:00+07:00')! });
  assert.ok(portal.articles.length > 5);
  for (const article of portal.articles) {
    const page = indexed(toIndexerHtml(readFileSync(path.join(run.outputDir, article.url, 'index.html'), 'utf8')));
    const document = indexed(searchDocument(article));
    assert.ok(page.words.length > 20, article.url);
    assert.deepEqual(document, page, article.url);
  }
});
