/**
 * The web editor in the browser, bundled by esbuild into /quan-tri/portal-cms.js
 * and loaded before Decap CMS: it registers the portal's file formats, refuses
 * saves the build would reject, names new files by the portal's slug rules and
 * previews articles with the portal's own stylesheet.
 */
import { vietnamDate } from '../dates/index.ts';
import { parseVietnamDate } from '../dates/index.ts';
import type { SiteSettings } from '../site/schema.ts';
import { titleSlug } from '../slugs/index.ts';
import { collectionSpecs, type CollectionSpec } from './collections.ts';
import { NEW_FILE_SLUG, NEW_FILE_YEAR, formatName } from './config.ts';
import { parseEntry, serializeEntry, type FormatOptions } from './format.ts';
import { describeProblems, entryProblems } from './validate.ts';

/** What the admin page hands over in <script type="application/json" id="portal-cms">. */
export interface AdminPageData {
  site: SiteSettings;
  contentDir: string;
  /** The portal's stylesheet (hashed URL, with the path prefix), for the preview pane. */
  previewStyles: string[];
}

// Decap's globals: only what is used here.
interface ImmutableMap {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
  set(key: string, value: unknown): ImmutableMap;
  toJS(): Record<string, unknown>;
}
interface DecapCms {
  init(options?: Record<string, unknown>): void;
  registerCustomFormat(
    name: string,
    extension: string,
    formatter: { fromFile(text: string): unknown; toFile(data: Record<string, unknown>): string },
  ): void;
  registerEventListener(listener: { name: string; handler: (event: { entry: ImmutableMap }) => unknown }): void;
  registerPreviewStyle(url: string): void;
  registerPreviewTemplate(name: string, component: unknown): void;
  registerLocale(locale: string, phrases: unknown): void;
  getLocale(locale: string): Record<string, Record<string, Record<string, string>>> | undefined;
}
type CreateElement = (type: string, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;
interface PreviewProps {
  entry: ImmutableMap;
  widgetFor(name: string): unknown;
  getAsset(path: string): { toString(): string } | undefined;
}

declare global {
  interface Window {
    CMS?: DecapCms;
    CMS_MANUAL_INIT?: boolean;
    h?: CreateElement;
    createClass?: (spec: { render(this: { props: PreviewProps }): unknown }) => unknown;
  }
}

/** Why a save was refused; Decap shows `String(error)`, which must not start with "Error: ". */
class SaveRefused extends Error {
  override toString(): string {
    return this.message;
  }
}

function formatOptions(spec: CollectionSpec): FormatOptions {
  return {
    frontMatter: spec.files.kind === 'folder',
    dateFields: spec.dateFields,
    listFields: spec.listFields,
    fieldOrder: Object.keys(spec.schema.shape),
  };
}

function registerFormats(cms: DecapCms, specs: CollectionSpec[]): void {
  for (const spec of specs) {
    const options = formatOptions(spec);
    cms.registerCustomFormat(formatName(spec), spec.files.kind === 'folder' ? 'md' : 'yaml', {
      fromFile: (text) => parseEntry(text, options),
      toFile: (data) => serializeEntry(data, options),
    });
  }
}

/** Before each save: refuse what the build would reject; give a new article its file name. */
function registerSaveCheck(cms: DecapCms, specs: CollectionSpec[]): void {
  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const spec = specs.find((s) => s.name === entry.get('collection'));
      const data = entry.get('data') as ImmutableMap;
      if (!spec) return data;
      const problems = entryProblems(spec, data.toJS());
      if (problems.length) throw new SaveRefused(describeProblems(spec, problems));
      if (!entry.get('newRecord') || spec.files.kind !== 'folder') return data;
      const { slugFrom, yearFrom } = spec.files.newFile;
      const named = data.set(NEW_FILE_SLUG, titleSlug(String(data.get(slugFrom))));
      if (!yearFrom) return named;
      const published = parseVietnamDate(String(data.get(yearFrom)));
      return named.set(NEW_FILE_YEAR, String(published?.year));
    },
  });
}

/** The article as the portal lays it out (layouts/pages/article.njk), with its classes. */
function registerArticlePreview(cms: DecapCms, site: SiteSettings): void {
  const h = window.h;
  if (!h || !window.createClass) return;
  const names = new Map(site.categories.map((c) => [c.slug, c.name]));
  const Preview = window.createClass({
    render() {
      const { entry, widgetFor, getAsset } = this.props;
      const data = (entry.get('data') as ImmutableMap).toJS() as Record<string, unknown>;
      const image = data.image as { src?: string; alt?: string; caption?: string } | undefined;
      const date = parseVietnamDate(String(data.date ?? ''));
      const tags = Array.isArray(data.tags) ? (data.tags as string[]) : [];
      const category = names.get(String(data.category ?? site.defaultCategory)) ?? '';
      return h(
        'main',
        { className: 'main', id: 'noi-dung' },
        data.draft ? h('p', { className: 'draft-banner', role: 'status' }, 'Bản nháp – bài viết này chưa được xuất bản') : null,
        h(
          'nav',
          { className: 'breadcrumb', 'aria-label': 'Vị trí' },
          h('ol', null, h('li', null, 'Trang chủ'), h('li', null, category)),
        ),
        h(
          'article',
          { className: 'article' },
          h('h1', { className: 'article-title' }, String(data.title ?? '')),
          date ? h('p', { className: 'updated' }, `(Cập nhật lúc ${vietnamDate(date)})`) : null,
          data.summary ? h('p', { className: 'summary' }, String(data.summary)) : null,
          image?.src
            ? h(
                'figure',
                { className: 'lead-figure' },
                h('img', { src: getAsset(image.src)?.toString(), alt: image.alt ?? '' }),
                image.caption ? h('figcaption', null, image.caption) : null,
              )
            : null,
          h('div', { className: 'article-body' }, widgetFor('body')),
          h('p', { className: 'author' }, String(data.author ?? '')),
          tags.length
            ? h(
                'div',
                { className: 'tags' },
                h('h2', { className: 'tags-title' }, 'Từ khóa:'),
                h('ul', null, ...tags.map((tag) => h('li', { key: tag }, h('a', { href: '#' }, tag)))),
              )
            : null,
        ),
      );
    },
  });
  cms.registerPreviewTemplate('articles', Preview);
}

/** Decap's Vietnamese, with the save error said plainly. */
function patchLocale(cms: DecapCms): void {
  const vi = cms.getLocale('vi');
  if (!vi?.ui?.toast) return;
  vi.ui.toast.onFailToPersist = 'Chưa lưu được: %{details}';
  const toolbar = vi.editor?.editorToolbar;
  if (toolbar) toolbar.status = 'Trạng thái: %{status}';
  cms.registerLocale('vi', vi);
}

function start(): void {
  const cms = window.CMS;
  const element = document.getElementById('portal-cms');
  if (!cms || !element?.textContent) throw new Error('Trình soạn thảo web: thiếu Decap CMS hoặc dữ liệu của trang');
  const page = JSON.parse(element.textContent) as AdminPageData;
  const specs = collectionSpecs(page.site, page.contentDir);
  patchLocale(cms);
  registerFormats(cms, specs);
  registerSaveCheck(cms, specs);
  for (const style of page.previewStyles) cms.registerPreviewStyle(style);
  registerArticlePreview(cms, page.site);
  cms.init();
}

// Loaded before decap-cms.js: Decap must wait for the formats above.
window.CMS_MANUAL_INIT = true;
document.addEventListener('DOMContentLoaded', start);
