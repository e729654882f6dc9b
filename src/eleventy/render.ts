import nunjucks, { type Environment } from 'nunjucks';
import { pageOf } from './pages.ts';
import { NUNJUCKS_OPTIONS, type TemplateTables } from './templates.ts';
import type { PageType } from '../pages/index.ts';
import type { LoadedContent } from '../portal/index.ts';

/** Their templates use Eleventy's own filters (`url`, `slugify`): only Eleventy renders them. */
export const ELEVENTY_ONLY = new Set(['search', 'redirects-file']);

/**
 * Renders a page of the registry as Eleventy would write it (same layouts, data, filters and globals),
 * without Eleventy: npm start writes the saved article's page with it before Eleventy's rebuild, and
 * npm run build the lists' pages (list-pages.ts). Not for ELEVENTY_ONLY's pages, nor under a path prefix.
 */
export class PageRenderer {
  private readonly env: Environment;
  private readonly data: TemplateTables['data'];
  private content: LoadedContent | undefined;
  /** The global data of `content`, computed once for all its pages. */
  private global: Record<string, unknown> = {};

  constructor(layoutsDir: string, tables: TemplateTables) {
    this.env = new nunjucks.Environment(new nunjucks.FileSystemLoader(layoutsDir), { ...NUNJUCKS_OPTIONS });
    const content = () => {
      if (!this.content) throw new Error('PageRenderer.render: chưa có nội dung');
      return this.content;
    };
    for (const [name, filter] of Object.entries(tables.filters(content))) this.env.addFilter(name, filter);
    for (const [name, value] of Object.entries(tables.globals)) this.env.addGlobal(name, value);
    this.data = tables.data;
  }

  /** The page of `type` (of `item`, for a list type) from `content`: its URL and its HTML. */
  render(content: LoadedContent, type: PageType, item?: unknown): { url: string; html: string } {
    if (this.content !== content)
      this.global = Object.fromEntries(Object.entries(this.data).map(([name, value]) => [name, value(content)]));
    this.content = content;
    const { url, data } = pageOf(type, item);
    const context = { ...this.global, ...data };
    const html = this.env.render(`pages/${type.template}`, context);
    return { url, html: data.layout ? this.env.render(data.layout, { ...context, content: html }) : html };
  }
}
