import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { relatedArticles } from '../../src/collections/related.ts';
import type { Article } from '../../src/content/index.ts';

function article(slug: string, category: string, tags: string[], day: number): Article {
  const date = DateTime.fromISO(`2024-01-${String(day).padStart(2, '0')}`);
  return {
    slug, url: `/tin-tuc/${slug}/`, title: slug, author: 'A', file: `${slug}.md`, summary: '', html: '', draft: false, aliases: [], images: [],
    category: { slug: category, name: category, description: '', order: 1 },
    tags: tags.map((t) => ({ name: t, slug: t, url: `/the/${t}/` })),
    published: date, updated: date, publishedText: '', updatedText: '', publishedIso: '', updatedIso: '',
  };
}

test('related articles rank shared category and tags above recency', () => {
  const self = article('self', 'kinh-te', ['ocop', 'nong-nghiep'], 10);
  const sameBoth = article('same-both', 'kinh-te', ['ocop'], 1);
  const twoTags = article('two-tags', 'y-te', ['ocop', 'nong-nghiep'], 2);
  const sameCategory = article('same-category', 'kinh-te', [], 3);
  const oneTag = article('one-tag', 'y-te', ['ocop'], 4);
  const unrelatedNew = article('unrelated-new', 'y-te', [], 20);
  const unrelatedOld = article('unrelated-old', 'y-te', [], 5);
  const newestFirst = [unrelatedNew, self, unrelatedOld, oneTag, sameCategory, twoTags, sameBoth];
  assert.deepEqual(
    relatedArticles(self, newestFirst).map((a) => a.slug),
    ['same-both', 'same-category', 'two-tags', 'one-tag', 'unrelated-new', 'unrelated-old'],
  );
});

test('at most eight, never the article itself', () => {
  const all = Array.from({ length: 12 }, (_, i) => article(`a${i}`, 'kinh-te', [], i + 1)).reverse();
  const related = relatedArticles(all[0], all);
  assert.equal(related.length, 8);
  assert.ok(!related.includes(all[0]));
  assert.equal(related[0].slug, 'a10');
});
