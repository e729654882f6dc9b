import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { NewArticleError, planNewArticle } from '../../src/authoring/index.ts';
import { FRONT_MATTER, frontMatterSchema, siteFile } from '../../src/content/index.ts';
import { parseVietnamDate } from '../../src/dates/index.ts';
import { inspectSite } from '../../src/pages/index.ts';
import { loadSiteSettings } from '../../src/site/index.ts';
import { ROOT, copyFixture, writeArticle } from '../support/build.ts';

// 20:30 UTC on New Year's Eve is already 2026 in Vietnam.
const NOW = parseVietnamDate('2025-12-31T20:30:05Z')!;

function plan(title: string, extra: { category?: string; slug?: string } = {}, content = copyFixture('basic')) {
  return planNewArticle({
    contentDir: content,
    site: loadSiteSettings(siteFile(content)),
    title,
    author: 'Thu Cúc',
    now: NOW,
    ...extra,
  });
}

const frontMatter = (text: string) => parse(FRONT_MATTER.exec(text)![1]) as Record<string, unknown>;

test('the file goes in the Vietnam year, named by the transliterated title, dated now with +07:00', () => {
  const article = plan('Hội nghị sơ kết công tác Đảng năm 2025');
  assert.match(article.file, /articles\/2026\/hoi-nghi-so-ket-cong-tac-dang-nam-2025\.md$/);
  assert.equal(article.url, '/tin-tuc/hoi-nghi-so-ket-cong-tac-dang-nam-2025/');
  assert.deepEqual(frontMatter(article.text), {
    title: 'Hội nghị sơ kết công tác Đảng năm 2025',
    date: '2026-01-01T03:30:05+07:00',
    author: 'Thu Cúc',
    category: 'chi-dao-dieu-hanh',
  });
});

test('every other field is there as a commented hint, and the categories are listed', () => {
  const { text } = plan('Tin mới', { category: 'kinh-te' });
  assert.equal(frontMatter(text).category, 'kinh-te');
  for (const field of [
    'tags',
    'summary',
    'image',
    'modified',
    'draft',
    'slug',
    'aliases',
    'featured',
    'featuredUntil',
    'featuredOrder',
  ]) {
    assert.match(text, new RegExp(`^# ${field}: `, 'm'), field);
  }
  assert.deepEqual(Object.keys(frontMatterSchema.shape).sort(), [
    'aliases',
    'author',
    'category',
    'date',
    'draft',
    'featured',
    'featuredOrder',
    'featuredUntil',
    'image',
    'modified',
    'slug',
    'summary',
    'tags',
    'title',
  ]);
  assert.match(text, /^# Các chuyên mục: chinh-tri \(Chính trị\), kinh-te \(Kinh tế\)/m);
});

test('a title typed in decomposed Unicode gives the same file, URL and text', () => {
  const title = 'Đà Nẵng hỗ trợ Bắc Kạn xây dựng chính quyền số';
  const nfd = plan(title.normalize('NFD'));
  const nfc = plan(title);
  assert.deepEqual({ ...nfd, file: path.basename(nfd.file) }, { ...nfc, file: path.basename(nfc.file) });
  assert.equal(frontMatter(nfd.text).title, title);
});

test('refuses a slug already used by a file name, a front-matter slug or an alias, and an unknown category', () => {
  const content = copyFixture('basic');
  writeArticle(
    content,
    '2025/bai-co-slug.md',
    '---\ntitle: x\ndate: "2025-01-01"\nauthor: A\nslug: hop-bao\naliases: ["/tin-tuc/ten-cu/"]\n---\nx\n',
  );
  assert.throws(
    () => plan('Đảng ủy họp', { slug: 'dang-uy-hop' }, content),
    (e: Error) =>
      e instanceof NewArticleError && /\/tin-tuc\/dang-uy-hop\/ đã được bài .*2024\/dang-uy-hop\.md dùng/.test(e.message),
  );
  assert.throws(() => plan('Họp báo', {}, content), /\/tin-tuc\/hop-bao\/ đã được bài .*bai-co-slug\.md/);
  assert.throws(() => plan('Tên cũ', {}, content), /\/tin-tuc\/ten-cu\/ đã được bài .*bai-co-slug\.md/);
  assert.throws(() => plan('Tin thể thao', { category: 'the-thao' }, content), /Chuyên mục "the-thao" không có .*kinh-te/);
  assert.throws(() => plan('!!!', {}, content), /--slug/);
});

function runNew(content: string, args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/new.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      PORTAL_CONTENT: content,
      PORTAL_NOW: '2026-03-02T09:15:00+07:00',
      // The author comes from git when --author is missing.
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'user.name',
      GIT_CONFIG_VALUE_0: 'Hoàng Thị Lan',
    },
  });
}

test('npm run new writes the article; with a body it passes the checks; run again it refuses and keeps the file', async () => {
  const content = copyFixture('basic');
  const run = runNew(content, ['Khai mạc Hội chợ nông sản', '--category', 'kinh-te']);
  assert.equal(run.status, 0, run.stderr);
  const file = path.join(content, 'articles/2026/khai-mac-hoi-cho-nong-san.md');
  assert.match(run.stdout, /Đã tạo .*khai-mac-hoi-cho-nong-san\.md \(địa chỉ: \/tin-tuc\/khai-mac-hoi-cho-nong-san\/\)/);
  const written = readFileSync(file, 'utf8');
  assert.deepEqual(frontMatter(written), {
    title: 'Khai mạc Hội chợ nông sản',
    date: '2026-03-02T09:15:00+07:00',
    author: 'Hoàng Thị Lan',
    category: 'kinh-te',
  });

  const now = parseVietnamDate('2026-03-02T10:00:00+07:00')!;
  const empty = (await inspectSite({ contentDir: content, now })).problems.filter((p) => p.file === file);
  assert.match(empty.map((p) => p.message).join(), /chưa có nội dung/, 'an unwritten article cannot be published by accident');
  appendFileSync(file, 'Sáng 02/3, Hội chợ nông sản khai mạc.\n');
  assert.deepEqual(
    (await inspectSite({ contentDir: content, now })).problems.filter((p) => p.file === file),
    [],
  );

  const again = runNew(content, ['Khai mạc Hội chợ nông sản']);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /\/tin-tuc\/khai-mac-hoi-cho-nong-san\/ đã được bài/);
  assert.doesNotMatch(again.stderr, /\n\s+at /, 'no stack trace');
  assert.match(readFileSync(file, 'utf8'), /Hội chợ nông sản khai mạc/);
  assert.equal(existsSync(path.join(content, 'articles/2026/khai-mac-hoi-cho-nong-san-2.md')), false);
});
