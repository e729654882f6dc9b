import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  cmsConfig,
  collectionSpecs,
  entryProblems,
  formFields,
  parseEntry,
  type CmsField,
  type CollectionSpec,
} from '../../src/cms/index.ts';
import type { Problem } from '../../src/problems/index.ts';
import { readArticle } from '../../src/content/index.ts';
import { loadSiteSettings } from '../../src/site/index.ts';
import { DOCUMENT_STATUSES } from '../../src/documents/index.ts';
import { samples } from './samples.ts';

const site = loadSiteSettings('content/_data/site.yaml', {});
const specs = collectionSpecs(site);
const articles = specs.find((spec) => spec.name === 'articles')!;

/** Dotted path → form field, every level. */
function flatten(fields: CmsField[], prefix = ''): Map<string, CmsField> {
  const all = new Map<string, CmsField>();
  for (const field of fields) {
    const path = prefix ? `${prefix}.${field.name}` : field.name;
    all.set(path, field);
    for (const [child, value] of flatten(field.fields ?? [], path)) all.set(child, value);
  }
  return all;
}

/** Dotted path → [required, regex source] as the zod schema says, every level. */
function schemaFields(schema: z.AnyZodObject, prefix = '', optionalParent = false): Map<string, [boolean, string?]> {
  const all = new Map<string, [boolean, string?]>();
  for (const [name, type] of Object.entries(schema.shape as Record<string, z.ZodTypeAny>)) {
    const path = prefix ? `${prefix}.${name}` : name;
    let inner = type;
    while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault || inner instanceof z.ZodEffects)
      inner =
        inner instanceof z.ZodEffects
          ? inner.innerType()
          : inner instanceof z.ZodDefault
            ? inner.removeDefault()
            : inner.unwrap();
    const regex = inner instanceof z.ZodString ? inner._def.checks.find((c) => c.kind === 'regex') : undefined;
    const required = !type.isOptional() && !optionalParent;
    all.set(path, [required, regex && 'regex' in regex ? regex.regex.source : undefined]);
    // An optional group's fields can't be required by the form (the save check requires them); a list item's can.
    if (inner instanceof z.ZodObject) for (const [k, v] of schemaFields(inner, path, !required)) all.set(k, v);
    if (inner instanceof z.ZodArray) {
      // A list item may carry a refinement (a menu entry points at exactly one thing).
      const element = inner.element instanceof z.ZodEffects ? inner.element.innerType() : inner.element;
      if (element instanceof z.ZodObject) for (const [k, v] of schemaFields(element, path, optionalParent)) all.set(k, v);
    }
  }
  return all;
}

test('the form and the content schemas agree: same fields, required the same, same patterns, Vietnamese labels', () => {
  assert.deepEqual(
    specs.map((spec) => spec.name),
    ['articles', 'pages', 'documents', 'settings'],
  );
  for (const spec of specs) {
    const form = flatten(formFields(spec.schema, spec, spec.only));
    for (const [path, [required, pattern]] of schemaFields(spec.schema)) {
      if (spec.only && !spec.only.includes(path.split('.')[0])) continue;
      const field = form.get(path);
      assert.ok(field, `${spec.name}: "${path}" is in the schema but not in the form`);
      assert.equal(field.required !== false, required, `${spec.name}: "${path}" required`);
      if (pattern) assert.equal(field.pattern?.[0], pattern, `${spec.name}: "${path}" pattern`);
      assert.match(field.label, /\p{L}/u);
    }
    for (const path of form.keys())
      assert.ok(schemaFields(spec.schema).has(path), `${spec.name}: "${path}" is not in the schema`);
  }
});

test('a schema field without a Vietnamese label stops the generation', () => {
  const spec: CollectionSpec = { ...articles, labels: { ...articles.labels, summary: '' } };
  assert.throws(() => formFields(spec.schema, spec), /trường "summary" của lược đồ chưa có nhãn tiếng Việt/);
});

test('config.yml: Vietnamese, editorial workflow, categories from the site, dates in +07:00, media where the photo pipeline looks', () => {
  const config = cmsConfig(site, { repo: 'so-tttt/cong-thong-tin', authUrl: 'https://dang-nhap.example.gov.vn' });
  assert.equal(config.locale, 'vi');
  assert.equal(config.publish_mode, 'editorial_workflow');
  assert.deepEqual(config.backend, {
    name: 'github',
    repo: 'so-tttt/cong-thong-tin',
    branch: 'main',
    base_url: 'https://dang-nhap.example.gov.vn',
    squash_merges: true,
    open_authoring: false,
  });
  const [collection] = config.collections as { fields: CmsField[]; media_folder: string; folder: string }[];
  assert.equal(collection.folder, 'content/articles');
  assert.equal(collection.media_folder, '/content/images');
  const fields = flatten(collection.fields);
  assert.deepEqual(
    fields.get('category')?.options?.map((o) => o.value),
    [...site.categories].sort((a, b) => a.order - b.order).map((c) => c.slug),
  );
  assert.equal(fields.get('date')?.format, 'YYYY-MM-DDTHH:mm:ss[+07:00]');
  assert.equal(fields.get('image.src')?.widget, 'image');
  assert.deepEqual(cmsConfig(site, { localProxy: 'http://localhost:8081/api/v1' }).backend, {
    name: 'proxy',
    proxy_url: 'http://localhost:8081/api/v1',
    branch: 'main',
  });
});

