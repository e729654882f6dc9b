import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { check, LinkState, type LinkResult } from 'linkinator';
import { CHECKED_SITES, checkedSite, pageUrl, siteFiles } from '../support/checked-sites.ts';
import { brokenFragments } from '../support/fragments.ts';
import { serveSite, type ServedSite } from '../support/static-server.ts';

// linkinator crawls each built site on a local server, starting from every
// page: links, images, stylesheets, scripts, CSS url()s and #fragments. Links
// leaving the portal are skipped (no internet here); the fragment check of
// our own covers the fragments linkinator misses.
const servers: ServedSite[] = [];
after(() => Promise.all(servers.map((server) => server.close())));

interface LinkReport {
  broken: string[];
  checked: number;
}

async function crawl(dir: string): Promise<LinkReport> {
  const server = await serveSite(dir);
  servers.push(server);
  const result = await check({
    path: siteFiles(dir, '.html').map((file) => server.url(pageUrl(file))),
    recurse: true,
    checkCss: true,
    checkFragments: true,
    concurrency: 8,
    linksToSkip: async (link) => !link.startsWith(server.origin),
  });
  const describe = (link: LinkResult) =>
    `${link.status ?? ''} ${link.url.replace(server.origin, '')} ← ${link.parent?.replace(server.origin, '') ?? '?'}`;
  return {
    broken: result.links.filter((link) => link.state === LinkState.BROKEN).map(describe),
    checked: result.links.filter((link) => link.state === LinkState.OK).length,
  };
}

/** A small site with one of each kind of broken reference. */
function brokenSite(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'links-canary-'));
  mkdirSync(path.join(dir, 'b'));
  mkdirSync(path.join(dir, 'css'));
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html lang="vi"><head><title>a</title>
<link rel="stylesheet" href="/css/a.css"><link rel="stylesheet" href="/css/mat.css"><script src="/mat.js"></script></head>
<body><h2 id="co">a</h2><a href="/b/">b</a> <a href="#co">ok</a> <a href="#khong-co">x</a> <a href="/b/#khong-co-b">x</a>
<a href="/trang-mat/">x</a> <img src="/anh-mat.png" alt=""></body></html>`,
  );
  writeFileSync(
    path.join(dir, 'b', 'index.html'),
    `<!doctype html><html lang="vi"><head><title>b</title></head>
<body><p id="b">b</p><a href="/#co">ok</a> <a href="/#quay-lai-mat">x</a></body></html>`,
  );
  writeFileSync(path.join(dir, 'css', 'a.css'), '@font-face { font-family: x; src: url("../fonts/mat.woff2"); }');
  return dir;
}

test('the checks catch a missing page, image, stylesheet, script, CSS font and #fragment', async () => {
  const dir = brokenSite();
  const { broken } = await crawl(dir);
  const missing = ['/css/mat.css', '/mat.js', '/trang-mat/', '/anh-mat.png', '/fonts/mat.woff2'];
  for (const url of missing)
    assert.ok(
      broken.some((line) => line.includes(` ${url} `)),
      `${url} in ${broken.join('\n')}`,
    );
  assert.ok(
    broken.some((line) => line.includes('/#khong-co')),
    'same-page fragment',
  );
  assert.deepEqual(brokenFragments(dir).sort(), ['/ → #khong-co', '/ → /b/#khong-co-b', '/b/ → /#quay-lai-mat']);
});

for (const name of CHECKED_SITES) {
  test(`the ${name} site has no broken link, image, stylesheet, script or fragment`, async () => {
    const site = checkedSite(name);
    const { broken, checked } = await crawl(site.dir);
    assert.deepEqual(broken, []);
    assert.ok(checked > siteFiles(site.dir, '.html').length, `${checked} links checked`);
    assert.deepEqual(brokenFragments(site.dir), []);
  });
}
