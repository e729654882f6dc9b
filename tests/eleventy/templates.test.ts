// The layouts' globals (src/eleventy/templates.ts) as a reader sees them in the pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprintAssets } from '../../src/assets/index.ts';
import { PageRenderer, templateTables } from '../../src/eleventy/index.ts';
import { loadSite, pageTypes } from '../../src/pages/index.ts';
import { buildSettings } from '../../src/settings/index.ts';
import { BUILD_NOW } from '../support/build.ts';

const footer = (html: string) => html.match(/<footer class="site-footer">[\s\S]*?<\/footer>/)?.[0] ?? '';

test('the footer, rendered once a build, shows each build its own settings on every page', async () => {
  const settings = buildSettings({ PORTAL_CONTENT: 'content', PORTAL_NOW: BUILD_NOW });
  const renderer = new PageRenderer('layouts', templateTables(settings, fingerprintAssets('assets')));
  const load = () => loadSite({ contentDir: 'content', now: settings.now });
  const [first, next] = [await load(), await load()];
  // npm start's next rebuild, after site.yaml changed the agency's name.
  next.site.agency.name = 'Văn phòng Ủy ban nhân dân tỉnh (tên mới)';
  const [home, article] = ['home', 'article'].map((name) => pageTypes.find((type) => type.name === name)!);
  const pages = (content: typeof first) => [
    renderer.render(content, home).html,
    ...content.portal.articles.slice(0, 3).map((item) => renderer.render(content, article, item).html),
  ];
  const [before, after, beforeAgain] = [pages(first), pages(next), pages(first)];
  for (const html of [...before, ...beforeAgain]) {
    assert.equal(footer(html), footer(before[0]));
    assert.ok(footer(html).includes(first.site.agency.name));
    assert.doesNotMatch(footer(html), /tên mới/);
  }
  for (const html of after) assert.match(footer(html), /Văn phòng Ủy ban nhân dân tỉnh \(tên mới\)/);
  assert.ok(footer(before[0]).includes(`<h2 id="co-quan" class="footer-title">${first.site.name}</h2>`));
});
