// npm run screenshots: full-page PNGs of every page type at 360 and 1280 px,
// and of an article as printed, so a change to the look can be reviewed.
// Shoots the last build (npm run build first); writes to screenshots/ (not committed).
// Options: --site <folder> (default: the build's output), --out <folder>.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { readBuildManifest } from '../src/publish/index.ts';
import { buildSettings } from '../src/settings/index.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { pageTypeSamples } from '../tests/support/page-types.ts';
import { serveSite } from '../tests/support/static-server.ts';

const WIDTHS = [360, 1280];
const { values } = parseArgs({ options: { site: { type: 'string' }, out: { type: 'string' } } });
const settings = buildSettings();
const site = values.site ?? settings.outputDir;
const out = values.out ?? 'screenshots';
if (!existsSync(path.join(site, 'index.html'))) {
  console.error(`Chưa có trang đã dựng ở ${site}: hãy chạy npm run build trước.`);
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const server = await serveSite(site);
const browser = await launchBrowser();
try {
  // The pages are found as the build saw the content: on its clock when it had one.
  const now = readBuildManifest(site)?.clock ?? DateTime.now().toISO()!;
  const samples = await pageTypeSamples({ dir: site, contentDir: settings.contentDir, now });
  const shots: { name: string; url: string; width: number; print?: boolean }[] = [
    ...WIDTHS.flatMap((width) => samples.map(({ type, url }) => ({ name: type.replace(/ /g, '-'), url, width }))),
    ...samples
      .filter(({ type }) => type === 'article')
      .map(({ url }) => ({ name: 'article-print', url, width: 1280, print: true })),
  ];
  const seen = new Set<string>();
  for (const shot of shots) {
    const context = await browser.newContext({ viewport: { width: shot.width, height: 800 } });
    const page = await context.newPage();
    if (shot.print) await page.emulateMedia({ media: 'print' });
    await page.goto(server.url(shot.url), { waitUntil: 'load' });
    // Lazy photos load as they come into view: scroll through the page first.
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      window.scrollTo(0, 0);
      // A lazy photo that never came into view never decodes: wait a second at most.
      const decoded = Promise.all([...document.images].map((img) => img.decode().catch(() => {})));
      await Promise.race([decoded, new Promise((resolve) => setTimeout(resolve, 1000))]);
    });
    let name = `${shot.name}-${shot.width}`;
    for (let n = 2; seen.has(name); n++) name = `${shot.name}-${n}-${shot.width}`;
    seen.add(name);
    const file = path.join(out, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`${file}  ${shot.url}  ${shot.width}×${height}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
