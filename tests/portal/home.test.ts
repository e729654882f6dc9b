import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CheerioAPI } from 'cheerio';
import { build, copyFixture, page, writeArticle, type BuildRun } from '../support/build.ts';

// Featured stories ("Tin nổi bật") on the built home page: editors' choice
// first, in their order, then the newest; an ended feature steps down at the
// next build after its end date (PORTAL_NOW is the build's clock).

const story = (slug: string, date: string, fields = '') =>
  [
    slug,
    `---\ntitle: "Tin ${slug}"\ndate: "${date}"\nauthor: Phóng viên\ncategory: kinh-te\n${fields}---\nNội dung tin ${slug}.\n`,
  ] as const;

const FEATURED = [
  story('cu-thu-nhat', '2017-01-10T08:00:00+07:00', 'featured: true\nfeaturedOrder: 1\n'),
  story('cu-thu-hai', '2019-01-10T08:00:00+07:00', 'featured: true\nfeaturedOrder: 2\n'),
  story('noi-bat-2021', '2021-01-10T08:00:00+07:00', 'featured: true\n'),
  story('noi-bat-2022', '2022-01-10T08:00:00+07:00', 'featured: true\n'),
  story('het-han', '2020-01-10T08:00:00+07:00', 'featured: true\nfeaturedUntil: "2026-11-20T17:00:00+07:00"\n'),
  // Newer than every featured story, and not featured.
  ...[1, 2, 3, 4, 5, 6].map((day) => story(`tin-moi-${day}`, `2026-11-0${day}T08:00:00+07:00`)),
];

/** Slugs of the lead, then the secondary stories, as a reader sees them. */
function topStories($: CheerioAPI): string[] {
  return $('.lead-title a, .secondary-stories .story-title a')
    .map((_, a) =>
      $(a)
        .attr('href')!
        .replace(/^\/tin-tuc\/|\/$/g, ''),
    )
    .get();
}

/** Every article link of the home page's stories and lists, once per story (a photo and its title are one story). */
function storiesShown($: CheerioAPI): string[] {
  return $('main')
    .find('.lead-title a, .story-title a, .headline-list a')
    .map((_, a) => $(a).attr('href')!)
    .get()
    .filter((href) => href.startsWith('/tin-tuc/'));
}

function assertNothingTwice($: CheerioAPI): void {
  const shown = storiesShown($);
  assert.ok(shown.length >= 2, String(shown));
  assert.deepEqual(
    shown.filter((href, i) => shown.indexOf(href) !== i),
    [],
  );
  // Each photo links to its story's article.
  $('main .story-photo').each((_, photo) => {
    const title = $(photo).parent().find('.lead-title a, .story-title a').first().attr('href');
    assert.equal($(photo).attr('href'), title);
  });
}

describe('featured stories', () => {
  let content: string;
  let now: BuildRun;
  let beforeEnd: BuildRun;
  let none: BuildRun;

  before(() => {
    content = copyFixture('basic');
    for (const [slug, text] of FEATURED) writeArticle(content, `bai/${slug}.md`, text);
    now = build(content, { PORTAL_NOW: '2026-11-26T12:00:00+07:00' });
    beforeEnd = build(content, { PORTAL_NOW: '2026-11-19T12:00:00+07:00' });
    none = build(copyFixture('basic'));
    for (const run of [now, beforeEnd, none]) assert.equal(run.status, 0, run.stderr);
  });

  test('a featured older article leads the home page above newer ones, and the order field is respected', () => {
    const $ = page(now.outputDir, '/');
    // Order 1, order 2, then the featured without an order newest first, then the newest to fill.
    assert.deepEqual(topStories($), ['cu-thu-nhat', 'cu-thu-hai', 'noi-bat-2022', 'noi-bat-2021', 'tin-moi-6']);
    assert.equal($('#tin-noi-bat').text(), 'Tin nổi bật');
    assert.ok($('.lead-story .story-photo').length, 'the lead has a photo or its placeholder');
  });

  test('an expired feature no longer leads: it is featured before its end date, not after', () => {
    assert.deepEqual(topStories(page(beforeEnd.outputDir, '/')), [
      'cu-thu-nhat',
      'cu-thu-hai',
      'noi-bat-2022',
      'noi-bat-2021',
      'het-han',
    ]);
    const after = page(now.outputDir, '/');
    assert.ok(!topStories(after).includes('het-han'));
    // Still published, among the other news.
    assert.ok(storiesShown(after).includes('/tin-tuc/het-han/'));
  });

  test('with no featured articles, the newest leads', () => {
    const $ = page(none.outputDir, '/');
    assert.deepEqual(topStories($), ['dang-uy-hop', 'bac-kan-so-ket']);
  });

  test('no story is shown twice on the home page', () => {
    for (const run of [now, beforeEnd, none]) assertNothingTwice(page(run.outputDir, '/'));
  });
});
