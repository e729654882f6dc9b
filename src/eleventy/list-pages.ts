import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { outputFile } from '../incremental/index.ts';
import { pageTypes, type ListPageType } from '../pages/index.ts';
import type { LoadedContent } from '../portal/index.ts';
import { ELEVENTY_ONLY, type PageRenderer } from './render.ts';

/** The page types with a page per item (articles, categories, tags, months…) that the portal renders without Eleventy. */
const listTypes = pageTypes.filter((type) => 'items' in type && !ELEVENTY_ONLY.has(type.name));

/**
 * npm run build: writes the lists' pages that `renders` names (all of them in a full build) into
 * `outputDir` with the same layouts, data and filters as Eleventy, byte for byte, and returns their
 * URLs for Eleventy to leave out. Eleventy's data cascade and pagination cost several times the
 * rendering itself for each of these 20,000 pages; its few single pages stay with it.
 */
export function writeListPages(
  renderer: PageRenderer,
  content: LoadedContent,
  outputDir: string,
  renders: (url: string) => boolean,
  written: (outputPath: string, bytes: Buffer) => void,
): Set<string> {
  const urls = new Set<string>();
  for (const type of listTypes) {
    const { items, route } = type as ListPageType;
    for (const item of content.portal[items] as unknown[]) {
      if (!renders(route(item as never))) continue;
      const { url, html } = renderer.render(content, type, item);
      // The content's checks give every page its own URL; Eleventy would refuse two files at one path.
      if (urls.has(url)) throw new Error(`Hai trang cùng địa chỉ ${url}`);
      urls.add(url);
      const outputPath = path.join(outputDir, outputFile(url));
      // Encoded once for the file and for its line in the manifest.
      const bytes = Buffer.from(html);
      mkdirSync(path.dirname(outputPath), { recursive: true });
      writeFileSync(outputPath, bytes);
      written(outputPath, bytes);
    }
  }
  return urls;
}
