import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { ShardPlan } from '../../src/search/index.ts';
import { build, copyFixture, page, text, type BuildRun } from '../support/build.ts';
import { writePhoto } from '../support/photos.ts';

let run: BuildRun;
let content: string;

const write = (relative: string, body: string | Buffer) => {
  const file = path.join(content, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, body);
};

const documentText = (fields: Record<string, string>, body = '') =>
  `---\n${Object.entries(fields)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n')}\n---\n${body}`;

before(async () => {
  content = copyFixture('documents');
  // 20 more notices from 2024, so /van-ban/ has a second page.
  for (let i = 1; i <= 20; i++) {
    write(`van-ban/2024/tb-${i}.pdf`, `%PDF-1.4\n% thong bao ${i}\n%%EOF\n`);
    write(
      `van-ban/2024/tb-${i}.md`,
      documentText({
        so_ky_hieu: `"${i}/TB-STC"`,
        loai: 'Thông báo',
        co_quan_ban_hanh: 'Sở Tài chính',
        ngay_ban_hanh: `"2024-01-${String(i).padStart(2, '0')}"`,
        trich_yeu: `"Thông báo giá vật liệu xây dựng kỳ ${i}"`,
        tep: `./tb-${i}.pdf`,
      }),
    );
  }
  write(
    'van-ban/2026/nhap.md',
    documentText({
      so_ky_hieu: '"99/QĐ-UBND"',
      loai: 'Quyết định',
      co_quan_ban_hanh: 'UBND tỉnh',
      ngay_ban_hanh: '"2026-11-01"',
      trich_yeu: '"Bản nháp chưa ký"',
      tep: './123-qd-ubnd.pdf',
      draft: 'true',
    }),
  );
  write(
    'van-ban/2026/hen-gio.md',
    documentText({
      so_ky_hieu: '"100/QĐ-UBND"',
      loai: 'Quyết định',
      co_quan_ban_hanh: 'UBND tỉnh',
      ngay_ban_hanh: '"2026-11-20"',
      date: '"2026-12-01T08:00:00+07:00"',
      trich_yeu: '"Đăng sau"',
      tep: './123-qd-ubnd.pdf',
      aliases: '["/van-ban/chi-tiet-100/"]',
    }),
  );
  write('pages/nhap.md', '---\ntitle: Trang nháp\ndraft: true\n---\nChưa xong.\n');
  write('pages/hen-gio.md', '---\ntitle: Trang hẹn giờ\ndate: "2026-12-24T08:00:00+07:00"\n---\nSắp có.\n');
  write(
    'pages/gioi-thieu/lich-su.md',
    readFileSync(path.join(content, 'pages/gioi-thieu/lich-su.md'), 'utf8').replace(
      'order: 2',
      'order: 2\naliases: ["/gioi-thieu/lich-su.aspx", "/lich-su/"]',
    ),
  );
  // A photo with camera and GPS data, attached rather than shown.
  await writePhoto(path.join(content, 'pages/ban-do.jpg'), { width: 400, height: 300 });
  write(
    'pages/gioi-thieu.md',
    `${readFileSync(path.join(content, 'pages/gioi-thieu.md'), 'utf8')}\n[Bản đồ hành chính](./ban-do.jpg)\n`,
  );
  run = build(content);
  assert.equal(run.status, 0, run.stderr);
});

const numbers = ($: ReturnType<typeof page>) =>
  $('.document-item h2 a')
    .map((_, a) => $(a).text())
    .get();

