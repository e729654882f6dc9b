import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
