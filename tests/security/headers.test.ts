import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { contentSecurityPolicy, headerRules, headersFile, securityHeaders } from '../../src/security/index.ts';
import { loadSiteSettings, type SiteSettings } from '../../src/site/index.ts';
import { FIXTURES } from '../support/build.ts';

const site: SiteSettings = loadSiteSettings(path.join(FIXTURES, 'basic', '_data', 'site.yaml'));
const withEndpoint = (endpoint: string): SiteSettings => ({ ...site, feedback: { endpoint } });

test("the policy allows only the portal, Pagefind's WebAssembly and the feedback endpoint", () => {
  assert.equal(
    contentSecurityPolicy(site),
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
      "connect-src 'self'; form-action 'self' https://gopy.backan.example.gov.vn; base-uri 'self'; object-src 'none'; frame-ancestors 'none'",
  );
});

test("forms may post only to the endpoint's origin, or nowhere else when there is none", () => {
  assert.match(
    contentSecurityPolicy(withEndpoint('https://formspree.io/f/abc?x=1')),
    /form-action 'self' https:\/\/formspree\.io;/,
  );
  assert.match(contentSecurityPolicy(withEndpoint('')), /form-action 'self';/);
});

test('the <meta> copy leaves out frame-ancestors, which browsers ignore there', () => {
  const meta = contentSecurityPolicy(site, { delivery: 'meta' });
  assert.doesNotMatch(meta, /frame-ancestors/);
  assert.match(meta, /object-src 'none'$/);
});

test('HSTS only for a portal served over https', () => {
  assert.equal(securityHeaders(site)['Strict-Transport-Security'], 'max-age=31536000');
  assert.equal(securityHeaders({ ...site, baseUrl: 'http://localhost:8080/' })['Strict-Transport-Security'], undefined);
});

test('_headers: security headers on every path, a year for hashed assets, paths under the prefix', () => {
  const file = headersFile(headerRules(site, '/cong-thong-tin/'));
  const blocks = file.split('\n\n');
  assert.match(blocks[0], /^# .*\n\/cong-thong-tin\/\*\n {2}Content-Security-Policy: default-src 'self';/);
  assert.match(blocks[0], /\n {2}X-Content-Type-Options: nosniff\n/);
  assert.equal(blocks[1], '/cong-thong-tin/assets/css/*\n  Cache-Control: public, max-age=31536000, immutable');
  assert.equal(blocks[2], '/cong-thong-tin/assets/js/*\n  Cache-Control: public, max-age=31536000, immutable');
  for (const [i, pattern] of [
    'img/*',
    'pagefind/*.pf_index',
    'pagefind/*.pf_fragment',
    'pagefind/*.pf_filter',
    'pagefind/*.pf_meta',
    'pagefind/*.pf_words',
  ].entries()) {
    assert.equal(blocks[3 + i], `/cong-thong-tin/${pattern}\n  Cache-Control: public, max-age=31536000, immutable`);
  }
  assert.equal(blocks[9], '/cong-thong-tin/assets/fonts/*\n  Cache-Control: public, max-age=2592000\n');
  assert.equal(headerRules(site)[0].path, '/*');
});

test("the editor's rule detaches the portal's policy first: Cloudflare would send both, and the stricter one blocks Decap", () => {
  const withCms: SiteSettings = { ...site, cms: { repo: 'so-tttt/cong-thong-tin', branch: 'main' } } as SiteSettings;
  const admin = headersFile(headerRules(withCms, '/cong-thong-tin/')).split('\n\n').at(-1)!;
  assert.match(
    admin,
    /^\/cong-thong-tin\/quan-tri\/\*\n {2}! Content-Security-Policy\n {2}Content-Security-Policy: default-src 'self'; script-src 'self' 'unsafe-eval';/,
  );
  assert.doesNotMatch(headersFile(headerRules({ ...site, cms: undefined })), /^ {2}!/m);
});
