import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TemplateTables } from './templates.ts';
import { outputFile, planPages, type PageFingerprints } from '../incremental/index.ts';
import { pageTypes, type ListPageType } from '../pages/index.ts';
import type { LoadedContent } from '../portal/index.ts';
import { ELEVENTY_ONLY, PageRenderer } from './render.ts';
import { withSavedArticle, withoutArticle, type SavedArticleOptions } from './saved-article.ts';

const articlePage = pageTypes.find((type) => type.name === 'article')!;

/** Saves of one file closer together than this are one save (an editor writes a file in several calls). */
const SETTLE_MS = 20;
/** How long the article's page is served before the other pages are planned and written. */
const SERVE_FIRST_MS = 150;
/** More pages than this (an edit to one of the newest articles changes every article page) are left to the rebuild. */
const MAX_EARLY_PAGES = 400;

/** What Eleventy's last rebuild rendered from, and the fingerprints of the pages it wrote (src/incremental). */
export interface Rebuild {
  content: LoadedContent;
  outputDir: string;
  siteDigest: string;
  fingerprints: PageFingerprints;
}

/**
 * npm start: as soon as an article file is saved or deleted, its page is written (or removed) from
 * the last rebuild's portal with that article read again, then the pages whose fingerprint that
 * changes (lists, "Các tin khác", the home page). Eleventy's rebuild, which starts later and reads
 * everything, writes them all again from all the content.
 */
export class EarlyPages {
  private last: (Rebuild & { renderer: PageRenderer }) | undefined;
  /** Counts Eleventy's rebuilds (started and over), and saves: a page is not written over a newer rebuild's or save's. */
  private rebuilds = 0;
  private building = false;
  private saves = 0;
  private readonly settling = new Map<string, NodeJS.Timeout>();
  private written = new Set<string>();

  constructor(
    private readonly options: SavedArticleOptions & { layoutsDir: string; tables: TemplateTables; pathPrefix: string },
  ) {}

  /**
   * When Eleventy starts a rebuild: until it is over nothing is written early (it may have read the
   * file before or after the save, and write the same pages before or after).
   */
  rebuilding(): void {
    this.rebuilds++;
    this.building = true;
  }

  /** After each of Eleventy's rebuilds (layouts may have changed: a new renderer). */
  rebuilt(rebuild: Rebuild): void {
    this.rebuilds++;
    this.building = false;
    // Eleventy adds a path prefix to the pages' URLs (HtmlBasePlugin); the renderer does not.
    if (this.options.pathPrefix !== '/') return;
    this.last = { ...rebuild, renderer: new PageRenderer(this.options.layoutsDir, this.options.tables) };
  }

  /** The URLs of the pages written since the last call: Eleventy's next rebuild renders them again. */
  takeWritten(): Set<string> {
    const taken = this.written;
    this.written = new Set();
    return taken;
  }

  /** An article file was saved, moved into place or deleted. */
  changed(file: string): void {
    clearTimeout(this.settling.get(file));
    const save = ++this.saves;
    const write = () => {
      this.settling.delete(file);
      this.write(file, save).catch((error) => console.error(`[xem trước] Không viết trước được trang của ${file}:`, error));
    };
    this.settling.set(file, setTimeout(write, SETTLE_MS));
  }

  /** Writes the pages of `save`, the saves' count when the file changed, while no other save came. */
  private async write(file: string, save: number): Promise<void> {
    const { last } = this;
    if (!last) return;
    const started = performance.now();
    const rebuilds = this.rebuilds;
    const current = () => !this.building && rebuilds === this.rebuilds && save === this.saves;
    const early = existsSync(file)
      ? await withSavedArticle(last.content, file, this.options)
      : withoutArticle(last.content, file, this.options.now);
    if (!early || !current()) return;
    const write = (url: string, html: string) => {
      const target = path.join(last.outputDir, outputFile(url));
      // An alias such as "/../x" (an error the rebuild reports) must not write outside the preview.
      if (path.relative(last.outputDir, target).startsWith('..')) return;
      this.written.add(url);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, html);
    };
    const { content, article } = early;
    if (article) write(article.url, last.renderer.render(content, articlePage, article).html);
    // Not when another file just wrote it (an article moved: the copy saved first, the old file deleted after).
    if ('removed' in early && !this.written.has(early.removed))
      rmSync(path.join(last.outputDir, outputFile(early.removed)), { force: true });
    // Planning the rest holds the server for a while (1.5 s at 5,000 articles): the page is served first.
    await new Promise((resolve) => setTimeout(resolve, SERVE_FIRST_MS));
    const pages = current() ? this.follow(last, content, article?.url, write) : undefined;
    const ms = (performance.now() - started).toFixed(0);
    const removed = 'removed' in early ? `đã gỡ trang ${early.removed}` : undefined;
    const done = [article && `trang ${article.url}`, removed, pages !== undefined && `${pages} trang liên quan`].filter(Boolean);
    if (done.length)
      console.log(`[xem trước] Đã viết trước ${done.join(' và ')} (${ms} ms); các trang khác có sau khi dựng lại.`);
  }

  /** Writes the pages that the edit changes besides the article's own, removes those it leaves out; how many were written. */
  private follow(
    last: Rebuild & { renderer: PageRenderer },
    content: LoadedContent,
    written: string | undefined,
    write: (url: string, html: string) => void,
  ): number | undefined {
    // The errors shown on every page changed: every page changes, the rebuild writes them.
    const errors = (problems: LoadedContent['problems']) => problems.filter((p) => p.severity === 'error').length;
    if (errors(content.problems) !== errors(last.content.problems)) return undefined;
    const plan = planPages(content.portal, last.siteDigest, { fingerprints: last.fingerprints, hasFile: () => true });
    const changed = new Set(Object.keys(plan.fingerprints).filter((url) => plan.renders(url) && url !== written));
    if (changed.size + plan.removed.length > MAX_EARLY_PAGES) return undefined;
    let pages = 0;
    for (const type of pageTypes.filter((type) => !ELEVENTY_ONLY.has(type.name))) {
      const items = 'items' in type ? (content.portal[(type as ListPageType).items] as unknown[]) : [undefined];
      const route = 'items' in type ? (type.route as (item: unknown) => string) : () => type.route;
      for (const item of items) {
        if ('items' in type && !changed.has(route(item))) continue;
        const { url, html } = last.renderer.render(content, type, item);
        write(url, html);
        pages++;
      }
    }
    for (const url of plan.removed) rmSync(path.join(last.outputDir, outputFile(url)), { force: true });
    return pages;
  }
}
