import nunjucks, { type Environment } from 'nunjucks';
import { pageOf } from './pages.ts';
import { NUNJUCKS_OPTIONS, type TemplateTables } from './templates.ts';
import type { PageType } from '../pages/index.ts';
import type { LoadedContent } from '../portal/index.ts';

/**
 * Renders a page of the registry as Eleventy would write it (same layouts, data, filters and globals),
 * without Eleventy: npm start writes the saved article's page with it before Eleventy's rebuild.
 * Not for the pages that use Eleventy's own filters (`url`, `slugify`) or a path prefix.
 */
export class PageRenderer {
  private readonly env: Environment;
  private readonly data: TemplateTables['data'];
  private content: LoadedContent | undefined;

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
    this.content = content;
    const global = Object.fromEntries(Object.entries(this.data).map(([name, value]) => [name, value(content)]));
    const { url, data } = pageOf(type, item);
    const context = { ...global, ...data };
    const html = this.env.render(`pages/${type.template}`, context);
    return { url, html: data.layout ? this.env.render(data.layout, { ...context, content: html }) : html };
  }
}
