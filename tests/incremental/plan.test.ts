// Which pages an edit touches (src/incremental), without a build: fingerprints of two loads of a corpus.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateCorpus } from '../../scripts/corpus/generate.ts';
import { parseVietnamDate } from '../../src/dates/index.ts';
import { planPages, planShards, type PageFingerprints } from '../../src/incremental/index.ts';
import { loadSite, searchablePages } from '../../src/pages/index.ts';
import { searchShards } from '../../src/search/index.ts';
import type { Portal } from '../../src/portal/index.ts';

const content = path.join(mkdtempSync(path.join(tmpdir(), 'portal-plan-')), 'content');
const load = async () => (await loadSite({ contentDir: content, now: parseVietnamDate('2026-06-01T00:00:00+07:00')! })).portal;
const SITE = 'site digest';
let portal: Portal;
let fingerprints: PageFingerprints;

/** The URLs whose fingerprint differs after `change` is made to the article at `index` (newest first). */
async function touched(index: number, change: (text: string) => string): Promise<{ urls: string[]; url: string; after: Portal }> {
  const article = portal.articles[index];
  const file = path.resolve(article.file);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
  const after = await load();
  const plan = planPages(after, SITE, { fingerprints, hasFile: () => true });
  portal = after;
  fingerprints = plan.fingerprints;
  return { urls: Object.keys(plan.fingerprints).filter((url) => plan.renders(url)), url: article.url, after };
}

before(async () => {
  generateCorpus({ articles: 120, seed: 3, dir: content });
  portal = await load();
  fingerprints = planPages(portal, SITE).fingerprints;
});

describe('planPages', () => {
  test('without a previous build, every page is rendered; with an identical one, none of the many-page types', async () => {
    const first = planPages(portal, SITE);
    assert.equal(first.kept.length, 0);
    assert.ok(first.renders('/tin-tuc/khong-co/') && first.renders(portal.articles[0].url));
    const again = planPages(await load(), SITE, { fingerprints: first.fingerprints, hasFile: () => true });
    assert.equal(again.kept.length, Object.keys(first.fingerprints).length);
    assert.ok(again.kept.includes(portal.articles[30].url));
    assert.ok(again.renders('/'), 'single pages (home, feed, sitemap) are always rendered');
  });

  test('a page whose file is missing is rendered, and a changed site digest renders everything', () => {
    const url = portal.articles[10].url;
    const plan = planPages(portal, SITE, { fingerprints, hasFile: (u) => u !== url });
    assert.deepEqual(
      Object.keys(fingerprints).filter((u) => plan.renders(u)),
      [url],
    );
    const changed = planPages(portal, 'another layout', { fingerprints, hasFile: () => true });
    assert.equal(changed.kept.length, 0);
  });

  test('a body edit touches its article page only', async () => {
    const { urls, url } = await touched(40, (text) => `${text}\nMột đoạn mới.\n`);
    assert.deepEqual(urls, [url]);
  });

  test('a title edit touches its page, its lists and the pages that show it in "Các tin khác"', async () => {
    const { urls, url, after } = await touched(50, (text) => text.replace(/^title: .*$/m, 'title: "Tiêu đề đã sửa"'));
    const article = after.articles.find((a) => a.url === url)!;
    const showing = after.articles.filter((other) => after.related(other).includes(article)).map((other) => other.url);
    assert.ok(showing.length > 0);
    const lists = [...after.categoryPages, ...after.tagPages, ...after.archiveMonths]
      .filter((list) => list.articles.includes(article))
      .map((list) => list.url);
    assert.ok(lists.length >= 3, 'its category, tag and archive pages');
    assert.deepEqual(urls.sort(), [url, ...showing, ...lists].sort());
  });

  test('a tag edit leaves alone the pages that show the article in their sidebar only (links: title, URL, date)', async () => {
    const index = 17;
    const before = portal;
    const article = before.articles[index];
    const inSidebar = (of: Portal, other: (typeof of.articles)[number]) => {
      const { newest, sameCategory } = of.sidebar(other);
      return [...newest, ...sameCategory].some((shown) => shown.url === article.url);
    };
    const inRelated = (of: Portal, other: (typeof of.articles)[number]) =>
      of.related(other).some((shown) => shown.url === article.url);
    const { urls, after } = await touched(index, (text) => text.replace(/^tags:.*$/m, 'tags: ["Từ khóa mới"]'));
    const sidebarOnly = after.articles
      .filter((other) => other.url !== article.url && inSidebar(after, other) && !inRelated(after, other))
      .filter((other) => !inRelated(before, before.articles.find((a) => a.url === other.url)!))
      .map((other) => other.url);
    assert.ok(sidebarOnly.length > 0, 'the corpus has pages showing the article in their sidebar only');
    assert.ok(urls.includes(article.url));
    assert.deepEqual(
      sidebarOnly.filter((url) => urls.includes(url)),
      [],
    );
  });

  test('a page that is gone is listed as removed', async () => {
    const plan = planPages(portal, SITE, { fingerprints: { ...fingerprints, '/tin-tuc/da-xoa/': 'x' }, hasFile: () => true });
    assert.deepEqual(plan.removed, ['/tin-tuc/da-xoa/']);
  });
});

describe('planShards', () => {
  const shardsOf = (of: Portal) => searchShards(searchablePages(of), 20);
  const shardOf = (of: Portal, url: string) => shardsOf(of).find((shard) => shard.pages.some((page) => page.url === url))!.name;

  test('an edit re-indexes the shard holding the article only; a missing folder or another site digest re-indexes', async () => {
    const first = { ...planShards(shardsOf(portal), SITE), fingerprints };
    assert.ok(Object.keys(first.shardFingerprints).length >= 3);
    assert.equal(first.keptShards.size, 0, 'without a previous build every shard is indexed');
    const previous = (hasShard: (name: string) => boolean) => ({
      fingerprints: first.fingerprints,
      hasFile: () => true,
      shards: first.shardFingerprints,
      hasShard,
    });
    const names = Object.keys(first.shardFingerprints);
    const again = planShards(
      shardsOf(portal),
      SITE,
      previous(() => true),
    );
    assert.deepEqual([...again.keptShards], names);
    const missing = planShards(
      shardsOf(portal),
      SITE,
      previous((name) => name !== names[1]),
    );
    assert.deepEqual(
      [...missing.keptShards],
      names.filter((name) => name !== names[1]),
    );
    assert.equal(
      planShards(
        shardsOf(portal),
        'another layout',
        previous(() => true),
      ).keptShards.size,
      0,
    );

    const { url, after } = await touched(60, (text) => `${text}\nĐoạn mới để tìm.\n`);
    const edited = planShards(
      shardsOf(after),
      SITE,
      previous(() => true),
    );
    assert.deepEqual(
      names.filter((name) => !edited.keptShards.has(name)),
      [shardOf(after, url)],
    );
  });
});
