import type { z } from 'zod';
import { fieldHints, fieldLabels, frontMatterSchema } from '../content/schema.ts';
import { DOCUMENT_STATUSES, documentFieldHints, documentFieldLabels, documentFrontMatterSchema } from '../documents/schema.ts';
import { siteFieldHints, siteFieldLabels, siteSchema, type SiteSettings } from '../site/schema.ts';
import { slugify } from '../slugs/index.ts';
import { pageFieldHints, pageFieldLabels, pageFrontMatterSchema } from '../static-pages/schema.ts';
import type { FieldOverride, FieldSource } from './fields.ts';

/** Dates as the date widget writes them: Vietnam wall time, always `+07:00`. */
export const DATE_FORMAT = 'YYYY-MM-DDTHH:mm:ss[+07:00]';
export const DATE_PATTERN: [string, string] = [
  '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+07:00$',
  'ngày giờ theo giờ Việt Nam, ví dụ: 2018-08-06T09:47:32+07:00',
];

/**
 * One kind of content the web editor edits: a schema and where its files are.
 * Adding a collection for a new content schema is one entry of `collectionSpecs`.
 */
export interface CollectionSpec extends FieldSource {
  name: string;
  label: string;
  labelSingular: string;
  schema: z.AnyZodObject;
  /** Fields of the schema the form shows (default: all); the others stay in the file as they are. */
  only?: readonly string[];
  /** Fields holding an ISO date. */
  dateFields: readonly string[];
  /** Fields holding one file or a list of files: always edited as a list. */
  listFields?: readonly string[];
  /** Markdown files with front matter in a folder (one file an entry), or one YAML file. */
  files: FolderFiles | { kind: 'file'; file: string };
  /** The Markdown body's label (front-matter files only). */
  body?: { label: string; hint: string; optional?: boolean };
  /** Checks across files that the schema alone can't make (the build makes them too). */
  crossChecks?: (data: Record<string, unknown>) => FieldProblem[];
}

/** A folder of Markdown files, one an entry. */
export interface FolderFiles {
  kind: 'folder';
  folder: string;
  summary: string;
  /** A new file's name: `<year>/<slug>.md` (the year of a date field, in Vietnam time) or `<slug>.md`. */
  newFile: { slugFrom: string; yearFrom?: string };
  /** Entries in subfolders too (static pages nest), shown as a tree. */
  nested?: boolean;
  /** Uploaded files go next to the entry's Markdown file (where the attachments pipeline reads "./x.pdf"). */
  attachmentsBeside?: boolean;
  sortableFields: readonly string[];
}

/** Something the build would reject in an entry, for the editor: the field's path and what is wrong. */
export interface FieldProblem {
  path: string;
  message: string;
}

const dateField: FieldOverride = { widget: 'datetime', format: DATE_FORMAT, pattern: DATE_PATTERN };

/** Refuses a value of `field` that is not one of `allowed` (compared as slugs, like the build). */
function oneOf(field: string, allowed: readonly string[], what: string) {
  return (data: Record<string, unknown>): FieldProblem[] => {
    const value = data[field];
    return typeof value === 'string' && value && !allowed.map(slugify).includes(slugify(value))
      ? [{ path: field, message: `${what} "${value}" không tồn tại; chỉ được dùng: ${allowed.join(', ')}` }]
      : [];
  };
}

const DOCUMENT_STATUS_NAMES: Record<(typeof DOCUMENT_STATUSES)[number], string> = {
  'con-hieu-luc': 'Còn hiệu lực',
  'het-hieu-luc': 'Hết hiệu lực',
};

function categoryOptions(site: SiteSettings) {
  return [...site.categories].sort((a, b) => a.order - b.order).map((c) => ({ label: c.name, value: c.slug }));
}

