import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { build, copyFixture, page, text, writeArticle, type BuildRun } from '../support/build.ts';

// Scheduled for the day after the test clock (2026-11-26 12:00), with a tag, a category and a month of its own.
const SCHEDULED = `---
title: "Khánh thành cầu treo Nà Làng"
date: "2026-12-01T07:00:00+07:00"
author: Biên tập viên
category: y-te
tags: ["Cầu treo Nà Làng"]
---
Sáng 01/12, cầu treo Nà Làng được khánh thành.
`;
const UNPUBLISHED = [
  'ban-nhap',
  'Bài đang soạn',
  'Nội dung chưa xong',
  'hen-gio',
  'Bài hẹn giờ đăng',
  'Chưa tới giờ đăng',
  'khanh-thanh-cau-treo',
  'Khánh thành cầu treo',
  'cầu treo Nà Làng',
  'cau-treo-na-lang',
  '/luu-tru/2026/12/',
];

/** Every file of the site as text, gzip-compressed ones (a search index) unpacked. */
function everyFile(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, name);
    if (!statSync(file).isFile()) continue;
    const bytes = readFileSync(file);
    files.set(name, (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8'));
  }
  return files;
}

let content: string;
let site: BuildRun;
before(() => {
  content = copyFixture('basic');
  writeArticle(content, '2026/khanh-thanh-cau-treo.md', SCHEDULED);
  site = build(content);
  assert.equal(site.status, 0, site.stderr);
});

test('drafts and scheduled articles are in no page, feed, sitemap, list or index of the built site', () => {
  const files = everyFile(site.outputDir);
  assert.ok(files.has('feed.xml') && files.has('sitemap.xml') && files.has('published-urls.json'));
  for (const [name, body] of files) {
    for (const needle of UNPUBLISHED) assert.equal(body.includes(needle), false, `${name} mentions "${needle}"`);
  }
  assert.equal(existsSync(path.join(site.outputDir, 'the/cau-treo-na-lang')), false);
  const y = page(site.outputDir, '/chuyen-muc/y-te/');
  assert.equal(y('.card').length, 0, 'the category page lists nothing yet');
});

test('a scheduled article is published by the first build after its time', () => {
  const later = build(content, { PORTAL_NOW: '2026-12-01T07:05:00+07:00' });
  assert.equal(later.status, 0, later.stderr);
  const url = '/tin-tuc/khanh-thanh-cau-treo/';
  assert.equal(text(page(later.outputDir, url), 'h1'), 'Khánh thành cầu treo Nà Làng');
  assert.equal(page(later.outputDir, '/')('.lead-title a').attr('href'), url);
  assert.equal(page(later.outputDir, '/the/cau-treo-na-lang/')('.card-title a').attr('href'), url);
  assert.equal(page(later.outputDir, '/luu-tru/2026/12/')('.card').length, 1);
  assert.equal(page(later.outputDir, 'feed.xml')('entry link').first().attr('href'), `https://vidu.gov.vn${url}`);
  const sitemap = page(later.outputDir, 'sitemap.xml');
  assert.ok(
    sitemap('loc')
      .map((_, l) => sitemap(l).text())
      .get()
      .includes(`https://vidu.gov.vn${url}`),
  );
  // Drafts stay out whatever the clock.
  assert.equal(existsSync(path.join(later.outputDir, 'tin-tuc/ban-nhap')), false);
});

test('the preview (npm start: PORTAL_DRAFTS=1) shows drafts and scheduled articles under a visible banner', () => {
  const preview = build(content, { PORTAL_DRAFTS: '1' });
  assert.equal(preview.status, 0, preview.stderr);
  const draft = page(preview.outputDir, '/tin-tuc/ban-nhap/');
  assert.equal(text(draft, '.draft-banner'), 'Bản nháp – bài viết này chưa được xuất bản');
  assert.equal(draft('.draft-banner').attr('role'), 'status');
  const scheduled = page(preview.outputDir, '/tin-tuc/khanh-thanh-cau-treo/');
  assert.match(text(scheduled, '.draft-banner'), /^Bài hẹn giờ – sẽ được xuất bản từ 01\/12\/2026 07:00:00/);
  assert.equal(page(preview.outputDir, '/tin-tuc/bac-kan-so-ket/')('.draft-banner').length, 0);
});

test('npm start previews with drafts, into a folder of its own', () => {
  const { scripts } = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8'));
  assert.match(scripts.start, /PORTAL_DRAFTS=1 /);
  assert.match(scripts.start, /PORTAL_OUTPUT=_site\.preview /, 'a preview never writes drafts into the published _site/');
});
