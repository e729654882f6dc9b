// The search index in shards of whole years, the newest one's last months apart (src/search/shards.ts), and
// re-indexing only some of them.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseVietnamDate } from '../../src/dates/index.ts';
import { loadSite, searchablePages, type SearchablePage } from '../../src/pages/index.ts';
import {
  indexShards,
  PAGEFIND_ALLOCATOR,
  pagefindBinary,
  searchDate,
  searchShards,
  type ShardPlan,
} from '../../src/search/index.ts';
import { BUILD_NOW, treeHash } from '../support/build.ts';

let pages: SearchablePage[];
const year = (page: SearchablePage) => searchDate(page).slice(0, 4);

before(async () => {
  // The sample portal: articles, static pages and official documents over several years.
  const { portal } = await loadSite({ contentDir: 'content', now: parseVietnamDate(BUILD_NOW)! });
  pages = searchablePages(portal);
});

test('the sample has pages of every kind over several years (what the tests below need)', () => {
  assert.deepEqual(new Set(pages.map((page) => page.kind)), new Set(['article', 'page', 'document']));
  assert.ok(new Set(pages.map(year)).size >= 3);
});

test('under the shard size, the index is one shard', () => {
  const shards = searchShards(pages);
  assert.equal(shards.length, 1);
  assert.equal(shards[0].pages.length, pages.length);
});

// The newest shard unsplit (its recent months apart: the test after these).
const unsplit = Number.POSITIVE_INFINITY;

for (const size of [1, 5, 20]) {
  test(`at most ${size} pages a shard: every page once, whole years, newest first, named by their years`, () => {
    const shards = searchShards(pages, size, unsplit);
    assert.deepEqual(new Set(shards.flatMap((shard) => shard.pages)), new Set(pages));
    assert.equal(
      shards.reduce((sum, shard) => sum + shard.pages.length, 0),
      pages.length,
    );
    const years = shards.map((shard) => [...new Set(shard.pages.map(year))].sort());
    // A year is in one shard only, and each shard is newer than the next.
    for (let i = 1; i < years.length; i++) assert.ok(years[i].at(-1)! < years[i - 1][0], `${years[i]} before ${years[i - 1]}`);
    for (const [i, shard] of shards.entries()) {
      assert.ok(shard.pages.length <= size || years[i].length === 1, `${shard.name}: ${shard.pages.length} pages`);
      assert.equal(shard.name, years[i].length > 1 ? `${years[i][0]}-${years[i].at(-1)}` : years[i][0]);
    }
  });
}

test('once the index is split, the newest shard (where edits land) closes as soon as it holds a quarter of a shard', () => {
  const newestYear = pages.map(year).sort().at(-1)!;
  // The sample's newest year alone, and a newest year with only two pages, which then takes older years along.
  const smallNewest = [
    ...pages.filter((page) => year(page) === newestYear).slice(0, 2),
    ...pages.filter((page) => year(page) !== newestYear),
  ];
  for (const set of [pages, smallNewest]) {
    // One page too many for one shard.
    const size = set.length - 1;
    const [newest, ...older] = searchShards(set, size, unsplit);
    const years = [...new Set(newest.pages.map(year))].sort();
    assert.ok(newest.pages.length >= size / 4, `${newest.name}: ${newest.pages.length} of ${size} pages`);
    const withoutOldest = newest.pages.filter((page) => year(page) !== years[0]);
    assert.ok(withoutOldest.length < size / 4, `${newest.name} went on past a quarter of ${size} pages`);
    assert.equal(older.length, 1);
  }
});

