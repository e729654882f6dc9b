// npm start's early page of a saved article (src/eleventy/saved-article.ts) must be the page the full build then writes.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fingerprintAssets } from '../../src/assets/index.ts';
import { templateTables } from '../../src/eleventy/index.ts';
import { imageProcessor } from '../../src/images/index.ts';
import { outputFile } from '../../src/incremental/index.ts';
import { loadSite, pageTypes } from '../../src/pages/index.ts';
import type { LoadedContent } from '../../src/portal/index.ts';
import { PageRenderer } from '../../src/eleventy/index.ts';
import { withSavedArticle, type SavedArticleOptions } from '../../src/eleventy/index.ts';
import { buildSettings } from '../../src/settings/index.ts';
import { BUILD_NOW, ROOT, build } from '../support/build.ts';

const articlePage = pageTypes.find((type) => type.name === 'article')!;
let contentDir: string;
let images: string;
let options: SavedArticleOptions;
let renderer: PageRenderer;
let last: LoadedContent;

before(async () => {
  contentDir = path.join(mkdtempSync(path.join(tmpdir(), 'portal-saved-')), 'content');
  cpSync(path.join(ROOT, 'content'), contentDir, { recursive: true });
  images = mkdtempSync(path.join(tmpdir(), 'portal-saved-images-'));
  const settings = buildSettings({ PORTAL_CONTENT: contentDir, PORTAL_NOW: BUILD_NOW, PORTAL_IMAGE_CACHE: images });
  // As npm start reads: drafts and scheduled articles shown.
  options = { contentDir, now: settings.now, showDrafts: true, images: imageProcessor(images) };
  renderer = new PageRenderer('layouts', templateTables(settings, fingerprintAssets('assets')));
  last = await loadSite(options);
});

const file = (name: string) => path.join(contentDir, 'articles', '2025', name);
const SAVED = 'bua-an-ban-tru-cho-hoc-sinh-vung-cao.md';

/** Saves `text` as `name`, renders the early page from the portal before the save, then builds everything with Eleventy. */
async function earlyAndBuilt(name: string, text: string): Promise<{ early: string; built: string; url: string }> {
  writeFileSync(file(name), text);
  const saved = await withSavedArticle(last, file(name), options);
  assert.ok(saved, `no early page for ${name}`);
  const { url, html } = renderer.render(saved.content, articlePage, saved.article);
  // Eleventy renders every page, as in npm start, where the early page is shown.
  const run = build(contentDir, { PORTAL_IMAGE_CACHE: images, PORTAL_DRAFTS: '1', PORTAL_ELEVENTY_PAGES: '1' });
  assert.equal(run.status, 0, run.stderr);
  last = await loadSite(options);
  return { early: html, built: readFileSync(path.join(run.outputDir, outputFile(url)), 'utf8'), url };
}

test('after a body edit, a title edit, a tag change and a new article, the early page is the built page', async () => {
  const original = readFileSync(file(SAVED), 'utf8');
  const edits = [
    original.replace('Năm học 2025 - 2026 là năm học', 'Năm học 2025 - 2026, theo lời MÃBÀI, là năm học'),
    original.replace(/^title: .*$/m, 'title: "Bữa ăn bán trú mới MÃTIÊUĐỀ"'),
    original.replace('  - "Bán trú"\n  - "Giáo dục"', '  - "Giáo dục"\n  - "Thẻ mới MÃTHẺ"'),
  ];
  for (const [index, text] of edits.entries()) {
    const { early, built, url } = await earlyAndBuilt(SAVED, text);
    assert.equal(early, built, `edit ${index} of ${url}`);
    assert.match(early, /MÃ(BÀI|TIÊUĐỀ|THẺ)/);
  }
  const { early, built } = await earlyAndBuilt('bai-moi-luu.md', original.replace(/^title: .*$/m, 'title: "Bài mới MÃMỚI"'));
  assert.equal(early, built);
  assert.match(early, /<h1 class="article-title">Bài mới MÃMỚI<\/h1>/);
  assert.match(early, /href="\/the\/giao-duc\/" rel="tag">Giáo dục</);
});

