import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspectSite, pageUrls } from '../../src/pages/index.ts';
import { formatPublishedList, publishedList, readPublishedList } from '../../src/portal/index.ts';
import type { Problem } from '../../src/problems/index.ts';
import { parseVietnamDate } from '../../src/dates/index.ts';
import { copyFixture } from '../support/build.ts';

const NOW = parseVietnamDate('2026-11-26T12:00:00+07:00')!;

/** A fixture copy with the list its first build would leave, then `change` applied to it. */
async function afterChange(change: (content: string) => void): Promise<{ problems: Problem[]; listFile: string }> {
  const content = copyFixture('basic');
  const listFile = path.join(mkdtempSync(path.join(tmpdir(), 'portal-list-')), 'published-urls.json');
  const portal = (await inspectSite({ contentDir: content, now: NOW })).portal!;
  writeFileSync(listFile, formatPublishedList(publishedList(portal, pageUrls(portal), content)));
  change(content);
  const previous = readPublishedList(listFile);
  assert.ok(previous);
  return { problems: (await inspectSite({ contentDir: content, now: NOW, previous })).problems, listFile };
}

const article = (content: string, name: string) => path.join(content, 'articles', name);
const edit = (file: string, from: string | RegExp, to: string) =>
  writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));

test('nothing changed: no warning', async () => {
  assert.deepEqual(
    (await afterChange(() => {})).problems.filter((p) => p.field === 'aliases'),
    [],
  );
});

test('a renamed file: the warning is on the article now at the new URL and gives the alias to add', async () => {
  const { problems } = await afterChange((content) =>
    renameSync(article(content, '2024/dang-uy-hop.md'), article(content, '2024/dang-uy-hop-phien-thuong-ky.md')),
  );
  const warning = problems.find((p) => p.file.endsWith('2024/dang-uy-hop-phien-thuong-ky.md') && p.field === 'aliases');
  assert.ok(warning, JSON.stringify(problems));
  assert.equal(warning.severity, 'warning');
  assert.equal(warning.line, 2);
  assert.match(
    warning.message,
    /trước đây ở địa chỉ \/tin-tuc\/dang-uy-hop\/, nay ở \/tin-tuc\/dang-uy-hop-phien-thuong-ky\/; hãy thêm aliases: \["\/tin-tuc\/dang-uy-hop\/"\]/,
  );
});

test('with the alias added, the old URL is kept and nothing is said', async () => {
  const { problems } = await afterChange((content) => {
    const file = article(content, '2024/dang-uy-hop.md');
    edit(file, 'author: Hoàng Lan', 'author: Hoàng Lan\naliases: ["/tin-tuc/dang-uy-hop/"]');
    renameSync(file, article(content, '2024/dang-uy-hop-moi.md'));
  });
  assert.deepEqual(
    problems.filter((p) => p.field === 'aliases'),
    [],
  );
});

test('a slug changed in the front matter: found by its file', async () => {
  const { problems } = await afterChange((content) =>
    edit(article(content, '2018/bac-kan-so-ket.md'), 'author: Thu Cúc', 'author: Thu Cúc\nslug: so-ket-chuong-trinh'),
  );
  const warning = problems.find((p) => p.field === 'aliases');
  assert.ok(warning, JSON.stringify(problems));
  assert.ok(warning.file.endsWith('2018/bac-kan-so-ket.md'));
  assert.match(warning.message, /\/tin-tuc\/bac-kan-so-ket\/, nay ở \/tin-tuc\/so-ket-chuong-trinh\//);
});

test('a deleted article: the warning points at its line in the published list', async () => {
  const { problems, listFile } = await afterChange((content) => rmSync(article(content, '2024/dang-uy-hop.md')));
  const warning = problems.find((p) => p.file === listFile && /tệp articles\/2024\/dang-uy-hop\.md/.test(p.message));
  assert.ok(warning, JSON.stringify(problems));
  assert.equal(readFileSync(listFile, 'utf8').split('\n')[warning.line! - 1].includes('"/tin-tuc/dang-uy-hop/"'), true);
  // Its tags' and month's pages went with it: one warning for the lists.
  const lists = problems.filter((p) => p.file === listFile && /trang đã xuất bản ở lần dựng trước nay không còn/.test(p.message));
  assert.equal(lists.length, 1);
  assert.match(lists[0].message, /\/luu-tru\/2024\/03\/.*\/the\/dang-uy\//);
});

test('an article turned back into a draft', async () => {
  const { problems } = await afterChange((content) =>
    edit(article(content, '2024/dang-uy-hop.md'), 'author: Hoàng Lan', 'author: Hoàng Lan\ndraft: true'),
  );
  const warning = problems.find((p) => p.file.endsWith('2024/dang-uy-hop.md') && p.field === 'draft');
  assert.ok(warning, JSON.stringify(problems));
  assert.equal(warning.line, 6);
  assert.match(warning.message, /nay là bản nháp/);
});