describe('official documents', () => {
  test('/van-ban/ lists them newest issued first, 20 a page, without drafts or scheduled ones', () => {
    const $ = page(run.outputDir, '/van-ban/');
    const first = numbers($);
    assert.equal(first.length, 20);
    assert.deepEqual(first.slice(0, 4), [
      'Thông báo số 12/TB-SNV',
      'Kế hoạch số 45/KH-UBND',
      'Quyết định số 123/QĐ-UBND',
      'Công văn số 78/UBND-VX',
    ]);
    assert.equal(first[4], 'Thông báo số 20/TB-STC');
    const second = numbers(page(run.outputDir, '/van-ban/trang-2/'));
    assert.deepEqual(second, [
      'Thông báo số 4/TB-STC',
      'Thông báo số 3/TB-STC',
      'Thông báo số 2/TB-STC',
      'Thông báo số 1/TB-STC',
    ]);
    assert.equal($('.pagination a[rel="next"]').attr('href'), '/van-ban/trang-2/');
    assert.ok(![...first, ...second].some((n) => /99\/|100\//.test(n)));
    assert.ok(!existsSync(path.join(run.outputDir, 'van-ban/99-qd-ubnd')));
    assert.ok(!existsSync(path.join(run.outputDir, 'van-ban/100-qd-ubnd')));
  });

  test('filter pages by type, issuer, year and field work without JavaScript, linked from the list', () => {
    const $ = page(run.outputDir, '/van-ban/');
    const filters = $('.document-filters a')
      .map((_, a) => $(a).attr('href'))
      .get();
    for (const url of [
      '/van-ban/loai/ke-hoach/',
      '/van-ban/co-quan/so-y-te/',
      '/van-ban/nam/2025/',
      '/van-ban/linh-vuc/giao-duc/',
    ])
      assert.ok(filters.includes(url), url);
    assert.deepEqual(numbers(page(run.outputDir, '/van-ban/loai/ke-hoach/')), ['Kế hoạch số 45/KH-UBND']);
    assert.deepEqual(numbers(page(run.outputDir, '/van-ban/co-quan/so-y-te/')), ['Công văn số 78/UBND-VX']);
    assert.deepEqual(numbers(page(run.outputDir, '/van-ban/nam/2025/')), ['Công văn số 78/UBND-VX']);
    assert.deepEqual(numbers(page(run.outputDir, '/van-ban/linh-vuc/giao-duc/')), ['Kế hoạch số 45/KH-UBND']);
    const filtered = page(run.outputDir, '/van-ban/loai/ke-hoach/');
    assert.equal(filtered('.document-filters a[aria-current="page"]').attr('href'), '/van-ban/loai/ke-hoach/');
  });

  test("a document's page shows its fields in a table and its file with type and size", () => {
    const $ = page(run.outputDir, '/van-ban/123-qd-ubnd/');
    assert.equal(text($, 'h1'), 'Quyết định số 123/QĐ-UBND');
    const row = (label: string) => text($, `.document-fields tr:has(th:contains("${label}")) td`);
    assert.equal(row('Số ký hiệu'), '123/QĐ-UBND');
    assert.equal(row('Cơ quan ban hành'), 'UBND tỉnh Bắc Kạn');
    assert.equal(row('Ngày ban hành'), '15/03/2026');
    assert.equal(row('Lĩnh vực'), 'Nông nghiệp');
    assert.equal(row('Tình trạng'), 'Còn hiệu lực');
    const link = $('.document-files a');
    assert.equal(link.attr('href'), '/tep/123-qd-ubnd.pdf');
    assert.match(link.text(), /\(PDF, 1 KB\)$/);
    assert.deepEqual(
      readFileSync(path.join(run.outputDir, 'tep/123-qd-ubnd.pdf')),
      readFileSync(path.join(content, 'van-ban/2026/123-qd-ubnd.pdf')),
    );
  });

  test('are in sitemap.xml, Sơ đồ trang and the search index; a scheduled one keeps its alias for later', () => {
    const sitemap = readFileSync(path.join(run.outputDir, 'sitemap.xml'), 'utf8');
    for (const url of ['/van-ban/', '/van-ban/trang-2/', '/van-ban/123-qd-ubnd/', '/van-ban/loai/quyet-dinh/'])
      assert.match(sitemap, new RegExp(`<loc>https://vidu.gov.vn${url}</loc>`), url);
    const $ = page(run.outputDir, '/so-do-trang/');
    assert.ok($('a[href="/van-ban/"]').length);
    assert.ok($('a[href="/van-ban/loai/cong-van/"]').length);
    const { shards } = JSON.parse(readFileSync(path.join(run.outputDir, 'pagefind/shards.json'), 'utf8')) as ShardPlan;
    const indexed = shards.map(
      ({ name }) =>
        JSON.parse(readFileSync(path.join(run.outputDir, 'pagefind', name, 'pagefind-entry.json'), 'utf8')).languages.vi,
    );
    // 1 article, 4 pages (gioi-thieu, lich-su, co-cau-to-chuc, lich-cong-tac), 24 documents.
    assert.equal(
      indexed.reduce((sum, language) => sum + language.page_count, 0),
      1 + 4 + 24,
    );
    assert.doesNotMatch(readFileSync(path.join(run.outputDir, '_redirects'), 'utf8'), /chi-tiet-100/);
  });
});

describe('static pages', () => {
  test('nest by folder: breadcrumb to the parent, children listed in their order', () => {
    const $ = page(run.outputDir, '/gioi-thieu/lich-su/');
    assert.deepEqual(
      $('.breadcrumb a')
        .map((_, a) => $(a).attr('href'))
        .get(),
      ['/', '/gioi-thieu/'],
    );
    const parent = page(run.outputDir, '/gioi-thieu/');
    assert.deepEqual(
      parent('.child-pages a')
        .map((_, a) => parent(a).text())
        .get(),
      ['Cơ cấu tổ chức', 'Lịch sử hình thành'],
    );
  });

  test('go in the main menu (site.yaml reference, then menu: main) and the footer (menu: footer)', () => {
    const $ = page(run.outputDir, '/');
    const menu = $('.main-menu a')
      .map((_, a) => `${$(a).text().replace(/\s+/g, ' ').trim()} ${$(a).attr('href')}`)
      .get();
    assert.deepEqual(menu, [
      'Trang chủ /',
      'Giới thiệu /gioi-thieu/',
      'Chính trị /chuyen-muc/chinh-tri/',
      'Văn bản /van-ban/',
      'Dịch vụ công↗ (liên kết ngoài, mở trang khác) https://dichvucong.gov.vn/',
      'Lịch công tác /lich-cong-tac/',
    ]);
    assert.ok($('.site-footer a[href="/gioi-thieu/co-cau-to-chuc/"]').length);
  });

  test('are in Sơ đồ trang and sitemap.xml; drafts and scheduled pages are not published', () => {
    const $ = page(run.outputDir, '/so-do-trang/');
    assert.ok($('#sd-trang ~ ul a[href="/gioi-thieu/"]').length);
    assert.ok($('#sd-trang ~ ul ul a[href="/gioi-thieu/lich-su/"]').length, 'child under its parent');
    const sitemap = readFileSync(path.join(run.outputDir, 'sitemap.xml'), 'utf8');
    assert.match(sitemap, /<loc>https:\/\/vidu.gov.vn\/lich-cong-tac\/<\/loc><lastmod>2026-11-20T08:00:00\+07:00<\/lastmod>/);
    for (const hidden of ['nhap', 'hen-gio']) {
      assert.ok(!existsSync(path.join(run.outputDir, hidden)), hidden);
      assert.doesNotMatch(sitemap, new RegExp(`/${hidden}/`));
    }
  });

  test('old URLs (aliases) redirect like articles', () => {
    const redirects = readFileSync(path.join(run.outputDir, '_redirects'), 'utf8');
    assert.match(redirects, /^\/gioi-thieu\/lich-su\.aspx \/gioi-thieu\/lich-su\/ 301$/m);
    const $ = page(run.outputDir, '/lich-su/');
    assert.equal($('link[rel="canonical"]').attr('href'), 'https://vidu.gov.vn/gioi-thieu/lich-su/');
  });
});

describe('attachments', () => {
  test('links next to the Markdown or in the attachments folder point to /tep/ with type and size', () => {
    const article = page(run.outputDir, '/tin-tuc/hoi-nghi-trien-khai/');
    const link = article('.article-body a.attachment');
    assert.equal(link.attr('href'), '/tep/ke-hoach.pdf');
    assert.equal(link.text(), 'Tải kế hoạch (PDF, 3 KB)');
    const schedule = page(run.outputDir, '/lich-cong-tac/');
    assert.equal(schedule('a.attachment').attr('href'), '/tep/lich-tuan.pdf');
    const organisation = page(run.outputDir, '/gioi-thieu/co-cau-to-chuc/');
    assert.equal(organisation('a.attachment').attr('href'), '/tep/so-do.pdf');
    assert.ok(existsSync(path.join(run.outputDir, 'tep/so-do.pdf')));
  });

  test('an attached photo is published without its camera and GPS metadata', async () => {
    const $ = page(run.outputDir, '/gioi-thieu/');
    assert.match($('a.attachment[href="/tep/ban-do.jpg"]').text(), /\(JPG, \d+ KB\)/);
    const source = await sharp(path.join(content, 'pages/ban-do.jpg')).metadata();
    assert.ok(source.exif, 'the test photo has EXIF');
    const published = await sharp(path.join(run.outputDir, 'tep/ban-do.jpg')).metadata();
    assert.equal(published.exif, undefined);
    assert.equal(published.width, 400);
  });
});

test('the preview (npm start) shows draft and scheduled pages and documents under their banner', () => {
  const preview = build(content, { PORTAL_DRAFTS: '1' });
  assert.equal(preview.status, 0, preview.stderr);
  assert.equal(text(page(preview.outputDir, '/nhap/'), '.draft-banner'), 'Bản nháp – trang này chưa được xuất bản');
  assert.match(text(page(preview.outputDir, '/hen-gio/'), '.draft-banner'), /sẽ được xuất bản từ 24\/12\/2026 08:00:00/);
  assert.equal(
    text(page(preview.outputDir, '/van-ban/99-qd-ubnd/'), '.draft-banner'),
    'Bản nháp – văn bản này chưa được xuất bản',
  );
  assert.match(text(page(preview.outputDir, '/van-ban/100-qd-ubnd/'), '.draft-banner'), /01\/12\/2026 08:00:00/);
});
