// npm run build's list pages (src/eleventy/list-pages.ts) and npm start's early pages (early-pages.ts) must be the
// very bytes Eleventy writes for the same page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fingerprintAssets } from '../../src/assets/index.ts';
import { templateTables } from '../../src/eleventy/index.ts';
import { imageProcessor } from '../../src/images/index.ts';
import { outputFile } from '../../src/incremental/index.ts';
import { loadSite, pageTypes, type ListPageType } from '../../src/pages/index.ts';
import { ELEVENTY_ONLY, PageRenderer } from '../../src/eleventy/index.ts';
import { buildSettings } from '../../src/settings/index.ts';
import { BUILD_NOW, ROOT, build, fileHashes, writeArticle } from '../support/build.ts';

test('every page rendered outside Eleventy is byte for byte the page Eleventy wrote', async (t) => {
  // The sample portal: pages of every type, photos, documents, static pages, aliases.
  const contentDir = path.join(mkdtempSync(path.join(tmpdir(), 'portal-render-')), 'content');
  cpSync(path.join(ROOT, 'content'), contentDir, { recursive: true });
  writeArticle(
    contentDir,
    '2024/bai-da-chuyen.md',
    '---\ntitle: "Bài đã chuyển"\ndate: "2024-04-02T08:00:00+07:00"\nauthor: Phóng viên\naliases: ["/tin-cu/"]\n---\nNội dung.\n',
  );
  const images = mkdtempSync(path.join(tmpdir(), 'portal-render-images-'));
  // Eleventy renders every page, as in npm start.
  const run = build(contentDir, { PORTAL_IMAGE_CACHE: images, PORTAL_ELEVENTY_PAGES: '1' });
  assert.equal(run.status, 0, run.stderr);
  await t.test('npm run build, writing the list pages itself, publishes the same files, manifest included', () => {
    const own = build(contentDir, { PORTAL_IMAGE_CACHE: images, PORTAL_FULL_BUILD: '1' });
    assert.equal(own.status, 0, own.stderr);
    assert.deepEqual(fileHashes(own.outputDir), fileHashes(run.outputDir));
  });
  const settings = buildSettings({ PORTAL_CONTENT: contentDir, PORTAL_NOW: BUILD_NOW, PORTAL_IMAGE_CACHE: images });
  const content = await loadSite({ contentDir, now: settings.now, images: imageProcessor(images) });
  const renderer = new PageRenderer('layouts', templateTables(settings, fingerprintAssets('assets')));
  const compared = new Map<string, number>();
  for (const type of pageTypes.filter((type) => !ELEVENTY_ONLY.has(type.name))) {
    const items = 'items' in type ? (content.portal[(type as ListPageType).items] as unknown[]) : [undefined];
    for (const item of items) {
      const { url, html } = renderer.render(content, type, item);
      assert.equal(html, readFileSync(path.join(run.outputDir, outputFile(url)), 'utf8'), `${type.name} ${url}`);
      compared.set(type.name, (compared.get(type.name) ?? 0) + 1);
    }
  }
  // Pages of every type were compared, many articles among them.
  for (const type of pageTypes.filter((type) => !ELEVENTY_ONLY.has(type.name)))
    assert.ok(compared.get(type.name), `no page of type ${type.name} was compared`);
  assert.ok((compared.get('article') ?? 0) > 5);
});
