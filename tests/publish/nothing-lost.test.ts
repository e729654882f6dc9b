import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE } from '../../src/publish/index.ts';
import { build, copyFixture, fileHashes, page, text, treeHash, writeArticle } from '../support/build.ts';

/** Every published file but the build manifest, which records the build's inputs (its clock override, a digest of the sources). */
function siteHashes(dir: string): Map<string, string> {
  const hashes = fileHashes(dir);
  hashes.delete(MANIFEST_FILE);
  return hashes;
}

test('Eleventy failing mid-build leaves the published _site/ exactly as it was, and no half-built folder', () => {
  const content = copyFixture('basic');
  const published = build(content);
  assert.equal(published.status, 0, published.stderr);
  const before = treeHash(published.outputDir);

  // Passes every content check; breaks only when Eleventy renders it, after it has started writing.
  writeArticle(content, '2025/bai-moi.md', '---\ntitle: Bài mới\ndate: "2025-01-01"\nauthor: A\n---\nNội dung.\n');
  writeFileSync(path.join(content, 'trang-loi.njk'), '---\npermalink: /trang-loi/\n---\n{% include "khong-ton-tai.njk" %}\n');
  const run = build(content, {}, published.outputDir);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /Dựng cổng thông tin thất bại\.[\s\S]*Trang đã xuất bản trước đó ở .*_site được giữ nguyên/);
  assert.equal(treeHash(published.outputDir), before);
  assert.deepEqual(readdirSync(path.dirname(published.outputDir)), ['_site']);
});

test('an incremental build failing mid-build, started from the site the build before replaced, leaves the published site as it was', () => {
  const content = copyFixture('basic');
  const first = build(content);
  assert.equal(first.status, 0, first.stderr);
  const published = build(content, {}, first.outputDir);
  assert.equal(published.status, 0, published.stderr);
  // The first build's site waits as the next build's staging folder: its files are the published ones.
  assert.ok(existsSync(`${published.outputDir}.spare`));
  const before = treeHash(published.outputDir);

  // A new title: its page and the lists are written again, with other bytes, before Eleventy fails.
  const article = path.join(content, 'articles/2018/bac-kan-so-ket.md');
  writeFileSync(article, readFileSync(article, 'utf8').replace(/^title: .*$/m, 'title: "Tiêu đề đã sửa trước một lần dựng lỗi"'));
  writeFileSync(path.join(content, 'trang-loi.njk'), '---\npermalink: /trang-loi/\n---\n{% include "khong-ton-tai.njk" %}\n');
  const run = build(content, {}, published.outputDir);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /Trang đã xuất bản trước đó ở .*_site được giữ nguyên/);
  assert.equal(treeHash(published.outputDir), before);
  assert.deepEqual(readdirSync(path.dirname(published.outputDir)), ['_site']);
});

test('a published manifest naming a file outside _site/ is not trusted: the build makes and removes no folder outside it', () => {
  const content = copyFixture('basic');
  const published = build(content);
  assert.equal(published.status, 0, published.stderr);
  // A folder beside the output, and a manifest (a CI cache restored from elsewhere) naming a page in it.
  const beside = path.join(path.dirname(published.outputDir), 'ben-canh');
  mkdirSync(beside);
  writeFileSync(path.join(beside, 'giu-lai.txt'), 'không được xóa');
  const manifestFile = path.join(published.outputDir, MANIFEST_FILE);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  manifest.files['../ben-canh/trang/index.html'] = { size: 1, sha256: '0'.repeat(64) };
  writeFileSync(manifestFile, JSON.stringify(manifest));

  const article = path.join(content, 'articles/2018/bac-kan-so-ket.md');
  writeFileSync(article, readFileSync(article, 'utf8').replace(/^title: .*$/m, 'title: "Tiêu đề sau một bản kê lạ"'));
  const run = build(content, {}, published.outputDir);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(text(page(run.outputDir, '/tin-tuc/bac-kan-so-ket/'), 'h1'), 'Tiêu đề sau một bản kê lạ');
  assert.deepEqual(readdirSync(beside), ['giu-lai.txt']);
});

test('a page of the published site changed or removed by hand is written again by the next build, though nothing was edited', () => {
  const content = copyFixture('basic');
  const published = build(content);
  assert.equal(published.status, 0, published.stderr);
  const expected = siteHashes(published.outputDir);
  writeFileSync(path.join(published.outputDir, 'tin-tuc/bac-kan-so-ket/index.html'), 'hỏng');
  rmSync(path.join(published.outputDir, 'tin-tuc/dang-uy-hop/index.html'));
  const run = build(content, {}, published.outputDir);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(siteHashes(run.outputDir), expected);
});