test('the save check refuses what the build refuses: missing title, photo without alt, unknown category, bad date', () => {
  const good = {
    title: 'Hội nghị',
    date: '2026-03-02T09:15:00+07:00',
    author: 'Thu Cúc',
    category: 'kinh-te',
    body: 'Nội dung.',
    image: { src: '/images/a.jpg', alt: 'Mô tả', caption: '' },
  };
  assert.deepEqual(entryProblems(articles, good), []);
  const refused = (data: Record<string, unknown>) => entryProblems(articles, data).map((p) => `${p.path}: ${p.message}`);
  assert.deepEqual(refused({ ...good, title: '' }), ['title: bắt buộc nhưng đang thiếu']);
  assert.deepEqual(refused({ ...good, image: { src: '/images/a.jpg', alt: '' } }), ['image.alt: bắt buộc nhưng đang thiếu']);
  assert.match(refused({ ...good, category: 'the-thao' })[0], /^category: chuyên mục "the-thao" không tồn tại/);
  assert.deepEqual(refused({ ...good, date: '2026-02-30T09:00:00+07:00' }), ['date: không phải ngày hợp lệ theo ISO 8601']);
  assert.deepEqual(refused({ ...good, slug: 'Hội-nghị' }), ['slug: chỉ gồm chữ thường không dấu, số và dấu gạch ngang']);
});

test('on every sample file the save check and npm run check agree on the front matter', () => {
  for (const file of samples) {
    const text = readFileSync(file, 'utf8');
    const problems: Problem[] = [];
    const read = readArticle(file, Buffer.from(text), problems);
    const schemaErrors = read === null && problems.length > 0;
    assert.equal(
      entryProblems(articles, parseEntry(text, { frontMatter: true, dateFields: [], fieldOrder: [] })).length > 0,
      schemaErrors,
      file,
    );
  }
});

test('config.yml: static pages in a tree of folders, documents by year with a type from the site, a status and files beside them', () => {
  const config = cmsConfig(site, { localProxy: 'http://localhost:8081/api/v1' });
  const collections = config.collections as Record<string, unknown>[];
  const pages = collections.find((c) => c.name === 'pages')!;
  assert.equal(pages.folder, 'content/pages');
  assert.deepEqual(pages.nested, { depth: 5, summary: '{{title}}', subfolders: false });
  assert.equal(pages.media_folder, '');
  const pageFields = flatten(pages.fields as CmsField[]);
  assert.equal(pageFields.get('title')?.label, 'Tên trang');
  assert.deepEqual(
    pageFields.get('menu')?.options?.map((o) => o.value),
    ['main', 'footer'],
  );
  assert.equal(pageFields.get('date')?.format, 'YYYY-MM-DDTHH:mm:ss[+07:00]');

  const documents = collections.find((c) => c.name === 'documents')!;
  assert.equal(documents.folder, 'content/van-ban');
  assert.equal(documents.path, '{{__cms_year}}/{{slug}}');
  assert.equal(documents.identifier_field, 'so_ky_hieu');
  // Uploads go next to the Markdown file: "x.pdf", which the attachments pipeline reads like "./x.pdf".
  assert.equal(documents.media_folder, '');
  assert.equal(documents.public_folder, '');
  const fields = flatten(documents.fields as CmsField[]);
  assert.deepEqual(
    fields.get('loai')?.options?.map((o) => o.value),
    site.documentTypes,
  );
  assert.equal(fields.get('loai')?.widget, 'select');
  assert.equal(fields.get('trang_thai')?.widget, 'select');
  assert.deepEqual(
    fields.get('trang_thai')?.options?.map((o) => o.value),
    [...DOCUMENT_STATUSES],
  );
  assert.equal(fields.get('trang_thai')?.default, 'con-hieu-luc');
  assert.equal(fields.get('tep')?.widget, 'list');
  assert.equal(fields.get('tep')?.field?.widget, 'file');
  assert.equal(fields.get('tep')?.required, undefined);
  assert.equal(fields.get('body')?.required, false, 'a document needs no note');
  for (const date of ['ngay_ban_hanh', 'ngay_hieu_luc', 'date'])
    assert.equal(fields.get(date)?.format, 'YYYY-MM-DDTHH:mm:ss[+07:00]', date);
});

test('the save check of documents: every document of content/van-ban passes; an unknown type or no file is refused', () => {
  const documents = specs.find((spec) => spec.name === 'documents')!;
  const options = { frontMatter: true, dateFields: documents.dateFields, listFields: documents.listFields, fieldOrder: [] };
  const folder = 'content/van-ban/2026';
  const files = readdirSync(folder).filter((name) => name.endsWith('.md'));
  assert.ok(files.length > 3);
  for (const name of files) {
    const data = parseEntry(readFileSync(`${folder}/${name}`, 'utf8'), options);
    assert.ok(Array.isArray(data.tep), `${name}: tep read as a list`);
    assert.deepEqual(entryProblems(documents, data), [], name);
  }
  const good = parseEntry(readFileSync(`${folder}/${files[0]}`, 'utf8'), options);
  const refused = (data: Record<string, unknown>) => entryProblems(documents, data).map((p) => p.path);
  assert.deepEqual(refused({ ...good, loai: 'Thư mời' }), ['loai']);
  assert.match(entryProblems(documents, { ...good, loai: 'Thư mời' })[0].message, /loại văn bản "Thư mời" không tồn tại/);
  assert.deepEqual(refused({ ...good, tep: [] }), ['tep']);
  assert.deepEqual(refused({ ...good, trang_thai: 'Hết hiệu lực' }), []);
  assert.deepEqual(refused({ ...good, trang_thai: 'bãi bỏ' }), ['trang_thai']);
});
