// The editors' guide's field tables come from the schemas, so they can't drift from what the checks accept.
import { fieldHints, frontMatterSchema } from '../content/index.ts';
import { siteFieldHints, siteSchema } from '../site/index.ts';
import { fieldRows, fieldTable, type DescribedSchema } from './fields.ts';

export { fieldRows, fieldTable, UndescribedFieldError, type DescribedSchema, type FieldRow } from './fields.ts';

/** The editors' guide, relative to the repository. */
export const guideFile = 'docs/huong-dan-bien-tap.md';

/** Each generated part of the guide, by the name its markers carry. */
export const guideSchemas: Record<string, DescribedSchema> = {
  'truong-thong-tin': { schema: frontMatterSchema, hints: fieldHints, source: 'fieldHints trong src/content/schema.ts' },
  'cai-dat': { schema: siteSchema, hints: siteFieldHints, source: 'siteFieldHints trong src/site/schema.ts' },
};

/** A marker's text; the opening one tells an editor opening the file not to edit the table by hand. */
const opening = (name: string) => `<!-- tự tạo: ${name} — bảng này lấy từ mã nguồn bằng lệnh npm run docs, đừng sửa tay -->`;
const closing = (name: string) => `<!-- hết phần tự tạo: ${name} -->`;

/**
 * `text` with the content between each pair of markers replaced by `parts[name]`.
 * Throws if a pair of markers is missing, so a part can't silently stop being generated.
 */
export function fillMarkers(text: string, parts: Record<string, string>): string {
  let filled = text;
  for (const [name, part] of Object.entries(parts)) {
    const start = filled.indexOf(opening(name));
    const end = filled.indexOf(closing(name), start);
    if (start < 0 || end < 0)
      throw new Error(`${guideFile} thiếu cặp dấu đánh dấu của bảng "${name}"; thêm:\n${opening(name)}\n${closing(name)}`);
    // Blank lines around the part: a Markdown table must not run into the closing marker.
    filled = `${filled.slice(0, start + opening(name).length)}\n\n${part}\n\n${filled.slice(end)}`;
  }
  return filled;
}

/** The guide's text with its tables generated from the schemas as they are now. */
export function generatedGuide(text: string): string {
  const tables = Object.fromEntries(
    Object.entries(guideSchemas).map(([name, described]) => [name, fieldTable(fieldRows(described))]),
  );
  return fillMarkers(text, tables);
}
