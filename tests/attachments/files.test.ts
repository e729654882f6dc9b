import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { attachmentPath, attachmentUrl, fileLabel, isAttachmentLink } from '../../src/attachments/index.ts';

test('links that name a file are attachments; links to pages, other sites and anchors are not', () => {
  for (const href of ['./ke-hoach.pdf', 'ke-hoach.pdf', '../tep/mau.docx', '/tep/mau.docx', './Ke%20hoach.PDF#page=2'])
    assert.ok(isAttachmentLink(href), href);
  for (const href of [
    '/tin-tuc/a/',
    '../lich-su/',
    'https://x.gov.vn/a.pdf',
    '#muc-1',
    'mailto:a@b.vn',
    '/assets/images/emblem.png',
    './trang.html',
  ])
    assert.ok(!isAttachmentLink(href), href);
});

test('an attachment is found next to its Markdown file, or in content/tep/ for "/tep/…"', () => {
  assert.equal(
    attachmentPath('content', 'content/pages/gioi-thieu.md', './so%20do.pdf#page=2'),
    path.join('content/pages/so do.pdf'),
  );
  assert.equal(attachmentPath('content', 'content/pages/a/b.md', '/tep/mau.docx'), path.join('content/tep/mau.docx'));
});

test('its URL is its file name as a slug under /tep/, whatever folder it is in', () => {
  assert.equal(attachmentUrl('content/van-ban/2026/Kế hoạch số 12.PDF'), '/tep/ke-hoach-so-12.pdf');
  assert.equal(attachmentUrl('content/tep/mau.docx'), '/tep/mau.docx');
});

test('links show type and size the Vietnamese way', () => {
  assert.equal(fileLabel('pdf', 1.2 * 1024 * 1024), 'PDF, 1,2 MB');
  assert.equal(fileLabel('docx', 48 * 1024), 'DOCX, 48 KB');
  assert.equal(fileLabel('xlsx', 10), 'XLSX, 1 KB');
});
