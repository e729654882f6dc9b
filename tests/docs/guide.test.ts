import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  fieldRows,
  fieldTable,
  fillMarkers,
  generatedGuide,
  guideFile,
  guideSchemas,
  UndescribedFieldError,
} from '../../src/docs/index.ts';
import { frontMatterSchema, fieldHints } from '../../src/content/index.ts';
import { siteSchema } from '../../src/site/index.ts';

const guide = readFileSync(guideFile, 'utf8');

/** The first column of every table row in a Markdown section: the field names a reader sees. */
function tableFields(markdown: string, heading: string): string[] {
  // By the heading's words, not its number: sections get renumbered when one is added.
  const section = markdown.split(/^## /m).find((part) => part.split('\n')[0].includes(heading));
  assert.ok(section, `the guide has a section "${heading}"`);
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
}

test('the committed guide is what npm run docs writes from the schemas (run npm run docs if this fails)', () => {
  assert.equal(guide, generatedGuide(guide), `${guideFile} differs from the schemas: run npm run docs and commit the result`);
});

test('the guide lists every front-matter field and every site setting, nested ones included', () => {
  const frontMatter = tableFields(guide, 'Các trường thông tin đầu bài');
  for (const field of Object.keys(frontMatterSchema.shape)) assert.ok(frontMatter.includes(field), field);
  assert.ok(frontMatter.includes('image.alt'));
  const settings = tableFields(guide, 'Cài đặt cổng');
  for (const field of Object.keys(siteSchema.shape)) assert.ok(settings.includes(field), field);
  for (const field of ['agency.officials.position', 'categories.slug', 'menu.url', 'feedback.endpoint'])
    assert.ok(settings.includes(field), field);
});

test('the tables are in Vietnamese: the descriptions are the hints the checks print', () => {
  const rows = fieldRows(guideSchemas['truong-thong-tin']);
  assert.equal(rows.find((row) => row.path === 'title')?.description, fieldHints.title);
  assert.match(guide, /^\| `baseUrl` \| chữ \| có \| địa chỉ công khai đầy đủ/m);
});

const toy = z
  .object({
    title: z.string(),
    draft: z.boolean().default(false),
    tags: z.array(z.string()).default([]),
    photo: z.object({ src: z.string(), alt: z.string().optional() }).optional(),
    people: z.array(z.object({ name: z.string() })).min(1),
    kind: z.enum(['tin', 'van-ban']).optional(),
  })
  .strict();
const toyHints = {
  title: 'tiêu đề',
  draft: 'bản nháp',
  tags: 'từ khóa',
  photo: 'ảnh',
  'photo.src': 'tệp',
  'photo.alt': 'mô tả',
  people: 'người',
  'people.name': 'tên',
  kind: 'loại',
};

test('whether a field is required, its default and its type come from the zod schema', () => {
  const rows = fieldRows({ schema: toy, hints: toyHints, source: 'toyHints' });
  assert.deepEqual(
    rows.map((row) => [row.path, row.type, row.required]),
    [
      ['title', 'chữ', 'có'],
      ['draft', '`true` hoặc `false`', 'không (mặc định: `false`)'],
      ['tags', 'danh sách chữ', 'không (mặc định: trống)'],
      ['photo', 'nhóm trường', 'không'],
      ['photo.src', 'chữ', 'có, khi có `photo`'],
      ['photo.alt', 'chữ', 'không'],
      ['people', 'danh sách nhóm trường', 'có, ít nhất 1 mục'],
      ['people.name', 'chữ', 'có, ở mỗi mục của `people`'],
      ['kind', 'một trong: `tin`, `van-ban`', 'không'],
    ],
  );
});

test('a new field is picked up with no change to the generator, and one without a description fails, naming it', () => {
  const grown = toy.extend({ featured: z.boolean().default(false), attachment: z.object({ file: z.string() }).optional() });
  assert.throws(
    () => fieldRows({ schema: grown, hints: toyHints, source: 'toyHints in toy.ts' }),
    (error: Error) => {
      assert.ok(error instanceof UndescribedFieldError);
      assert.match(error.message, /"featured", "attachment", "attachment\.file" chưa có mô tả: thêm vào toyHints in toy\.ts/);
      return true;
    },
  );
  const hints = { ...toyHints, featured: 'bài nổi bật', attachment: 'tệp đính kèm', 'attachment.file': 'đường dẫn tệp' };
  const table = fieldTable(fieldRows({ schema: grown, hints, source: 'toyHints' }));
  assert.match(table, /^\| `featured` \| `true` hoặc `false` \| không \(mặc định: `false`\) \| bài nổi bật \|$/m);
  assert.match(table, /^\| `attachment\.file` \| chữ \| có, khi có `attachment` \| đường dẫn tệp \|$/m);
});

test('a description of a field the schema does not have fails too', () => {
  assert.throws(
    () => fieldRows({ schema: toy, hints: { ...toyHints, titel: 'lỗi chính tả' }, source: 'toyHints' }),
    /toyHints mô tả "titel", nhưng schema không có trường này/,
  );
});

test("a description can't break the table", () => {
  const table = fieldTable([{ path: 'a', type: 'chữ', required: 'có', description: 'x | y <script>' }]);
  assert.equal(table.split('\n')[2], '| `a` | chữ | có | x \\| y &lt;script> |');
});

test('only the text between the markers is replaced, and missing markers are an error', () => {
  const text = [
    'trước',
    '<!-- tự tạo: bang — bảng này lấy từ mã nguồn bằng lệnh npm run docs, đừng sửa tay -->',
    'cũ',
    '<!-- hết phần tự tạo: bang -->',
    'sau',
  ].join('\n');
  const filled = fillMarkers(text, { bang: 'mới' });
  assert.equal(filled, text.replace('cũ', '\nmới\n'));
  assert.equal(fillMarkers(filled, { bang: 'mới' }), filled);
  assert.throws(() => fillMarkers('không có', { bang: 'mới' }), /thiếu cặp dấu đánh dấu của bảng "bang"/);
});
