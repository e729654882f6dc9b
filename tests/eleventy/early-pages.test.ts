// npm start's early pages (src/eleventy/early-pages.ts), driven as the plugin drives them, without Eleventy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fingerprintAssets } from '../../src/assets/index.ts';
import { EarlyPages, templateTables } from '../../src/eleventy/index.ts';
import { imageProcessor } from '../../src/images/index.ts';
import { outputFile, planPages } from '../../src/incremental/index.ts';
import { inspectSite } from '../../src/pages/index.ts';
import { routes } from '../../src/routes/index.ts';
import { buildSettings } from '../../src/settings/index.ts';
import { BUILD_NOW, copyFixture } from '../support/build.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a saved title: its page and its lists are written early; a rebuild that starts meanwhile drops them', async () => {
  const contentDir = copyFixture('basic');
  const outputDir = mkdtempSync(path.join(tmpdir(), 'portal-early-'));
  const images = mkdtempSync(path.join(tmpdir(), 'portal-early-images-'));
  const env = { PORTAL_CONTENT: contentDir, PORTAL_NOW: BUILD_NOW, PORTAL_IMAGE_CACHE: images, PORTAL_DRAFTS: '1' };
  const settings = buildSettings(env);
  const reading = { contentDir, now: settings.now, showDrafts: true, images: imageProcessor(images) };
  const early = new EarlyPages({
    ...reading,
    layoutsDir: 'layouts',
    tables: templateTables(settings, fingerprintAssets('assets')),
    pathPrefix: '/',
  });
  const { site, portal, problems } = await inspectSite(reading);
  assert.ok(site && portal);
  const siteDigest = 'bản dựng trước';
  const { fingerprints } = planPages(portal, siteDigest);
  early.rebuilt({ content: { site, portal, problems }, outputDir, siteDigest, fingerprints });

  const file = path.join(contentDir, 'articles', '2024', 'dang-uy-hop.md');
  const original = readFileSync(file, 'utf8');
  const page = (url: string) => path.join(outputDir, outputFile(url));
  writeFileSync(file, original.replace(/^title: .*$/m, 'title: "Tiêu đề lưu lần một"'));
  early.changed(file);
  for (let waited = 0; waited < 20_000 && !existsSync(page('/chuyen-muc/chinh-tri/')); waited += 20) await sleep(20);
  const written = early.takeWritten();
  for (const url of ['/tin-tuc/dang-uy-hop/', '/chuyen-muc/chinh-tri/', '/the/dang-uy/', '/']) {
    assert.ok(written.has(url), `${url} was not written early`);
    assert.match(readFileSync(page(url), 'utf8'), /Tiêu đề lưu lần một/, url);
  }
  // Its template uses Eleventy's own filters: Eleventy's rebuild writes it.
  assert.ok(!written.has(routes.search));

  writeFileSync(file, original.replace(/^title: .*$/m, 'title: "Tiêu đề lưu lần hai"'));
  early.changed(file);
  early.rebuilding();
  await sleep(1000);
  assert.equal(early.takeWritten().size, 0);
  assert.match(readFileSync(page('/tin-tuc/dang-uy-hop/'), 'utf8'), /Tiêu đề lưu lần một/);

  // A rebuild that starts after the article's page, while the server serves it: the other pages are left to it.
  early.rebuilt({ content: { site, portal, problems }, outputDir, siteDigest, fingerprints });
  writeFileSync(file, original.replace(/^title: .*$/m, 'title: "Tiêu đề lưu lần ba"'));
  early.changed(file);
  const article = page('/tin-tuc/dang-uy-hop/');
  for (let waited = 0; waited < 20_000 && !readFileSync(article, 'utf8').includes('lần ba'); waited += 5) await sleep(5);
  early.rebuilding();
  await sleep(1000);
  assert.deepEqual([...early.takeWritten()], ['/tin-tuc/dang-uy-hop/']);
  assert.match(readFileSync(page('/chuyen-muc/chinh-tri/'), 'utf8'), /Tiêu đề lưu lần một/);
});