/** Every collection of the web editor, for the site's settings (its categories are choices). */
export function collectionSpecs(site: SiteSettings, contentDir = 'content'): CollectionSpec[] {
  return [
    {
      name: 'articles',
      label: 'Tin bài',
      labelSingular: 'tin bài',
      schema: frontMatterSchema,
      labels: fieldLabels,
      hints: fieldHints,
      dateFields: ['date', 'modified'],
      files: {
        kind: 'folder',
        folder: `${contentDir}/articles`,
        summary: "{{title}} — {{date | date('DD/MM/YYYY')}}",
        newFile: { slugFrom: 'title', yearFrom: 'date' },
        sortableFields: ['date', 'title'],
      },
      body: { label: 'Nội dung', hint: 'Đoạn văn cách nhau một dòng trống; ảnh trong bài cần mô tả.' },
      crossChecks: (data) => {
        const slugs = site.categories.map((c) => c.slug);
        const category = data.category;
        return typeof category === 'string' && category && !slugs.includes(category)
          ? [{ path: 'category', message: `chuyên mục "${category}" không tồn tại; chỉ được dùng: ${slugs.join(', ')}` }]
          : [];
      },
      overrides: {
        date: { ...dateField, default: '{{now}}' },
        modified: dateField,
        category: { widget: 'select', options: categoryOptions(site), default: site.defaultCategory },
        summary: { widget: 'text' },
        'image.src': { widget: 'image', choose_url: false },
        tags: { allow_add: true },
      },
    },
    {
      name: 'pages',
      label: 'Trang tĩnh',
      labelSingular: 'trang tĩnh',
      schema: pageFrontMatterSchema,
      labels: pageFieldLabels,
      hints: pageFieldHints,
      dateFields: ['date', 'modified'],
      files: {
        kind: 'folder',
        folder: `${contentDir}/pages`,
        summary: '{{title}}',
        newFile: { slugFrom: 'title' },
        nested: true,
        attachmentsBeside: true,
        sortableFields: ['title', 'order'],
      },
      body: {
        label: 'Nội dung',
        hint: 'Đoạn văn cách nhau một dòng trống; tệp đính kèm đặt cạnh trang: [Tên tệp](./ten-tep.pdf).',
      },
      overrides: {
        date: dateField,
        modified: dateField,
        summary: { widget: 'text' },
        menu: {
          hint: 'nơi hiện liên kết tới trang; bỏ trống nếu không hiện ở menu nào',
          options: [
            { label: 'Menu chính', value: 'main' },
            { label: 'Chân trang', value: 'footer' },
          ],
        },
      },
    },
    {
      name: 'documents',
      label: 'Văn bản',
      labelSingular: 'văn bản',
      schema: documentFrontMatterSchema,
      labels: documentFieldLabels,
      hints: documentFieldHints,
      dateFields: ['ngay_ban_hanh', 'ngay_hieu_luc', 'date'],
      listFields: ['tep'],
      files: {
        kind: 'folder',
        folder: `${contentDir}/van-ban`,
        summary: "{{so_ky_hieu}} — {{trich_yeu}} ({{ngay_ban_hanh | date('DD/MM/YYYY')}})",
        newFile: { slugFrom: 'so_ky_hieu', yearFrom: 'ngay_ban_hanh' },
        attachmentsBeside: true,
        sortableFields: ['ngay_ban_hanh', 'so_ky_hieu'],
      },
      body: { label: 'Ghi chú', hint: 'Nội dung thêm về văn bản (không bắt buộc).', optional: true },
      crossChecks: oneOf('loai', site.documentTypes, 'loại văn bản'),
      overrides: {
        loai: { widget: 'select', options: site.documentTypes.map((name) => ({ label: name, value: name })) },
        ngay_ban_hanh: dateField,
        ngay_hieu_luc: dateField,
        date: dateField,
        trich_yeu: { widget: 'text' },
        // Each file is uploaded next to the document's Markdown file, where the attachments pipeline reads it.
        tep: {
          hint: 'tải lên tệp văn bản (PDF, Word, Excel…); thêm một mục cho mỗi phụ lục',
          field: { name: 'tep', label: 'Tệp', widget: 'file', choose_url: false },
        },
        trang_thai: {
          hint: 'văn bản còn hay hết hiệu lực',
          options: DOCUMENT_STATUSES.map((value) => ({ label: DOCUMENT_STATUS_NAMES[value], value })),
        },
      },
    },
    {
      name: 'settings',
      label: 'Cài đặt cổng',
      labelSingular: 'cài đặt',
      schema: siteSchema,
      labels: siteFieldLabels,
      hints: siteFieldHints,
      only: ['name', 'shortName', 'greeting', 'description', 'agency', 'categories', 'defaultCategory', 'menu', 'feedback'],
      dateFields: [],
      files: { kind: 'file', file: `${contentDir}/_data/site.yaml` },
      overrides: {
        defaultCategory: { widget: 'select', options: categoryOptions(site) },
        'categories.description': { widget: 'text' },
        categories: { summary: '{{fields.name}} ({{fields.slug}})' },
        menu: { summary: '{{fields.label}} → {{fields.url}}' },
        'agency.officials': { summary: '{{fields.name}}, {{fields.position}}' },
      },
    },
  ];
}
