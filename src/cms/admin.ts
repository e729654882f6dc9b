/**
 * The web editor in the browser, bundled by esbuild into /quan-tri/portal-cms.js
 * and loaded before Decap CMS: it registers the portal's file formats, refuses
 * saves the build would reject, names new files by the portal's slug rules and
 * previews articles, static pages and documents with the portal's own stylesheet.
 */
import { parseVietnamDate, vietnamDate, vietnamDateTime } from '../dates/index.ts';
import { t } from '../i18n/index.ts';
import type { SiteSettings } from '../site/schema.ts';
import { titleSlug } from '../slugs/index.ts';
import { collectionSpecs, type CollectionSpec, type FieldProblem } from './collections.ts';
import { FOLDER_FIELD, NEW_FILE_SLUG, NEW_FILE_TITLE, NEW_FILE_YEAR, formatName } from './config.ts';
import { parseEntry, serializeEntry, type FormatOptions } from './format.ts';
import { DECAP_PHRASES, replaceFileQuestion, withPhrases, type Phrases } from './locale.ts';
import { describeProblems, entryProblems } from './validate.ts';

/** What the admin page hands over in <script type="application/json" id="portal-cms">. */
export interface AdminPageData {
  site: SiteSettings;
  contentDir: string;
  /** The portal's stylesheet (hashed URL, with the path prefix), for the preview pane. */
  previewStyles: string[];
  /** The portal's typeface for the preview pane: @font-face rules, shown as soon as loaded. */
  previewFonts: string;
  /** Saved lead photos ("/images/x.jpg") → the build's processed copy (URL with the path prefix). */
  photos: Record<string, string>;
  /** A static page's path ("gioi-thieu") → its title, for the breadcrumb of the pages below it. */
  pageTitles: Record<string, string>;
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
  registerPreviewStyle(style: string, options?: { raw: boolean }): void;
  registerPreviewTemplate(name: string, component: unknown): void;
  registerLocale(locale: string, phrases: unknown): void;
  getLocale(locale: string): Phrases | undefined;
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

/** The title the editor typed, where the save check stood the file name in for it (see `nestedFileName`). */
function withTypedTitle(data: Record<string, unknown>): Record<string, unknown> {
  const title = data[NEW_FILE_TITLE];
  return typeof title === 'string' ? { ...data, title } : data;
}

function registerFormats(cms: DecapCms, specs: CollectionSpec[]): void {
  for (const spec of specs) {
    const options = formatOptions(spec);
    cms.registerCustomFormat(formatName(spec), spec.files.kind === 'folder' ? 'md' : 'yaml', {
      fromFile: (text) => parseEntry(text, options),
      toFile: (data) => serializeEntry(withTypedTitle(data), options),
    });
  }
}

/** A folder of a nested collection as the form's "Thư mục" takes it: slugs joined by "/", or nothing. */
const FOLDER_PATTERN = /^([a-z0-9]+(-[a-z0-9]+)*)(\/[a-z0-9]+(-[a-z0-9]+)*)*$/;

/**
 * Decap 3.16 names a new file put in a folder ("Thư mục") after its title with
 * the accents kept ("quy-hoạch-tỉnh.md"), whatever the collection's `slug` says.
 * It is handed the portal's slug as the title; the file gets the typed title
 * back from NEW_FILE_TITLE when it is written (`withTypedTitle`), and the form
 * never sees the swap (Decap reloads the saved entry from the file).
 */
function nestedFileName(entry: ImmutableMap, data: ImmutableMap, slug: string): ImmutableMap {
  const folder = entry.getIn(['meta', 'path']);
  if (typeof folder !== 'string' || !folder) return data;
  return data.set(NEW_FILE_TITLE, data.get('title')).set('title', slug);
}

/**
 * What is wrong with the folder a page of a nested collection is put in ("Thư mục"), if anything:
 * it must be written as page addresses are, and be a page the build knows (a page under a missing
 * parent fails `npm run check`).
 */
function folderProblems(spec: CollectionSpec, entry: ImmutableMap, pageTitles: Record<string, string>): FieldProblem[] {
  const folder = entry.getIn(['meta', 'path']);
  if (spec.files.kind !== 'folder' || !spec.files.nested || typeof folder !== 'string' || !folder) return [];
  if (!FOLDER_PATTERN.test(folder)) {
    return [{ path: FOLDER_FIELD, message: 'chỉ gồm chữ thường không dấu, số, dấu gạch ngang và dấu /, ví dụ: gioi-thieu' }];
  }
  if (pageTitles[folder]) return [];
  return [
    {
      path: FOLDER_FIELD,
      message: `chưa có trang /${folder}/ để làm trang cha; hãy tạo và công bố trang đó trước (rồi tải lại trình soạn thảo), hoặc để trống`,
    },
  ];
}

/** Before each save: refuse what the build would reject; give a new entry its file name. */
function registerSaveCheck(cms: DecapCms, specs: CollectionSpec[], pageTitles: Record<string, string>): void {
  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const spec = specs.find((s) => s.name === entry.get('collection'));
      const data = entry.get('data') as ImmutableMap;
      if (!spec) return data;
      const problems = [...folderProblems(spec, entry, pageTitles), ...entryProblems(spec, data.toJS())];
      if (problems.length) throw new SaveRefused(describeProblems(spec, problems));
      if (!entry.get('newRecord') || spec.files.kind !== 'folder') return data;
      const { slugFrom, yearFrom, nested } = { ...spec.files.newFile, nested: spec.files.nested };
      const slug = titleSlug(String(data.get(slugFrom)));
      const named = data.set(NEW_FILE_SLUG, slug);
      if (nested) return nestedFileName(entry, named, slug);
      if (!yearFrom) return named;
      const published = parseVietnamDate(String(data.get(yearFrom)));
      return named.set(NEW_FILE_YEAR, String(published?.year));
    },
  });
}

