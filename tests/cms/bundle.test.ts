// The admin script is bundled once and kept in the page cache (src/cms/publish.ts): a build whose
// inputs are unchanged publishes the kept script; one whose inputs changed bundles it again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { adminBackend, publishAdmin } from '../../src/cms/index.ts';
import { loadSiteSettings } from '../../src/site/index.ts';

const site = loadSiteSettings(path.join('content', '_data', 'site.yaml'), {});
const work = mkdtempSync(path.join(tmpdir(), 'cms-bundle-'));

/** Publishes the editor into a new folder with `cacheDir` (none: bundled afresh); returns its admin script's name and text. */
function publish(cacheDir?: string): { name: string; code: string } {
  const out = mkdtempSync(path.join(work, 'site-'));
  mkdirSync(path.join(out, 'assets'));
  writeFileSync(path.join(out, 'assets', 'site.css'), 'body { color: #222; }');
  publishAdmin(out, {
    ...adminBackend(site, {}),
    site,
    contentDir: 'content',
    pathPrefix: '/',
    stylesheet: 'assets/site.css',
    published: { articles: [], staticPages: [] },
    cacheDir,
  });
  const name = readdirSync(path.join(out, 'quan-tri')).find((file) => /^portal-cms\..+\.js$/.test(file))!;
  return { name, code: readFileSync(path.join(out, 'quan-tri', name), 'utf8') };
}

/** A copy of `from`'s kept bundle in a new cache, with its script replaced by a marker and its inputs changed by `edit`. */
function doctoredCache(from: string, edit: (inputs: Record<string, string>) => void = () => {}): string {
  const cacheDir = mkdtempSync(path.join(work, 'cache-'));
  cpSync(from, cacheDir, { recursive: true });
  const [file] = readdirSync(cacheDir);
  const kept = JSON.parse(readFileSync(path.join(cacheDir, file), 'utf8'));
  edit(kept.inputs);
  writeFileSync(path.join(cacheDir, file), JSON.stringify({ ...kept, name: 'portal-cms.da-giu.js', code: '/* bản đã giữ */' }));
  return cacheDir;
}

test('a kept admin script is published while none of its files changed, and bundled again once one did', () => {
  const first = path.join(work, 'cache');
  const made = publish(first);
  // What the cache keeps is the script esbuild makes without one.
  assert.deepEqual(made, publish());
  const [kept] = readdirSync(first);
  const inputs = Object.keys(JSON.parse(readFileSync(path.join(first, kept), 'utf8')).inputs);
  assert.ok(inputs.includes(path.resolve('src/cms/admin.ts')), 'admin.ts is one of its inputs');
  assert.ok(
    inputs.some((file) => file.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`)),
    'zod is one',
  );

  assert.deepEqual(publish(doctoredCache(first)), { name: 'portal-cms.da-giu.js', code: '/* bản đã giữ */' });
  const changed = publish(doctoredCache(first, (digests) => (digests[path.resolve('src/cms/admin.ts')] = 'khác')));
  assert.deepEqual(changed, made);
});
