import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NewArticleError, planNewDocument, planNewPage, writeNewArticle } from '../../src/authoring/index.ts';
import { siteFile } from '../../src/content/index.ts';
import { inspectSite as inspectContent } from '../../src/pages/index.ts';
import { parseVietnamDate } from '../../src/dates/index.ts';
import { loadSiteSettings } from '../../src/site/index.ts';
import { copyFixture } from '../support/build.ts';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const NOW = parseVietnamDate('2026-11-30T09:00:00+07:00')!;

test('npm run new --loai trang: a page under its parent, which the check accepts once it has a body', async () => {
  const content = copyFixture('documents');
  const planned = planNewPage({ contentDir: content, title: 'Đơn vị hành chính', parent: 'gioi-thieu' });
  assert.equal(planned.url, '/gioi-thieu/don-vi-hanh-chinh/');
  assert.equal(planned.file, path.join(content, 'pages/gioi-thieu/don-vi-hanh-chinh.md'));
  writeNewArticle({ ...planned, text: `${planned.text}Tỉnh có 8 đơn vị hành chính cấp huyện.\n` });
  const { problems, portal } = await inspectContent({ contentDir: content, now: NOW });
  assert.deepEqual(problems, []);
  assert.ok(portal!.staticPages.some((page) => page.url === planned.url && page.parent?.url === '/gioi-thieu/'));
});

test('npm run new --loai trang refuses a parent that does not exist and a URL already used', () => {
  const content = copyFixture('documents');
  assert.throws(() => planNewPage({ contentDir: content, title: 'A', parent: 'khong-co' }), /Không có trang cha "khong-co"/);
  assert.throws(() => planNewPage({ contentDir: content, title: 'Lịch công tác' }), NewArticleError);
});

test('npm run new --loai van-ban: the document named by its number, issued today; the check asks for its file', async () => {
  const content = copyFixture('documents');
  const site = loadSiteSettings(siteFile(content));
  const planned = planNewDocument({
    contentDir: content,
    site,
    summary: 'Về việc thử',
    number: '15/QĐ-UBND',
    type: 'quyet dinh',
    now: NOW,
  });
  assert.equal(planned.file, path.join(content, 'van-ban/2026/15-qd-ubnd.md'));
  assert.match(planned.text, /^loai: Quyết định$/m);
  assert.match(planned.text, /^ngay_ban_hanh: "2026-11-30"$/m);
  writeNewArticle(planned);
  const first = await inspectContent({ contentDir: content, now: NOW });
  assert.deepEqual(
    first.problems.map((p) => `${p.field}: ${p.message.split(' (')[0]}`),
    ['tep: không tìm thấy tệp "./15-qd-ubnd.pdf"'],
  );
  writeFileSync(path.join(content, 'van-ban/2026/15-qd-ubnd.pdf'), '%PDF-1.4\n%%EOF\n');
  assert.deepEqual((await inspectContent({ contentDir: content, now: NOW })).problems, []);
  assert.throws(
    () => planNewDocument({ contentDir: content, site, summary: 'x', number: '1/L', type: 'Luật', now: NOW }),
    /"Luật" không có trong documentTypes/,
  );
});