type Data = Record<string, unknown>;

/** The entry's fields as plain values. */
function entryData(entry: ImmutableMap): Data {
  return (entry.get('data') as ImmutableMap).toJS();
}

/** "Trang chủ › …": the portal's breadcrumb, the last crumbs as plain text. */
function breadcrumb(h: CreateElement, crumbs: string[]): unknown {
  return h(
    'nav',
    { className: 'breadcrumb', 'aria-label': t('breadcrumb') },
    h('ol', null, ...[t('home'), ...crumbs].map((crumb, index) => h('li', { key: index }, crumb))),
  );
}

/** "(Cập nhật lúc: 06/08/2018 09:47)" when the field holds a date. */
function updatedLine(h: CreateElement, label: string, value: unknown): unknown {
  const date = parseVietnamDate(String(value ?? ''));
  return date ? h('p', { className: 'updated' }, `(${label} ${vietnamDateTime(date)})`) : null;
}

/**
 * A photo's URL for the preview: a new upload is the editor's own file (blob:);
 * a saved one is the build's processed copy, since the site serves no /images/.
 */
function photoUrl(src: string, getAsset: PreviewProps['getAsset'], photos: Record<string, string>): string | undefined {
  const asset = getAsset(src)?.toString();
  return asset?.startsWith('blob:') ? asset : (photos[src] ?? asset);
}

/**
 * The article, the static page and the document as the portal lays them out
 * (layouts/pages/article.njk, static-page.njk, document.njk), with its classes:
 * the preview pane loads the portal's stylesheet and typeface.
 */