test('a newest shard of many pages leaves its last three months to a shard of their own: where recent news is edited', () => {
  const size = 20;
  const month = (page: SearchablePage) => searchDate(page).slice(0, 7);
  const whole = searchShards(pages, size, unsplit);
  const [newest, ...older] = whole;
  // Counted from the newest article's month: news is what editors correct.
  const newsMonth = newest.pages
    .flatMap((page) => (page.kind === 'article' ? [month(page)] : []))
    .sort()
    .at(-1)!;
  const [y, m] = newsMonth.split('-').map(Number);
  const from = new Date(Date.UTC(y, m - 3, 1)).toISOString().slice(0, 7);
  const recentPages = newest.pages.filter((page) => month(page) >= from);
  const restPages = newest.pages.filter((page) => month(page) < from);
  assert.ok(recentPages.length > 0 && restPages.length > 0, 'the sample’s newest shard spans more than three months');

  const [recent, rest, ...others] = searchShards(pages, size, newest.pages.length);
  assert.deepEqual(recent.pages, recentPages);
  const recentMonths = recentPages.map(month).sort();
  assert.equal(recent.name, `${recentMonths[0]}-${recentMonths.at(-1)}`);
  assert.deepEqual(rest.pages, restPages);
  const restYears = [...new Set(restPages.map(year))].sort();
  assert.equal(rest.name, restYears.length > 1 ? `${restYears[0]}-${restYears.at(-1)}` : restYears[0]);
  // The older shards are those of the newest shard unsplit: the split moves no year.
  assert.deepEqual(others, older);

  // News that stopped months before the newest static page or document: the months are still the news's.
  const laterPages = pages.filter((page) => page.kind !== 'article' && month(page) >= from);
  assert.ok(laterPages.length > 0, 'the sample has static pages or documents of the last three months');
  const [recentOfOlder] = searchShards(
    pages.filter((page) => page.kind !== 'article' || month(page) < from),
    size,
    1,
  );
  assert.ok(
    recentOfOlder.pages.some((page) => page.kind === 'article'),
    recentOfOlder.name,
  );
  assert.ok(
    laterPages.every((page) => recentOfOlder.pages.includes(page)),
    recentOfOlder.name,
  );

  // Not split with fewer pages than asked for (RECENT_SPLIT_PAGES unless told), nor with none before the last three months.
  assert.deepEqual(searchShards(pages, size, newest.pages.length + 1), whole);
  assert.deepEqual(searchShards(pages, size), whole, 'the sample’s shards are under RECENT_SPLIT_PAGES');
  const recentOnly = [...recentPages, ...older.flatMap((shard) => shard.pages)];
  assert.deepEqual(searchShards(recentOnly, size, 1), searchShards(recentOnly, size, unsplit));
});

test('the recent shard’s three months reach back across a new year', () => {
  // The sample's articles, dated again: one a month from 2025-01 to `newest` (the newest shard), and five of 2020.
  const articles = pages.filter((page) => page.kind === 'article');
  const on = (page: (typeof articles)[number], day: Date) =>
    ({
      ...page,
      article: { ...page.article, publishedIso: `${day.toISOString().slice(0, 10)}T09:00:00+07:00` },
    }) as SearchablePage;
  for (const [newest, name] of [
    ['2026-01', '2025-11-2026-01'],
    ['2026-02', '2025-12-2026-02'],
    ['2026-03', '2026-01-2026-03'],
  ]) {
    const [y, m] = newest.split('-').map(Number);
    const news = articles.slice(0, 12 + m).map((page, i) => on(page, new Date(Date.UTC(y, m - 1 - i, 15))));
    const older = articles.slice(12 + m, 17 + m).map((page) => on(page, new Date(Date.UTC(2020, 5, 1))));
    const [recent, rest, ...others] = searchShards([...news, ...older], news.length, 1);
    assert.equal(recent.name, name);
    assert.equal(recent.pages.length, 3, name);
    assert.equal(rest.name, '2025', name);
    assert.deepEqual(
      others.map((shard) => shard.name),
      ['2020'],
    );
  }
});

