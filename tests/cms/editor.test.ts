import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { Browser, Page } from 'playwright-core';
import { titleSlug } from '../../src/slugs/index.ts';
import { launchBrowser } from '../support/browser.ts';
import { startCms, type CmsServer } from '../support/cms-server.ts';

// End to end: `npm run cms` on a temporary Git copy of the content, driven in Chromium like an editor would.
let cms: CmsServer;
let browser: Browser;
const EDITED = 'content/articles/2018/bac-kan-so-ket-03-nam.md';
/** A hand-written comment the form knows nothing about: it must survive a save. */
const COMMENT = '# Ghi chú của biên tập viên: giữ nguyên dòng này.';

before(async () => {
  cms = await startCms();
  // Hand-edit one file first, as an editor using a text editor would: a comment inside the front matter.
  const file = path.join(cms.repo, EDITED);
  writeFileSync(file, readFileSync(file, 'utf8').replace('\nauthor:', `\n${COMMENT}\nauthor:`));
  cms.git('commit', '-qam', 'Sửa tay');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await cms?.stop();
});

async function signedIn(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Ho_Chi_Minh', locale: 'vi-VN' });
  page.setDefaultTimeout(90_000);
  // "Công bố ngay" asks for confirmation.
  page.on('dialog', (dialog) => dialog.accept());
  await page.goto(`${cms.origin}/quan-tri/`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('link', { name: 'Tin bài' }).first().waitFor();
  return page;
}

/** The input of the form field whose label starts with `label`. */
async function field(page: Page, label: string) {
  const labelElement = page
    .locator('label')
    .filter({ hasText: new RegExp(`^${label}`) })
    .first();
  return page.locator(`[id="${await labelElement.getAttribute('for')}"]`);
}

/**
 * Save (a draft: a cms/… branch), move it to "Sẵn sàng" and publish it (merged
 * into main): the editorial workflow. Returns once `file` on main has `expected`.
 */
async function saveAndPublish(page: Page, file: string, expected: string): Promise<void> {
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByText('Thay đổi đã được lưu').waitFor();
  assert.match(cms.git('branch', '--list', 'cms/*'), /cms\/articles\//);
  await page.getByRole('button', { name: /^Trạng thái: / }).click();
  await page.getByRole('menuitem', { name: 'Sẵn sàng' }).click();
  await page.getByRole('button', { name: /^Trạng thái: Sẵn sàng/ }).waitFor();
  await page.getByRole('button', { name: 'Công bố', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Công bố ngay' }).click();
  const deadline = Date.now() + 120_000;
  for (;;) {
    let text = '';
    try {
      text = execFileSync('git', ['show', `main:${file}`], { cwd: cms.repo, encoding: 'utf8', stdio: 'pipe' });
    } catch {
      // Not on main yet.
    }
    if (text.includes(expected)) return;
    if (Date.now() > deadline) throw new Error(`${file} chưa được công bố lên main`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function check(): { status: number; output: string } {
  try {
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/check.ts'], {
      env: { ...process.env, PORTAL_CONTENT: path.join(cms.repo, 'content') },
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { status: 0, output };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, output: failed.stdout + failed.stderr };
  }
}

/** The preview server's page at `url` once its rebuild has it. */
async function builtPage(url: string): Promise<cheerio.CheerioAPI> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const response = await fetch(`${cms.origin}${url}`);
    if (response.ok) return cheerio.load(await response.text());
    if (Date.now() > deadline) throw new Error(`${url}: ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

test('an article created in the editor lands as a file that passes npm run check, and the site shows it', async () => {
  const page = await signedIn();
  await page.goto(`${cms.origin}/quan-tri/#/collections/articles/new`);
  const title = 'Đắk Lắk và Đà Nẵng ký kết hợp tác chuyển đổi số';
  await (await field(page, 'Tiêu đề')).fill(title);
  await (await field(page, 'Ngày đăng')).fill('2026-03-02T09:15');
  await (await field(page, 'Tác giả')).fill('Thu Cúc');
  await (await field(page, 'Từ khóa')).fill('Chuyển đổi số, Hợp tác');
  await (await field(page, 'Chuyên mục')).click();
  await page.getByRole('option', { name: 'Kinh tế' }).click();
  await page.getByRole('button', { name: 'Chọn một hình' }).click();
  await page.locator('input[type=file]').setInputFiles('tests/fixtures/basic/images/hoi-nghi.jpg');
  await page.getByRole('button', { name: 'Lấy những cái đã chọn' }).click();
  await (await field(page, 'Mô tả ảnh')).fill('Đại biểu hai tỉnh ký biên bản hợp tác');
  await page.locator('[data-slate-editor="true"]').click();
  await page.keyboard.type('Sáng 02/3, hai tỉnh ký kết chương trình hợp tác về chuyển đổi số.');
  const file = `content/articles/2026/${titleSlug(title)}.md`;
  await saveAndPublish(page, file, title);

  assert.equal(titleSlug(title), 'dak-lak-va-da-nang-ky-ket-hop-tac-chuyen-doi-so');
  const text = readFileSync(path.join(cms.repo, file), 'utf8');
  assert.match(text, /^title: "Đắk Lắk và Đà Nẵng ký kết hợp tác chuyển đổi số"$/m);
  assert.match(text, /^date: "2026-03-02T09:15:00\+07:00"$/m);
  assert.match(text, /^category: "kinh-te"$/m);
  assert.match(text, /^ {2}- "Chuyển đổi số"\n {2}- "Hợp tác"$/m);
  assert.match(text, /^ {2}src: "\/images\/hoi-nghi\.jpg"\n {2}alt: "Đại biểu hai tỉnh ký biên bản hợp tác"$/m);
  assert.equal(
    execFileSync('git', ['ls-files', 'content/images/hoi-nghi.jpg'], { cwd: cms.repo, encoding: 'utf8' }).trim(),
    'content/images/hoi-nghi.jpg',
  );
  const result = check();
  assert.equal(result.status, 0, result.output);

  const $ = await builtPage(`/tin-tuc/${titleSlug(title)}/`);
  assert.equal($('h1.article-title').text(), title);
  assert.equal($('.lead-figure img').attr('alt'), 'Đại biểu hai tỉnh ký biên bản hợp tác');
  assert.match($('.article-body').text(), /hai tỉnh ký kết chương trình hợp tác/);
  assert.deepEqual(
    $('.tags a')
      .map((_, a) => $(a).text())
      .get(),
    ['Chuyển đổi số', 'Hợp tác'],
  );
  await page.close();
});

test('editing an article changes only the edited field in the file', async () => {
  const before = cms.git('rev-parse', 'HEAD').trim();
  const page = await signedIn();
  await page.goto(`${cms.origin}/quan-tri/#/collections/articles/entries/2018/bac-kan-so-ket-03-nam`);
  const author = await field(page, 'Tác giả');
  await author.waitFor();
  await author.fill('Thu Cúc, Minh Anh');
  await saveAndPublish(page, EDITED, 'Minh Anh');

  const diff = cms.git('diff', '--unified=0', before, '--', EDITED);
  const changed = diff.split('\n').filter((line) => /^[-+][^-+]/.test(line));
  assert.deepEqual(changed, ['-author: "Thu Cúc"', '+author: "Thu Cúc, Minh Anh"']);
  assert.match(readFileSync(path.join(cms.repo, EDITED), 'utf8'), new RegExp(`^${COMMENT}$`, 'm'));
  await page.close();
});

test('saving without a required field or with a photo without alt text is refused, in Vietnamese', async () => {
  const page = await signedIn();
  await page.goto(`${cms.origin}/quan-tri/#/collections/articles/new`);
  await (await field(page, 'Tác giả')).fill('Thu Cúc');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByText('Tiêu đề bắt buộc nhập.').waitFor();
  await page.getByText('Bạn còn thiếu vài thông tin bắt buộc').waitFor();

  // The form can't require alt text (the photo is optional); the save check, with the build's schema, does.
  await (await field(page, 'Tiêu đề')).fill('Bài có ảnh thiếu mô tả');
  await page.getByRole('button', { name: 'Chọn một hình' }).click();
  await page.locator('input[type=file]').setInputFiles('tests/fixtures/basic/images/hoi-nghi.jpg');
  await page.getByRole('button', { name: 'Lấy những cái đã chọn' }).click();
  await page.locator('[data-slate-editor="true"]').click();
  await page.keyboard.type('Nội dung bài.');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByText('Chưa lưu được: «Mô tả ảnh (bắt buộc khi có ảnh)»: bắt buộc nhưng đang thiếu').waitFor();
  assert.doesNotMatch(cms.git('branch', '--list', 'cms/*'), /bai-co-anh-thieu-mo-ta/);
  await page.close();
});
