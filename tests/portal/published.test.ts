import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspectSite, publishedPageUrls } from '../../src/pages/index.ts';
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
  writeFileSync(listFile, formatPublishedList(publishedList(portal, publishedPageUrls(portal), content)));
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

test('a deleted article: the warning is on its address, not on a line of the published list', async () => {
  const { problems, listFile } = await afterChange((content) => rmSync(article(content, '2024/dang-uy-hop.md')));
  assert.equal(
    problems.some((p) => p.file === listFile),
    false,
  );
  const warning = problems.find((p) => p.file === '/tin-tuc/dang-uy-hop/');
  assert.ok(warning, JSON.stringify(problems));
  assert.equal(warning.field, undefined);
  assert.match(warning.message, /bài ".*" \(tệp articles\/2024\/dang-uy-hop\.md\) đã xuất bản ở địa chỉ này nay không còn/);
  // Its tags' and month's pages went with it, each reported on its address.
  for (const url of ['/luu-tru/2024/03/', '/the/dang-uy/'])
    assert.ok(
      problems.some((p) => p.file === url && /trang danh sách/.test(p.message)),
      url,
    );
});

test('a vanished URL is reported by every later check until an alias covers it', async () => {
  const content = copyFixture('basic');
  const lists = mkdtempSync(path.join(tmpdir(), 'portal-list-'));
  /** Checks against the last list, then writes the list that build would publish. */
  const buildOnce = async (name: string, previous?: ReturnType<typeof readPublishedList>) => {
    const { portal, problems } = await inspectSite({ contentDir: content, now: NOW, previous });
    const file = path.join(lists, name);
    writeFileSync(file, formatPublishedList(publishedList(portal!, publishedPageUrls(portal!), content, previous?.list)));
    return { problems, next: readPublishedList(file) };
  };
  const gone = (problems: Problem[]) => problems.some((p) => p.file === '/tin-tuc/dang-uy-hop/');

  const first = await buildOnce('1.json');
  rmSync(article(content, '2024/dang-uy-hop.md'));
  const second = await buildOnce('2.json', first.next);
  assert.ok(gone(second.problems));
  const third = await buildOnce('3.json', second.next);
  assert.ok(gone(third.problems), 'still reported on the build after');
  assert.deepEqual(
    third.next?.list.vanished?.map((v) => v.url),
    ['/luu-tru/2024/03/', '/the/dang-uy/', '/tin-tuc/dang-uy-hop/'],
  );

  edit(article(content, '2018/bac-kan-so-ket.md'), 'author: Thu Cúc', 'author: Thu Cúc\naliases: ["/tin-tuc/dang-uy-hop/"]');
  const fourth = await buildOnce('4.json', third.next);
  assert.equal(gone(fourth.problems), false, 'resolved by the alias');
  assert.ok(!fourth.next?.list.vanished?.some((v) => v.url === '/tin-tuc/dang-uy-hop/'));
});

test('the published list holds pages only, not the host files _headers and _redirects', async () => {
  const content = copyFixture('basic');
  const portal = (await inspectSite({ contentDir: content, now: NOW })).portal!;
  const list = publishedList(portal, publishedPageUrls(portal), content);
  assert.ok(list.pages.includes('/'));
  assert.equal(
    list.pages.some((url) => /_headers|_redirects/.test(url)),
    false,
  );
});

test('a list from a build that still named the host files: _headers and _redirects are not reported as vanished', async () => {
  const content = copyFixture('basic');
  const portal = (await inspectSite({ contentDir: content, now: NOW })).portal!;
  const pages = publishedPageUrls(portal);
  const older = { pages: [...pages, '/_headers', '/_redirects'], articles: [], vanished: [{ url: '/_headers' }] };
  const { problems } = await inspectSite({
    contentDir: content,
    now: NOW,
    previous: { file: 'published-urls.json', text: JSON.stringify(older), list: older },
  });
  assert.deepEqual(
    problems.filter((p) => /_headers|_redirects/.test(p.file)),
    [],
  );
  assert.deepEqual(publishedList(portal, pages, content, older).vanished, []);
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
