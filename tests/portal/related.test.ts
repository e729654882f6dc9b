import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { RelatedIndex } from '../../src/portal/index.ts';
import type { Article } from '../../src/content/index.ts';

function article(slug: string, category: string, tags: string[], day: number): Article {
  const date = DateTime.fromISO(`2024-01-${String(day).padStart(2, '0')}`);
  return {
    slug,
    url: `/tin-tuc/${slug}/`,
    title: slug,
    author: 'A',
    file: `${slug}.md`,
    summary: '',
    html: '',
    bodyDigest: '',
    draft: false,
    aliases: [],
    images: [],
    category: { slug: category, name: category, description: '', order: 1 },
    tags: tags.map((t) => ({ name: t, slug: t, url: `/the/${t}/` })),
    published: date,
    updated: date,
    publishedText: '',
    updatedText: '',
    publishedIso: '',
    updatedIso: '',
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
    new RelatedIndex(newestFirst).for(self).map((a) => a.slug),
    ['same-both', 'same-category', 'two-tags', 'one-tag', 'unrelated-new', 'unrelated-old'],
  );
});

test('at most eight, never the article itself', () => {
  const all = Array.from({ length: 12 }, (_, i) => article(`a${i}`, 'kinh-te', [], i + 1)).reverse();
  const related = new RelatedIndex(all).for(all[0]);
  assert.equal(related.length, 8);
  assert.ok(!related.includes(all[0]));
  assert.equal(related[0].slug, 'a10');
});

test('the fast path ranks like scoring every article', () => {
  // Deterministic mix: 300 articles over 4 categories and 12 tags.
  const all = Array.from({ length: 300 }, (_, i) =>
    article(
      `a${i}`,
      `c${i % 4}`,
      [`t${i % 12}`, `t${(i * 7) % 12}`].filter((t, j, a) => a.indexOf(t) === j),
      (i % 28) + 1,
    ),
  );
  const index = new RelatedIndex(all);
  for (const self of all.slice(0, 40)) {
    const tags = new Set(self.tags.map((t) => t.slug));
    const brute = all
      .map((other, position) => ({
        other,
        position,
        score: (other.category.slug === self.category.slug ? 2 : 0) + other.tags.filter((t) => tags.has(t.slug)).length,
      }))
      .filter(({ other }) => other !== self)
      .sort((a, b) => b.score - a.score || a.position - b.position)
      .slice(0, 8)
      .map(({ other }) => other.slug);
    assert.deepEqual(
      index.for(self).map((a) => a.slug),
      brute,
      self.slug,
    );
  }
});
