import type { DateTime } from 'luxon';
import type { AssetManifest } from '../assets/index.ts';
import type { ArticleImage } from '../content/index.ts';
import { isoWithOffset } from '../dates/index.ts';
import { t } from '../i18n/index.ts';
import { renderPicture, type SizesName } from '../images/index.ts';
import { externalLinkMarker } from '../markdown/index.ts';
import { navigation, sitemapEntries } from '../pages/index.ts';
import type { LoadedContent } from '../portal/index.ts';
import { formatProblem } from '../problems/index.ts';
import { absoluteUrl, pathPrefixOf, routes } from '../routes/index.ts';
import { contentSecurityPolicy, headerRules, headersFile } from '../security/index.ts';
import type { BuildSettings } from '../settings/index.ts';
import type { EleventyConfig } from './config.ts';

/** Nunjucks's options for the layouts, wherever they are rendered. */
export const NUNJUCKS_OPTIONS = { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true };

export type Filter = Parameters<EleventyConfig['addFilter']>[1];

/**
 * What the layouts read besides a page's own data: global data (from the content), filters and
 * Nunjucks globals. One table, so that Eleventy and npm start's early pages (early-pages.ts) render alike.
 */
export interface TemplateTables {
  data: Record<string, (content: LoadedContent) => unknown>;
  filters: (content: () => LoadedContent) => Record<string, Filter>;
  globals: Record<string, unknown>;
}

/** JSON for a <script type="application/ld+json">: "<" escaped so content can't close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** What Nunjucks gives a global function as `this`: the page's variables and the environment rendering it. */
interface TemplateContext {
  ctx: Record<string, unknown>;
  env: { render(name: string, context: object): string };
}

export function templateTables(settings: BuildSettings, assets: AssetManifest): TemplateTables {
  const menus = navigation();
  const data: TemplateTables['data'] = {
    site: (content) => content.site,
    portal: (content) => content.portal,
    // Only the preview shows errors (a build with errors never gets this far).
    previewProblems: (content) => content.problems.filter((p) => p.severity === 'error').map(formatProblem),
    routes: () => routes,
    redirectStatus: () => (settings.forceRedirects ? '301!' : '301'),
    // HtmlBasePlugin adds the prefix to URLs in HTML attributes; this is for the rest (robots.txt, data-path-prefix for scripts).
    pathPrefix: (content) => pathPrefixOf(content.site.baseUrl),
    security: (content) => ({
      metaPolicy: contentSecurityPolicy(content.site, { delivery: 'meta' }),
      headersFile: headersFile(headerRules(content.site, settings.pathPrefix)),
    }),
    navigation: () => menus,
  };
  /** The partials rendered once a build, by the Portal they show (each build and npm start rebuild makes a new one). */
  const renderedOnce = new WeakMap<object, Map<string, string>>();
  /**
   * `{{ once("partials/footer.njk") | safe }}`: a partial that shows the same on every page of a build, rendered for
   * the first page and reused for the other 23,000. It sees the global data only: a variable of the page would come
   * out empty on every page, not the first page's on all of them.
   */
  function once(this: TemplateContext, template: string): string {
    const global = Object.fromEntries(Object.keys(data).map((name) => [name, this.ctx[name]]));
    const portal = global.portal;
    if (!portal || typeof portal !== 'object') return this.env.render(template, global);
    const made = renderedOnce.get(portal) ?? new Map<string, string>();
    renderedOnce.set(portal, made);
    let html = made.get(template);
    if (html === undefined) {
      html = this.env.render(template, global);
      made.set(template, html);
    }
    return html;
  }
  return {
    data,
    filters: (content) => ({
      absolute: (url: string) => absoluteUrl(content().site.baseUrl, url),
      iso: (date: DateTime) => isoWithOffset(date),
      jsonForScript,
      // Stylesheets and scripts are published under content-hashed names; layouts ask for them with `| asset`.
      asset: (url: string) => assets.url(url),
    }),
    globals: {
      t,
      once,
      externalLinkMarker,
      picture: (image: ArticleImage, sizes: SizesName, priority = false, className?: string) =>
        renderPicture(image.processed, { alt: image.alt, sizes, priority, className }),
      sitemapEntries,
    },
  };
}
