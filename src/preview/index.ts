import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { outputFile } from '../incremental/index.ts';
import { pageTypes } from '../pages/index.ts';
import type { LoadedContent } from '../portal/index.ts';
import { PageRenderer } from './render.ts';
import { withSavedArticle, type SavedArticleOptions } from './saved-article.ts';
import type { TemplateTables } from '../eleventy/templates.ts';

export { PageRenderer } from './render.ts';

const articlePage = pageTypes.find((type) => type.name === 'article')!;

/** Saves of one file closer together than this are one save (an editor writes a file in several calls). */
const SETTLE_MS = 20;

/**
 * npm start: the saved article's page is written as soon as the file is saved, from the last
 * rebuild's portal with that article read again, while Eleventy's rebuild (which starts later and
 * reads everything) makes the rest. The rebuild writes the page again, from all the content.
 */
export class EarlyPages {
  private last: { content: LoadedContent; outputDir: string; renderer: PageRenderer } | undefined;
  /** Counts Eleventy's rebuilds, and saves: a page is not written over a newer rebuild's or save's. */
  private rebuilds = 0;
  private saves = 0;
  private readonly settling = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly options: SavedArticleOptions & { layoutsDir: string; tables: TemplateTables; pathPrefix: string },
  ) {}

  /** After each of Eleventy's rebuilds: what it rendered from (layouts may have changed, so a new renderer). */
  rebuilt(content: LoadedContent, outputDir: string): void {
    this.rebuilds++;
    // Eleventy adds a path prefix to the pages' URLs (HtmlBasePlugin); the renderer does not.
    if (this.options.pathPrefix !== '/') return;
    this.last = { content, outputDir, renderer: new PageRenderer(this.options.layoutsDir, this.options.tables) };
  }

  /** An article file was saved (written, or moved into place). */
  saved(file: string): void {
    clearTimeout(this.settling.get(file));
    this.saves++;
    this.settling.set(
      file,
      setTimeout(() => {
        this.settling.delete(file);
        this.write(file).catch((error) => console.error(`[xem trước] Không viết trước được trang của ${file}:`, error));
      }, SETTLE_MS),
    );
  }

  private async write(file: string): Promise<void> {
    const { last } = this;
    if (!last) return;
    const started = performance.now();
    const [rebuilds, saves] = [this.rebuilds, this.saves];
    const saved = await withSavedArticle(last.content, file, this.options);
    if (!saved || rebuilds !== this.rebuilds || saves !== this.saves) return;
    const { url, html } = last.renderer.render(saved.content, articlePage, saved.article);
    const target = path.join(last.outputDir, outputFile(url));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, html);
    const ms = (performance.now() - started).toFixed(0);
    console.log(`[xem trước] Đã viết trước trang ${url} (${ms} ms); các trang khác có sau khi dựng lại.`);
  }
}