test('a saved article that the rebuild might show otherwise gets no early page', async () => {
  const original = readFileSync(file(SAVED), 'utf8');
  const cases = {
    'an error in the front matter': original.replace(/^date: .*$/m, 'date: "hôm qua"'),
    'the URL of another article': original.replace(
      /^author: .*$/m,
      '$&\nslug: "lay-y-kien-nhan-dan-ve-sap-xep-don-vi-hanh-chinh"',
    ),
    'an attached file': `${original}\n[Tải tờ trình](to-trinh.pdf)\n`,
    // The portal spells it "Giáo dục": which spelling wins is counted over every article.
    'a tag spelled otherwise': original.replace('  - "Giáo dục"', '  - "GIÁO DỤC"'),
    'a tag with the URL of another tag': original.replace('  - "Giáo dục"', '  - "ban tru+"'),
    'a new alias': original.replace(/^author: .*$/m, '$&\naliases: ["/lien-he/"]'),
    // Links to the old URL break: an error only the rebuild finds.
    'a new URL': original.replace(/^author: .*$/m, '$&\nslug: "bua-an-ban-tru-moi"'),
  };
  for (const [name, text] of Object.entries(cases)) {
    writeFileSync(file(SAVED), text);
    assert.equal(await withSavedArticle(last, file(SAVED), options), undefined, name);
  }
  writeFileSync(file(SAVED), original.replace(/^author: .*$/m, '$&\ndraft: true'));
  assert.ok(await withSavedArticle(last, file(SAVED), options), 'a draft, when drafts are shown');
  assert.equal(await withSavedArticle(last, file(SAVED), { ...options, showDrafts: false }), undefined);
  writeFileSync(file(SAVED), original);
  assert.ok(await withSavedArticle(last, file(SAVED), options));
  // Moved into a subfolder: the same URL, now the moved file's, listed once.
  const movedTo = path.join(contentDir, 'articles', '2025', 'ban-tru', SAVED);
  mkdirSync(path.dirname(movedTo));
  renameSync(file(SAVED), movedTo);
  const moved = await withSavedArticle(last, movedTo, options);
  assert.ok(moved);
  assert.deepEqual(
    moved.content.portal.articles.filter((a) => a.url === moved.article.url).map((a) => a.file),
    [movedTo],
  );
  renameSync(movedTo, file(SAVED));
  // A new URL might be an article's that the portal left out for its errors.
  writeFileSync(file('bai-moi-khac.md'), original.replace(/^title: .*$/m, 'title: "Một bài mới khác"'));
  assert.ok(await withSavedArticle(last, file('bai-moi-khac.md'), options));
  const withError = { ...last, problems: [{ severity: 'error' as const, file: file('loi.md'), message: 'lỗi' }] };
  assert.equal(await withSavedArticle(withError, file('bai-moi-khac.md'), options), undefined);
  assert.ok(await withSavedArticle(withError, file(SAVED), options), 'an article keeping its URL still gets one');
  const withNewTag = original.replace('  - "Giáo dục"', '  - "Thẻ chưa có"');
  writeFileSync(file(SAVED), withNewTag);
  assert.ok(await withSavedArticle(last, file(SAVED), options));
  // Its spelling may be counted against an article left out.
  assert.equal(await withSavedArticle(withError, file(SAVED), options), undefined);
  writeFileSync(file(SAVED), original);
  // Its own error at the last rebuild (a broken link, say) came from checks across files.
  const ownError = { ...last, problems: [{ severity: 'error' as const, file: file(SAVED), message: 'lỗi' }] };
  assert.equal(await withSavedArticle(ownError, file(SAVED), options), undefined);
  // A new article at an old URL that redirects to another.
  writeFileSync(file('bai-da-chuyen.md'), original.replace(/^author: .*$/m, '$&\naliases: ["/tin-tuc/ten-cu/"]'));
  const withAlias = await loadSite(options);
  writeFileSync(file('ten-cu.md'), original.replace(/^title: .*$/m, 'title: "Bài ở địa chỉ cũ"'));
  assert.equal(await withSavedArticle(withAlias, file('ten-cu.md'), options), undefined);
});
