// npm start: the editors' preview keeps going past a broken draft and shows the errors on the page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { ROOT, copyFixture, writeArticle } from '../support/build.ts';

const article = (fields: string, body: string) =>
  `---\ntitle: "Bản nháp"\ndate: "2024-05-01T08:00:00+07:00"\nauthor: Thu Cúc\ndraft: true\n${fields}---\n${body}\n`;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let preview: ChildProcess;
let output = '';
let content: string;
let origin: string;

/** Waits until the preview has printed `count` rebuild summaries. */
async function rebuilds(count: number): Promise<void> {
  for (let waited = 0; waited < 90_000; waited += 200) {
    if ((output.match(/\[xem trước\] Đã dựng lại/g) ?? []).length >= count && /Server at/.test(output)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`the preview did not rebuild:\n${output}`);
}

before(async () => {
  content = copyFixture('basic');
  writeArticle(content, '2025/nhap-hong.md', article('', 'Xem [bài](/tin-tuc/khong-co/).'));
  const port = await freePort();
  origin = `http://localhost:${port}`;
  // The command of `npm start`, on a scratch content folder and port.
  preview = spawn(
    process.execPath,
    ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--config=.eleventy.ts', '--serve', '--quiet', `--port=${port}`],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORTAL_CONTENT: content,
        PORTAL_DRAFTS: '1',
        PORTAL_OUTPUT: path.join(mkdtempSync(path.join(tmpdir(), 'portal-preview-')), '_site'),
      },
    },
  );
  preview.stdout?.on('data', (chunk) => (output += chunk));
  preview.stderr?.on('data', (chunk) => (output += chunk));
  await rebuilds(1);
});

after(() => preview?.kill());

async function fetchPage(url: string): Promise<{ status: number; $: cheerio.CheerioAPI }> {
  const response = await fetch(origin + url);
  return { status: response.status, $: cheerio.load(await response.text()) };
}

/** The errors the preview's banner lists on a page. */
const problemsShown = ({ $ }: { $: cheerio.CheerioAPI }) =>
  $('.preview-problems li')
    .map((_, li) => $(li).text())
    .get();

test('a short summary per rebuild, not a line per file written', () => {
  assert.doesNotMatch(output, /Writing|\(virtual\)/);
  assert.match(output, /\[xem trước\] Đã dựng lại \d+ bài trong [\d.]+ giây: 1 lỗi, 1 cảnh báo/);
  assert.doesNotMatch(output, /\n\s+at /, 'no stack trace');
});

test('a draft with a broken link: the preview goes on, the draft shows, and every page names the error', async () => {
  const home = await fetchPage('/');
  assert.equal(home.status, 200);
  const banner = home.$('.preview-problems[role="alert"]');
  assert.equal(banner.length, 1);
  assert.match(banner.find('h2').text(), /Bản xem trước: 1 lỗi trong nội dung/);
  assert.match(
    banner.find('li').text(),
    /LỖI .*2025\/nhap-hong\.md:7 — trường "nội dung": liên kết tới trang \/tin-tuc\/khong-co\/ không tồn tại/,
  );
  const draft = await fetchPage('/tin-tuc/nhap-hong/');
  assert.equal(draft.status, 200);
  assert.equal(draft.$('h1').first().text().trim(), 'Bản nháp');
});

test('an error made while previewing shows up in the browser at the next rebuild', async () => {
  writeArticle(content, '2025/chuyen-muc-sai.md', article('category: the-thao\n', 'Nội dung.'));
  await rebuilds(2);
  const problems = problemsShown(await fetchPage('/'));
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.ok(problems.some((p) => /chuyen-muc-sai\.md:6 — trường "category": chuyên mục "the-thao" không tồn tại/.test(p)));
  // The other articles are still previewed.
  assert.equal((await fetchPage('/tin-tuc/bac-kan-so-ket/')).status, 200);
});

test("a saved article's page is served before Eleventy's rebuild ends", async () => {
  const file = path.join(content, 'articles', '2024', 'dang-uy-hop.md');
  const summaries = () => output.match(/\[xem trước\] Đã dựng lại/g)?.length ?? 0;
  const before = summaries();
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: "Đảng ủy khối họp: tiêu đề đã sửa"'));
  let shownAfter: number | undefined;
  for (let waited = 0; waited < 30_000 && shownAfter === undefined; waited += 10) {
    // Counted before asking: a summary printed while the page is read does not count against it.
    const summariesBefore = summaries();
    if ((await fetchPage('/tin-tuc/dang-uy-hop/')).$('h1').text().includes('tiêu đề đã sửa')) shownAfter = summariesBefore;
    else await new Promise((resolve) => setTimeout(resolve, 10));
  }
  // Eleventy waits for the file to stay unchanged for 150 ms, then reads everything: the early page comes first.
  assert.equal(shownAfter, before, `the page showed the edit only after the rebuild:\n${output}`);
  await rebuilds(before + 1);
  assert.match(output, /\[xem trước\] Đã viết trước trang \/tin-tuc\/dang-uy-hop\//);
  const article = await fetchPage('/tin-tuc/dang-uy-hop/');
  assert.equal(article.$('h1').first().text().trim(), 'Đảng ủy khối họp: tiêu đề đã sửa');
  assert.equal(problemsShown(article).length, 2, "the other articles' errors still show");
  assert.match((await fetchPage('/chuyen-muc/chinh-tri/')).$.html(), /tiêu đề đã sửa/);
});

test('an article deleted while previewing leaves the preview, with its errors (Eleventy 3.1 alone kept it)', async () => {
  assert.equal((await fetchPage('/tin-tuc/nhap-hong/')).status, 200);
  unlinkSync(path.join(content, 'articles', '2025', 'nhap-hong.md'));
  await rebuilds(4);
  assert.equal((await fetchPage('/tin-tuc/nhap-hong/')).status, 404);
  const home = await fetchPage('/');
  assert.equal(home.$('a[href="/tin-tuc/nhap-hong/"]').length, 0);
  const problems = problemsShown(home);
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.doesNotMatch(problems[0], /nhap-hong/);
});

test('Ctrl+C stops the preview (nothing it watches keeps it running)', async () => {
  const exited = new Promise<boolean>((resolve) => preview.once('exit', () => resolve(true)));
  preview.kill('SIGINT');
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000).unref());
  assert.ok(await Promise.race([exited, timeout]), `the preview still runs 15 s after Ctrl+C:\n${output}`);
});
