// The rule: every input that makes `npm run build` fail makes `npm run check` fail first, with the same cause.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIXTURES, ROOT, copyFixture, lineOf, writeArticle } from '../support/build.ts';
import { NPM_RUN_BUILD } from '../../scripts/npm-scripts.ts';

const article = (fields: string, body = 'Nội dung.') =>
  `---\ntitle: "Bài"\ndate: "2024-05-01T08:00:00+07:00"\nauthor: Thu Cúc\n${fields}---\n${body}\n`;

const siteLine = (text: string) => lineOf(path.join(FIXTURES, 'basic/_data/site.yaml'), text);

function editSite(content: string, edit: (text: string) => string): void {
  const file = path.join(content, '_data/site.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

interface Case {
  name: string;
  setUp: (content: string) => void;
  env?: Record<string, string>;
  /** The cause, as both commands must say it. */
  says: RegExp;
}

const cases: Case[] = [
  {
    name: 'alias /index.html',
    setUp: (c) => writeArticle(c, '2025/bai.md', article('aliases: ["/index.html"]\n')),
    says: /bai\.md:5 — trường "aliases": địa chỉ cũ "\/index\.html" trùng với một trang/,
  },
  {
    name: "alias of another article's index.html",
    setUp: (c) => writeArticle(c, '2025/bai.md', article('aliases: ["/tin-tuc/dang-uy-hop/index.html"]\n')),
    says: /bai\.md:5 — trường "aliases": .* trùng với địa chỉ của bài .*dang-uy-hop\.md/,
  },
  {
    name: 'alias /_headers',
    setUp: (c) => writeArticle(c, '2025/bai.md', article('aliases: ["/_headers"]\n')),
    says: /bai\.md:5 — trường "aliases": địa chỉ cũ "\/_headers" trùng với tệp \/_headers/,
  },
  {
    name: 'alias under a generated file',
    setUp: (c) => writeArticle(c, '2025/bai.md', article('aliases: ["/sitemap.xml/cu"]\n')),
    says: /bai\.md:5 — trường "aliases": địa chỉ cũ "\/sitemap\.xml\/cu" trùng với tệp \/sitemap\.xml/,
  },
  {
    name: 'a tag with no letters for its URL',
    setUp: (c) => writeArticle(c, '2025/bai.md', article('tags: ["Kinh tế", "🎉"]\n')),
    says: /bai\.md:5 — trường "tags": từ khóa "🎉" không có chữ cái/,
  },
  {
    name: 'a tag in Chinese characters',
    setUp: (c) => writeArticle(c, '2025/bai.md', article('tags: ["中文"]\n')),
    says: /bai\.md:5 — trường "tags": từ khóa "中文" không có chữ cái/,
  },
  {
    name: 'two different tags with the same URL',
    setUp: (c) => {
      writeArticle(c, '2025/a.md', article('tags: ["C++"]\n'));
      writeArticle(c, '2025/b.md', article('slug: b\ntags: ["C#"]\n'));
    },
    says: /a\.md:5 — trường "tags": từ khóa "C\+\+" và "C#" là hai từ khóa khác nhau nhưng cùng địa chỉ \/the\/c\//,
  },
  {
    name: 'an article file name with no letters for its URL',
    setUp: (c) => writeArticle(c, '2025/🎉.md', article('')),
    says: /🎉\.md:2 — trường "slug": tên tệp "🎉\.md" không cho ra địa chỉ/,
  },
  {
    name: 'two categories with the same slug',
    setUp: (c) => editSite(c, (s) => s.replace('slug: y-te', 'slug: giao-duc')),
    says: new RegExp(
      `site\\.yaml:${siteLine('slug: y-te')} — trường "categories\\.4\\.slug": chuyên mục "Y tế" có slug "giao-duc" trùng với chuyên mục "Giáo dục"`,
    ),
  },
  {
    name: 'a photo outside the content folder',
    setUp: (c) => writeArticle(c, '2025/bai.md', article('', '![x](../../../../../../etc/hostname)')),
    says: /bai\.md:6 — trường "nội dung": ảnh .* nằm ngoài thư mục nội dung/,
  },
  {
    name: 'an unknown field',
    setUp: (c) => writeArticle(c, '2025/bai.md', article('sumary: "x"\n')),
    says: /bai\.md:5 — trường "sumary": .*có phải ý bạn là `summary`/,
  },
  {
    name: 'a javascript: base URL',
    setUp: (c) => editSite(c, (s) => s.replace('baseUrl: https://vidu.gov.vn/', 'baseUrl: "javascript:alert(1)//"')),
    says: new RegExp(`site\\.yaml:${siteLine('baseUrl:')} — trường "baseUrl": .*http`),
  },
  {
    name: 'an ftp:// SITE_URL',
    setUp: () => {},
    env: { SITE_URL: 'ftp://vidu.gov.vn/' },
    says: /SITE_URL — .*http/,
  },
  {
    name: 'a javascript: menu link',
    setUp: (c) => editSite(c, (s) => s.replace('url: /chuyen-muc/y-te/', 'url: "javascript:alert(1)"')),
    says: new RegExp(`site\\.yaml:${siteLine('url: /chuyen-muc/y-te/')} — trường "menu\\.5\\.url": `),
  },
  {
    // A file's encoding: both read every article's bytes the same way (src/content/read.ts).
    name: 'a byte-order mark',
    setUp: (c) => writeArticle(c, '2025/bai.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(article(''))])),
    says: /bai\.md:1 — tệp bắt đầu bằng dấu BOM/,
  },
  {
    name: 'bytes that are not UTF-8',
    setUp: (c) =>
      writeArticle(
        c,
        '2025/bai.md',
        Buffer.concat([Buffer.from('---\ntitle: "H'), Buffer.from([0xe0, 0x20, 0x4e, 0xf4, 0x69]), Buffer.from('"\n---\nx\n')]),
      ),
    says: /bai\.md:2 — tệp không phải UTF-8/,
  },
  {
    name: 'a date in year 0001',
    setUp: (c) => writeArticle(c, '2025/bai.md', article('').replace('2024-05-01T08:00:00+07:00', '0001-01-01T08:00:00+07:00')),
    says: /bai\.md:3 — trường "date": .*1900/,
  },
];

interface Run {
  status: number | null;
  output: string;
}

function run(nodeArgs: string[], content: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, nodeArgs, {
      cwd: ROOT,
      env: {
        ...process.env,
        PORTAL_CONTENT: content,
        PORTAL_OUTPUT: path.join(mkdtempSync(path.join(tmpdir(), 'portal-site-')), '_site'),
        PORTAL_NOW: '2026-11-26T12:00:00+07:00',
        ...env,
      },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => resolve({ status, output }));
  });
}

/** The errors a command printed, without the scratch folder's path. */
function errorLines(output: string, content: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('LỖI '))
    .map((line) => line.replace(content, '<content>'))
    .sort();
}

for (const { name, setUp, env = {}, says } of cases) {
  test(`${name}: check fails with the cause the build fails with`, async () => {
    const content = copyFixture('basic');
    setUp(content);
    const [checked, built] = await Promise.all([
      run(['--import', 'tsx', 'scripts/check.ts'], content, env),
      run(NPM_RUN_BUILD, content, env),
    ]);
    assert.equal(built.status, 1, built.output);
    assert.equal(checked.status, 1, checked.output);
    for (const output of [checked.output, built.output]) {
      assert.match(output, says);
      assert.doesNotMatch(output, /\n\s+at /, 'no stack trace');
    }
    assert.deepEqual(errorLines(built.output, content), errorLines(checked.output, content));
  });
}