test('re-indexing only some shards keeps the others byte for byte and drops shards that are gone', async () => {
  const site = mkdtempSync(path.join(tmpdir(), 'portal-shards-'));
  const shards = searchShards(pages, 10);
  assert.ok(shards.length >= 3, `${shards.length} shards`);
  await indexShards(site, shards);
  const folder = (name: string) => path.join(site, 'pagefind', name);
  const before = new Map(shards.map((shard) => [shard.name, treeHash(folder(shard.name))]));

  // The newest shard again, and the two oldest now one shard.
  const [newest, ...rest] = shards;
  const merged = { name: 'gop', pages: [...rest.at(-2)!.pages, ...rest.at(-1)!.pages] };
  const plan = [newest, ...rest.slice(0, -2), merged];
  const result = await indexShards(site, plan, new Set([newest.name, merged.name]));
  for (const shard of rest.slice(0, -2)) assert.equal(treeHash(folder(shard.name)), before.get(shard.name), shard.name);
  assert.equal(treeHash(folder(newest.name)), before.get(newest.name), 'the same pages index the same');
  for (const gone of rest.slice(-2)) assert.equal(existsSync(folder(gone.name)), false, gone.name);
  const entry = JSON.parse(readFileSync(path.join(folder('gop'), 'pagefind-entry.json'), 'utf8'));
  assert.equal(entry.languages.vi.page_count, merged.pages.length);
  const written = JSON.parse(readFileSync(path.join(site, 'pagefind/shards.json'), 'utf8')) as ShardPlan;
  assert.deepEqual(written.shards, result.shards);
  assert.deepEqual(
    written.shards.map((shard) => shard.name),
    plan.map((shard) => shard.name),
  );
  assert.equal(result.pages, pages.length);
});

test('a second lane (once Eleventy has rendered) takes the shards not begun: each indexed once, the same bytes as one lane', async () => {
  const shards = searchShards(pages, 10);
  const oneLane = mkdtempSync(path.join(tmpdir(), 'portal-lanes-'));
  await indexShards(oneLane, shards);

  // Two more lanes are asked for, one a core at most: on two cores the second call adds none.
  const lanes = Math.min(3, availableParallelism(), shards.length);
  // Pagefind, as the package lets it be named (PAGEFIND_BINARY_PATH), behind a script that notes which lane ran
  // which shard with which settings of its allocator, and holds each lane's first run until every lane has one (a
  // lane started late on a busy machine would otherwise find every shard taken), for 10 s at most.
  const work = mkdtempSync(path.join(tmpdir(), 'portal-lanes-'));
  const log = path.join(work, 'runs.log');
  const wrapper = path.join(work, 'pagefind');
  writeFileSync(
    wrapper,
    [
      '#!/bin/sh',
      `echo "$PPID $2 $_RJEM_MALLOC_CONF" >> '${log}'`,
      `i=0; while [ "$(wc -l < '${log}')" -lt ${lanes} ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done`,
      `exec '${pagefindBinary()}' "$@"`,
    ].join('\n'),
    { mode: 0o755 },
  );
  const twoLanes = path.join(work, 'site');
  const saved = {
    PAGEFIND_BINARY_PATH: process.env.PAGEFIND_BINARY_PATH,
    PAGEFIND_EXTENDED_BINARY_PATH: process.env.PAGEFIND_EXTENDED_BINARY_PATH,
    _RJEM_MALLOC_CONF: process.env._RJEM_MALLOC_CONF,
  };
  delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
  delete process.env._RJEM_MALLOC_CONF;
  process.env.PAGEFIND_BINARY_PATH = wrapper;
  try {
    const indexing = indexShards(twoLanes, shards);
    indexing.addLane();
    indexing.addLane();
    await indexing;
  } finally {
    for (const [name, value] of Object.entries(saved))
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  }
  const runs = readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(' '));
  assert.deepEqual(runs.map(([, site]) => path.basename(site)).sort(), shards.map((shard) => shard.name).sort());
  assert.equal(new Set(runs.map(([lane]) => lane)).size, lanes, 'lanes that indexed');
  assert.deepEqual(new Set(runs.map(([, , allocator]) => allocator)), new Set([PAGEFIND_ALLOCATOR]), "Pagefind's allocator");
  assert.equal(treeHash(path.join(twoLanes, 'pagefind')), treeHash(path.join(oneLane, 'pagefind')));
});
