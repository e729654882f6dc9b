import type { SiteSettings } from '../site/index.ts';
import { collectionSpecs, type CollectionSpec } from './collections.ts';
import { formFields, type CmsField } from './fields.ts';
import { HIDDEN_PREFIX } from './format.ts';

/** Data keys the admin sets before a new article is saved: its file name follows `src/slugs`. */
export const NEW_FILE_SLUG = `${HIDDEN_PREFIX}slug`;
export const NEW_FILE_YEAR = `${HIDDEN_PREFIX}year`;
/** A new page put in a folder: the typed title, while Decap names the file from `title` (see admin.ts). */
export const NEW_FILE_TITLE = `${HIDDEN_PREFIX}title`;
/** The form's field for the folder of a page in a nested collection (Decap's `meta.path`). */
export const FOLDER_FIELD = 'Thư mục';

/** The format name each collection registers (`CMS.registerCustomFormat`). */
export function formatName(spec: CollectionSpec): string {
  return `portal-${spec.name}`;
}

export interface CmsBackendOptions {
  /** `npm run cms`: the decap-server proxy on this machine, e.g. http://localhost:8081/api/v1. */
  localProxy?: string;
  /** The published site: the GitHub repository the editors commit to, "owner/name". */
  repo?: string;
  branch?: string;
  /** The OAuth proxy that signs editors in to GitHub (Decap's `base_url`). */
  authUrl?: string;
}

function backend({ localProxy, repo, branch = 'main', authUrl }: CmsBackendOptions): Record<string, unknown> {
  if (localProxy) return { name: 'proxy', proxy_url: localProxy, branch };
  if (!repo) {
    throw new Error(
      'Trình soạn thảo web: chưa có kho GitHub. Đặt CMS_REPO="chủ/tên-kho" (và CMS_AUTH_URL) khi dựng, hoặc dùng npm run cms trên máy',
    );
  }
  return {
    name: 'github',
    repo,
    branch,
    ...(authUrl ? { base_url: authUrl } : {}),
    squash_merges: true,
    // Each draft is a branch and a pull request: CI checks it before it reaches main.
    open_authoring: false,
  };
}

function collectionConfig(spec: CollectionSpec, contentDir: string): Record<string, unknown> {
  const fields: CmsField[] = formFields(spec.schema, spec, spec.only);
  const common = { name: spec.name, label: spec.label, label_singular: spec.labelSingular, format: formatName(spec) };
  if (spec.files.kind === 'file') {
    return {
      ...common,
      files: [{ name: spec.name, label: spec.label, file: spec.files.file, fields }],
    };
  }
  if (spec.body) {
    const { label, hint, optional } = spec.body;
    fields.push({ name: 'body', label, hint, widget: 'markdown', ...(optional ? { required: false } : {}) });
  }
  const files = spec.files;
  return {
    ...common,
    folder: files.folder,
    extension: 'md',
    create: true,
    // The field that names an entry when it has no `title` (a document's number).
    ...(files.newFile.slugFrom === 'title' ? {} : { identifier_field: files.newFile.slugFrom }),
    // New files: [<year>/]<slug>.md, both set in Vietnam time and by src/slugs before saving (see admin.ts).
    // Decap turns "." into "-" in a path template, so the year is named without "fields.".
    ...(files.newFile.yearFrom ? { path: `{{${NEW_FILE_YEAR}}}/{{slug}}` } : {}),
    slug: `{{fields.${NEW_FILE_SLUG}}}`,
    summary: files.summary,
    // Subfolders shown as a tree; the folder of an entry is edited as its "path".
    ...(files.nested
      ? {
          nested: { depth: 5, summary: '{{title}}', subfolders: false },
          meta: {
            path: {
              widget: 'string',
              label: FOLDER_FIELD,
              hint: 'địa chỉ của trang cha, ví dụ: gioi-thieu; bỏ trống nếu là trang cấp một',
            },
          },
        }
      : {}),
    // Attachments next to the Markdown file ("x.pdf", read as "./x.pdf" by the attachments pipeline);
    // photos where the photo pipeline looks for "/images/…" (README, "Ảnh"). A leading "/" is the repository's root.
    ...(files.attachmentsBeside
      ? { media_folder: '', public_folder: '' }
      : { media_folder: `/${contentDir}/images`, public_folder: '/images' }),
    sortable_fields: [...files.sortableFields],
    view_filters: [{ label: 'Bản nháp', field: 'draft', pattern: true }],
    fields,
  };
}

export interface CmsConfigOptions extends CmsBackendOptions {
  contentDir?: string;
}

/**
 * The Decap CMS configuration (config.yml), generated from the content
 * schemas: the form and `npm run check` read the same definition.
 */
export function cmsConfig(site: SiteSettings, options: CmsConfigOptions = {}): Record<string, unknown> {
  const contentDir = options.contentDir ?? 'content';
  return {
    locale: 'vi',
    backend: backend(options),
    publish_mode: 'editorial_workflow',
    site_url: site.baseUrl,
    display_url: site.baseUrl,
    // content/images/ is where the photo pipeline looks for "/images/…" (README, "Ảnh").
    media_folder: `${contentDir}/images`,
    public_folder: '/images',
    // Uploaded file names follow the portal's slug rules: no accents, Đ → d.
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    editor: { preview: true },
    collections: collectionSpecs(site, contentDir).map((spec) => collectionConfig(spec, contentDir)),
  };
}
