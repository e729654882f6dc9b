import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { buildSettings } from '../../src/settings/index.ts';
import { ContentError } from '../../src/problems/index.ts';
import { absoluteUrl, normalizePathPrefix, pathPrefixOf, publicRoot } from '../../src/routes/index.ts';
import { loadSiteSettings } from '../../src/site/index.ts';
import { FIXTURES } from '../support/build.ts';

test('a path prefix has one form: slashes at both ends, percent-encoded', () => {
  assert.equal(normalizePathPrefix(''), '/');
  assert.equal(normalizePathPrefix('/'), '/');
  assert.equal(normalizePathPrefix('cong-thong-tin'), '/cong-thong-tin/');
  assert.equal(normalizePathPrefix('/cong-thong-tin'), '/cong-thong-tin/');
  assert.equal(normalizePathPrefix('//so/ban-nganh//'), '/so/ban-nganh/');
  assert.equal(normalizePathPrefix('/cổng/'), '/c%E1%BB%95ng/');
  for (const bad of ['https://x.gov.vn/a/', '/a/?b', '/a/#b', '/a/../b/', 'C:\\www'])
    assert.equal(normalizePathPrefix(bad), undefined, bad);
});

test('the public root takes the prefix from PATH_PREFIX, else from the base URL, never twice', () => {
  assert.equal(publicRoot('https://x.gov.vn/'), 'https://x.gov.vn/');
  assert.equal(publicRoot('https://x.gov.vn/cong-thong-tin'), 'https://x.gov.vn/cong-thong-tin/');
  assert.equal(publicRoot('https://x.gov.vn/', '/cong-thong-tin/'), 'https://x.gov.vn/cong-thong-tin/');
  // GitHub Pages: configure-pages gives base_url with the path and base_path with the same path.
  assert.equal(publicRoot('https://so.github.io/cong-thong-tin', '/cong-thong-tin'), 'https://so.github.io/cong-thong-tin/');
  assert.equal(publicRoot('https://x.gov.vn/cu/', '/moi/'), 'https://x.gov.vn/moi/', 'PATH_PREFIX wins');
  assert.equal(publicRoot('https://x.gov.vn/a/?q=1#b'), 'https://x.gov.vn/a/');
  assert.equal(pathPrefixOf('https://x.gov.vn/cong-thong-tin/'), '/cong-thong-tin/');
  assert.equal(absoluteUrl('https://x.gov.vn/cong-thong-tin/', '/tin-tuc/a/'), 'https://x.gov.vn/cong-thong-tin/tin-tuc/a/');
  assert.equal(absoluteUrl('https://x.gov.vn/cong-thong-tin/', 'https://chinhphu.vn/'), 'https://chinhphu.vn/');
});

const siteYaml = path.join(FIXTURES, 'basic/_data/site.yaml');
const settings = (env: Record<string, string>) => buildSettings({ PORTAL_CONTENT: path.join(FIXTURES, 'basic'), ...env });

test('SITE_URL alone implies the prefix; the site settings and the build agree', () => {
  assert.equal(settings({}).pathPrefix, '/');
  assert.equal(settings({ SITE_URL: 'https://x.gov.vn/cong-thong-tin' }).pathPrefix, '/cong-thong-tin/');
  assert.equal(
    loadSiteSettings(siteYaml, { SITE_URL: 'https://x.gov.vn/cong-thong-tin' }).baseUrl,
    'https://x.gov.vn/cong-thong-tin/',
  );
  assert.equal(settings({ PATH_PREFIX: 'cong-thong-tin' }).pathPrefix, '/cong-thong-tin/');
  assert.equal(loadSiteSettings(siteYaml, { PATH_PREFIX: 'cong-thong-tin' }).baseUrl, 'https://vidu.gov.vn/cong-thong-tin/');
  assert.equal(
    loadSiteSettings(siteYaml, { PATH_PREFIX: '' }).baseUrl,
    'https://vidu.gov.vn/',
    'an empty base_path (user site) is no prefix',
  );
});

test('a wrong SITE_URL or PATH_PREFIX is named, in Vietnamese', () => {
  assert.throws(
    () => loadSiteSettings(siteYaml, { PATH_PREFIX: 'https://x.gov.vn/a/' }),
    (error: ContentError) =>
      error instanceof ContentError && /PATH_PREFIX — "https:\/\/x\.gov\.vn\/a\/" không phải đường dẫn con/.test(error.message),
  );
  assert.throws(
    () => loadSiteSettings(siteYaml, { SITE_URL: 'backan.gov.vn' }),
    (error: ContentError) =>
      error instanceof ContentError && /SITE_URL — "backan\.gov\.vn" không phải địa chỉ web đầy đủ/.test(error.message),
  );
});
