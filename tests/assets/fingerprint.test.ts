import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assetCopies, contentHash, fingerprintAssets, hashedName } from '../../src/assets/index.ts';

function assetsFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'assets-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

test("a file's hashed name changes with its content, and only then", () => {
  assert.equal(hashedName('site.css', 'abc'), 'site.abc.css');
  assert.equal(contentHash('body{}'), contentHash('body{}'));
  assert.notEqual(contentHash('body{}'), contentHash('body{ }'));
  assert.match(contentHash('x'), /^[0-9a-f]{10}$/);
});

test('stylesheets and scripts get hashed URLs; other assets are copied as they are', () => {
  const dir = assetsFolder({ 'css/site.css': 'a{}', 'js/site.js': '1', 'js/search.js': '2', 'images/logo.svg': '<svg/>' });
  const manifest = fingerprintAssets(dir);
  assert.equal(manifest.url('/assets/css/site.css'), `/assets/css/site.${contentHash('a{}')}.css`);
  assert.equal(manifest.url('/assets/js/search.js'), `/assets/js/search.${contentHash('2')}.js`);
  assert.throws(() => manifest.url('/assets/css/sai.css'), /Không có tệp "\/assets\/css\/sai\.css".*\/assets\/css\/site\.css/);
  assert.deepEqual(assetCopies(dir, manifest), {
    [path.join(dir, 'images')]: 'assets/images',
    [path.join(dir, 'css', 'site.css')]: `assets/css/site.${contentHash('a{}')}.css`,
    [path.join(dir, 'js', 'search.js')]: `assets/js/search.${contentHash('2')}.js`,
    [path.join(dir, 'js', 'site.js')]: `assets/js/site.${contentHash('1')}.js`,
  });
});
