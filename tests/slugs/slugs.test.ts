import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slugify, foldVietnamese, titleSlug } from '../../src/slugs/index.ts';

test('slugs transliterate Vietnamese', () => {
  assert.equal(slugify('Đà Nẵng'), 'da-nang');
  assert.equal(slugify('Đảng'), 'dang');
  assert.equal(slugify('Bắc Kạn sơ kết 03 năm: “nông thôn mới”!'), 'bac-kan-so-ket-03-nam-nong-thon-moi');
  assert.equal(slugify('  Xã hội hóa -- giáo dục  '), 'xa-hoi-hoa-giao-duc');
});

test('decomposed and precomposed text give the same slug', () => {
  const nfd = 'Đà Nẵng'.normalize('NFD');
  assert.notEqual(nfd, 'Đà Nẵng');
  assert.equal(slugify(nfd), 'da-nang');
});

test('tags differing only in case, accents or Unicode form share a page', () => {
  // A tag's page is its slug: one page for every spelling (the check warns about the spellings).
  assert.equal(slugify('Giáo dục'), slugify('giáo dục'.normalize('NFD')));
  assert.equal(slugify('Giáo dục'), slugify('Giao duc'));
});

test('folding removes every diacritic including đ', () => {
  assert.equal(foldVietnamese('Đảng ủy được xã hội hóa'), 'Dang uy duoc xa hoi hoa');
});

test("a new article's slug is cut at a word boundary, never mid-word", () => {
  const title =
    'Hội nghị tổng kết công tác năm 2026 của UBND tỉnh Bắc Kạn về chương trình mục tiêu quốc gia xây dựng nông thôn mới';
  const slug = titleSlug(title);
  assert.equal(slug, 'hoi-nghi-tong-ket-cong-tac-nam-2026-cua-ubnd-tinh-bac-kan-ve-chuong-trinh-muc');
  assert.ok(slugify(title).startsWith(`${slug}-`));
  assert.equal(titleSlug('Đà Nẵng'), 'da-nang');
});
