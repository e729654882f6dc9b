import type { z } from 'zod';
import { fieldHints, fieldLabels, frontMatterSchema } from '../content/schema.ts';
import { siteFieldHints, siteFieldLabels, siteSchema, type SiteSettings } from '../site/schema.ts';
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
  /** Markdown files with front matter in a folder (one file an entry), or one YAML file. */
  files: { kind: 'folder'; folder: string; summary: string } | { kind: 'file'; file: string };
  /** The Markdown body's label (front-matter files only). */
  body?: { label: string; hint: string };
  /** Checks across files that the schema alone can't make (the build makes them too). */
  crossChecks?: (data: Record<string, unknown>) => FieldProblem[];
}

/** Something the build would reject in an entry, for the editor: the field's path and what is wrong. */
export interface FieldProblem {
  path: string;
  message: string;
}

const dateField: FieldOverride = { widget: 'datetime', format: DATE_FORMAT, pattern: DATE_PATTERN };

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
      files: { kind: 'folder', folder: `${contentDir}/articles`, summary: "{{title}} — {{date | date('DD/MM/YYYY')}}" },
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