function registerPreviews(cms: DecapCms, page: AdminPageData): void {
  const h = window.h;
  if (!h || !window.createClass) return;
  const { site, photos, pageTitles } = page;
  const names = new Map(site.categories.map((c) => [c.slug, c.name]));
  const ArticlePreview = window.createClass({
    render() {
      const { entry, widgetFor, getAsset } = this.props;
      const data = entryData(entry);
      const image = data.image as { src?: string; alt?: string; caption?: string } | undefined;
      const tags = Array.isArray(data.tags) ? (data.tags as string[]) : [];
      const category = names.get(String(data.category ?? site.defaultCategory)) ?? '';
      return h(
        'main',
        { className: 'container', id: 'noi-dung' },
        data.draft ? h('p', { className: 'draft-banner', role: 'status' }, t('draftBanner')) : null,
        breadcrumb(h, [category]),
        h(
          'article',
          { className: 'article' },
          h('h1', { className: 'article-title' }, String(data.title ?? '')),
          updatedLine(h, t('updatedAt'), data.modified ?? data.date),
          data.summary ? h('p', { className: 'summary' }, String(data.summary)) : null,
          image?.src
            ? h(
                'figure',
                { className: 'lead-figure' },
                h('img', { src: photoUrl(image.src, getAsset, photos), alt: image.alt ?? '' }),
                image.caption ? h('figcaption', null, image.caption) : null,
              )
            : null,
          h('div', { className: 'article-body' }, widgetFor('body')),
          h('p', { className: 'author' }, String(data.author ?? '')),
          tags.length
            ? h(
                'div',
                { className: 'tags' },
                h('h2', { className: 'tags-title' }, `${t('tags')}:`),
                h('ul', null, ...tags.map((tag) => h('li', { key: tag }, h('a', { href: '#' }, tag)))),
              )
            : null,
        ),
      );
    },
  });
  const PagePreview = window.createClass({
    render() {
      const { entry, widgetFor } = this.props;
      const data = entryData(entry);
      // The pages above it: each folder of "Thư mục" by its page's title ("gioi-thieu" → "Giới thiệu tỉnh Bắc Kạn").
      const folder = String(entry.getIn(['meta', 'path']) ?? '');
      const parts = folder.split('/').filter(Boolean);
      const ancestors = parts.map((_, index) => {
        const path = parts.slice(0, index + 1).join('/');
        return pageTitles[path] ?? path;
      });
      return h(
        'main',
        { className: 'container', id: 'noi-dung' },
        data.draft ? h('p', { className: 'draft-banner', role: 'status' }, t('draftPageBanner')) : null,
        breadcrumb(h, ancestors),
        h(
          'article',
          { className: 'article static-page' },
          h('h1', { className: 'article-title' }, String(data.title ?? '')),
          updatedLine(h, t('pageUpdated'), data.modified ?? data.date),
          data.summary ? h('p', { className: 'summary' }, String(data.summary)) : null,
          h('div', { className: 'article-body' }, widgetFor('body')),
        ),
      );
    },
  });
  const DocumentPreview = window.createClass({
    render() {
      const { entry, widgetFor } = this.props;
      const data = entryData(entry);
      const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
      const day = (value: unknown) => {
        const date = parseVietnamDate(text(value));
        return date ? vietnamDate(date) : '';
      };
      const status = data.trang_thai === 'het-hieu-luc' ? 'het-hieu-luc' : 'con-hieu-luc';
      const files = (Array.isArray(data.tep) ? data.tep : [data.tep]).map(text).filter(Boolean);
      const rows: [string, string][] = [
        [t('documentNumber'), text(data.so_ky_hieu)],
        [t('documentType'), text(data.loai)],
        [t('documentIssuer'), text(data.co_quan_ban_hanh)],
        [t('documentIssued'), day(data.ngay_ban_hanh)],
        [t('documentEffective'), day(data.ngay_hieu_luc)],
        [t('documentSigner'), text(data.nguoi_ky)],
        [t('documentField'), text(data.linh_vuc)],
        [t('documentSummary'), text(data.trich_yeu)],
        [t('documentStatus'), t(`status.${status}`)],
      ];
      return h(
        'main',
        { className: 'container', id: 'noi-dung' },
        data.draft ? h('p', { className: 'draft-banner', role: 'status' }, t('draftDocumentBanner')) : null,
        breadcrumb(h, [t('documentsTitle'), text(data.loai)]),
        h(
          'article',
          { className: 'article official-document' },
          // As the build names it (src/documents): "<loại> số <số ký hiệu>".
          h('h1', { className: 'article-title' }, `${text(data.loai)} số ${text(data.so_ky_hieu)}`),
          h('p', { className: 'summary' }, text(data.trich_yeu)),
          h(
            'table',
            { className: 'document-fields' },
            h(
              'tbody',
              null,
              ...rows
                .filter(([, value]) => value)
                .map(([label, value]) => h('tr', { key: label }, h('th', { scope: 'row' }, label), h('td', null, value))),
            ),
          ),
          h(
            'section',
            { className: 'document-files' },
            h('h2', { className: 'section-title' }, t('documentFiles')),
            h(
              'ul',
              null,
              ...files.map((file) => h('li', { key: file }, t('documentDownload', { name: file.replace(/^\.\//, '') }))),
            ),
          ),
          data.body
            ? h(
                'section',
                { className: 'article-body' },
                h('h2', { className: 'section-title' }, t('documentNotes')),
                widgetFor('body'),
              )
            : null,
        ),
      );
    },
  });
  cms.registerPreviewTemplate('articles', ArticlePreview);
  cms.registerPreviewTemplate('pages', PagePreview);
  cms.registerPreviewTemplate('documents', DocumentPreview);
}

/** Decap's Vietnamese, completed (src/cms/locale.ts), including the question it asks with window.confirm. */
function patchLocale(cms: DecapCms): void {
  const vi = cms.getLocale('vi');
  if (vi) cms.registerLocale('vi', withPhrases(vi, DECAP_PHRASES));
  const confirm = window.confirm.bind(window);
  window.confirm = (message?: string) => confirm(replaceFileQuestion(String(message ?? '')));
}

function start(): void {
  const cms = window.CMS;
  const element = document.getElementById('portal-cms');
  if (!cms || !element?.textContent) throw new Error('Trình soạn thảo web: thiếu Decap CMS hoặc dữ liệu của trang');
  const page = JSON.parse(element.textContent) as AdminPageData;
  const specs = collectionSpecs(page.site, page.contentDir);
  patchLocale(cms);
  registerFormats(cms, specs);
  registerSaveCheck(cms, specs, page.pageTitles);
  for (const style of page.previewStyles) cms.registerPreviewStyle(style);
  cms.registerPreviewStyle(page.previewFonts, { raw: true });
  registerPreviews(cms, page);
  cms.init();
}

// Loaded before decap-cms.js: Decap must wait for the formats above.
window.CMS_MANUAL_INIT = true;
document.addEventListener('DOMContentLoaded', start);
