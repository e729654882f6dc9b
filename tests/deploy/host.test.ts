import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listFiles } from '../../src/publish/index.ts';
import { deploy, DeployRefused } from '../../src/deploy/index.ts';
import { build, copyFixture, ROOT, writeArticle, type BuildRun } from '../support/build.ts';

// The real clock: a deploy refuses builds made with a PORTAL_NOW in the future.
const REAL_CLOCK = { PORTAL_NOW: '' };
const PREFIX = 'cong-thong-tin/';

const scratch = (name: string) => path.join(mkdtempSync(path.join(tmpdir(), 'portal-host-test-')), name);

let cloudflare: BuildRun;
let netlify: BuildRun;

before(() => {
  const content = copyFixture('basic');
  writeArticle(
    content,
    '2024/bai-da-chuyen.md',
    '---\ntitle: "Bài đã chuyển"\ndate: "2024-04-02T08:00:00+07:00"\nauthor: Phóng viên\naliases: ["/tin-cu/"]\n---\nNội dung.\n',
  );
  const env = { ...REAL_CLOCK, SITE_URL: `https://vidu.gov.vn/${PREFIX}` };
  cloudflare = build(content, env);
  netlify = build(content, { ...env, NETLIFY: 'true' });
  assert.equal(cloudflare.status, 0, cloudflare.stderr);
  assert.equal(netlify.status, 0, netlify.stderr);
});

describe('deploying a build with a path prefix to the root of a Cloudflare Pages or Netlify deploy', () => {
  test('the site goes under the prefix; _headers and _redirects, robots.txt and 404.html to the root', () => {
    const root = scratch('cloudflare');
    deploy({ outputDir: cloudflare.outputDir, target: root, host: 'cloudflare', projectDir: ROOT });
    const built = listFiles(cloudflare.outputDir);
    const deployed = listFiles(root);
    for (const file of built.filter((f) => !['_headers', '_redirects', '.portal-build.json'].includes(f)))
      assert.ok(deployed.includes(PREFIX + file), `${PREFIX}${file}`);
    assert.deepEqual(
      deployed.filter((file) => !file.startsWith(PREFIX)).sort(),
      ['.portal-build.json', '404.html', '_headers', '_redirects', 'robots.txt'],
      'at the root: the host files, the crawlers file, the 404 page and the deploy mark',
    );
    assert.ok(!existsSync(path.join(root, PREFIX, '_headers')), 'no _headers left where the host ignores it');
    assert.match(readFileSync(path.join(root, '_headers'), 'utf8'), /^\/cong-thong-tin\/\*\n {2}Content-Security-Policy: /m);
    assert.match(
      readFileSync(path.join(root, '_redirects'), 'utf8'),
      /^\/cong-thong-tin\/tin-cu\/ \/cong-thong-tin\/tin-tuc\/bai-da-chuyen\/ 301$/m,
    );
    assert.match(
      readFileSync(path.join(root, 'robots.txt'), 'utf8'),
      /^Sitemap: https:\/\/vidu\.gov\.vn\/cong-thong-tin\/sitemap\.xml$/m,
    );
  });

  test('deploying again changes nothing', () => {
    const root = scratch('again');
    deploy({ outputDir: cloudflare.outputDir, target: root, host: 'cloudflare', projectDir: ROOT });
    const again = deploy({ outputDir: cloudflare.outputDir, target: root, host: 'cloudflare', projectDir: ROOT });
    assert.deepEqual(again.operations, []);
  });

  test('without --host the prefixed build is copied as it is (a folder served under the prefix)', () => {
    const folder = scratch('plain');
    deploy({ outputDir: cloudflare.outputDir, target: folder, projectDir: ROOT });
    assert.ok(existsSync(path.join(folder, '_headers')) && existsSync(path.join(folder, 'index.html')));
  });

  test('each host gets redirects it applies, or the deploy refuses before touching the target', () => {
    const root = scratch('netlify');
    deploy({ outputDir: netlify.outputDir, target: root, host: 'netlify', projectDir: ROOT });
    assert.match(readFileSync(path.join(root, '_redirects'), 'utf8'), / 301!$/m);
    for (const [run, host, message] of [
      [cloudflare, 'netlify', /NETLIFY=true/],
      [netlify, 'cloudflare', /Cloudflare Pages coi các quy tắc đó là sai/],
    ] as const) {
      const target = scratch('refused');
      assert.throws(
        () => deploy({ outputDir: run.outputDir, target, host, projectDir: ROOT }),
        (error: Error) => error instanceof DeployRefused && message.test(error.message),
      );
      assert.ok(!existsSync(target), 'nothing written');
    }
  });
});