test('two builds of the same content, at different times, are byte-identical', () => {
  const content = copyFixture('basic');
  writeArticle(
    content,
    '2024/alias.md',
    '---\ntitle: Bài có địa chỉ cũ\ndate: "2024-06-01T08:00:00+07:00"\nauthor: A\naliases: ["/tin-cu/"]\n---\nx\n',
  );
  // A static page with no date: neither its search entry nor sitemap.xml may take the build's clock.
  mkdirSync(path.join(content, 'pages'), { recursive: true });
  writeFileSync(path.join(content, 'pages', 'so-tay.md'), '---\ntitle: Sổ tay\n---\nSổ tay của cơ quan.\n');
  const first = build(content, { PORTAL_NOW: '2026-11-26T12:00:00+07:00' });
  const second = build(content, { PORTAL_NOW: '2026-11-27T08:00:00+07:00' });
  assert.equal(first.status, 0, first.stderr);
  assert.equal(second.status, 0, second.stderr);
  const a = siteHashes(first.outputDir);
  const b = siteHashes(second.outputDir);
  assert.ok(a.size > 30);
  assert.deepEqual([...b.keys()], [...a.keys()]);
  for (const [name, hash] of a) assert.equal(b.get(name), hash, name);
  // Without a clock override (every real build), the manifest is identical too.
  const manifest = (run: typeof first) => JSON.parse(readFileSync(path.join(run.outputDir, MANIFEST_FILE), 'utf8'));
  assert.deepEqual({ ...manifest(second), clock: null }, { ...manifest(first), clock: null });
});

test('title, tags, file name and body in decomposed Unicode (NFD) give the same site as precomposed (NFC)', () => {
  const article =
    '---\ntitle: "Hội nghị tổng kết năm học"\ndate: "2025-06-01T08:00:00+07:00"\nauthor: Hoàng Thị Lan\ntags: ["Giáo dục", "Đổi mới"]\n---\nNăm học vừa qua, ngành giáo dục đạt nhiều kết quả.\n';
  const nfc = copyFixture('basic');
  const nfd = copyFixture('basic');
  writeArticle(nfc, '2025/Hội-nghị-tổng-kết.md', article);
  writeArticle(nfd, '2025/Hội-nghị-tổng-kết.md'.normalize('NFD'), article.normalize('NFD'));
  for (const dir of ['2018', '2024']) {
    for (const name of readdirSync(path.join(nfd, 'articles', dir))) {
      const file = path.join(nfd, 'articles', dir, name);
      writeFileSync(file, readFileSync(file, 'utf8').normalize('NFD'));
      renameSync(file, file.normalize('NFD'));
    }
  }
  const a = build(nfc);
  const b = build(nfd);
  assert.equal(a.status, 0, a.stderr);
  assert.equal(b.status, 0, b.stderr);
  const $ = page(b.outputDir, '/tin-tuc/hoi-nghi-tong-ket/');
  assert.equal(text($, 'h1'), 'Hội nghị tổng kết năm học');
  assert.equal(
    $('.tags a')
      .map((_, el) => $(el).attr('href'))
      .get()
      .join(' '),
    '/the/giao-duc/ /the/doi-moi/',
  );
  assert.equal(text(page(b.outputDir, '/the/giao-duc/'), 'h1'), 'Từ khóa: Giáo dục');
  const hashesA = siteHashes(a.outputDir);
  const hashesB = siteHashes(b.outputDir);
  assert.deepEqual([...hashesB.keys()], [...hashesA.keys()]);
  for (const [name, hash] of hashesA) assert.equal(hashesB.get(name), hash, name);
});

test('published-urls.json lists exactly the pages the build wrote', () => {
  const content = copyFixture('basic');
  writeArticle(
    content,
    '2024/alias.md',
    '---\ntitle: Bài có địa chỉ cũ\ndate: "2024-06-01T08:00:00+07:00"\nauthor: A\naliases: ["/tin-cu"]\n---\nx\n',
  );
  const run = build(content);
  assert.equal(run.status, 0, run.stderr);
  const listed = JSON.parse(readFileSync(path.join(run.outputDir, 'published-urls.json'), 'utf8'));
  const written = (readdirSync(run.outputDir, { recursive: true }) as string[])
    // The host files (_headers, _redirects) are configuration, not pages: they are not listed.
    .filter((name) => /\.(html|xml|txt)$/.test(name) && !/^(assets|img)\//.test(name))
    .map((name) => `/${name}`.replace(/\/index\.html$/, '/'))
    .sort();
  assert.deepEqual(listed.pages, written);
  assert.deepEqual(
    listed.articles.map((a: { url: string }) => a.url),
    ['/tin-tuc/alias/', '/tin-tuc/bac-kan-so-ket/', '/tin-tuc/dang-uy-hop/'],
  );
  assert.ok(existsSync(path.join(run.outputDir, 'tin-cu/index.html')));
});
