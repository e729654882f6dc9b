import { z } from 'zod';

/** One row of a field table: what an editor reads about one field. */
export interface FieldRow {
  /** Dotted path without list indices, the key of the hints record: `image.alt`, `categories.slug`. */
  path: string;
  type: string;
  required: string;
  description: string;
}

/** A schema with its hints, and where the hints live (named in the error when one is missing). */
export interface DescribedSchema {
  schema: z.AnyZodObject;
  hints: Record<string, string>;
  source: string;
}

/** A field without a description, or a description without a field: the table would be wrong. */
export class UndescribedFieldError extends Error {}

/**
 * Every field of the schema, nested ones included, in the schema's order, with its type and whether it is
 * required read from zod and its description from the hints. Throws UndescribedFieldError naming every field
 * that has no hint and every hint that has no field.
 */
export function fieldRows({ schema, hints, source }: DescribedSchema): FieldRow[] {
  const rows = objectRows(schema, '', '');
  const missing = rows.filter((row) => !hints[row.path]?.trim()).map((row) => row.path);
  const unknown = Object.keys(hints).filter((key) => !rows.some((row) => row.path === key));
  const problems = [
    ...(missing.length ? [`trường ${quoted(missing)} chưa có mô tả: thêm vào ${source}`] : []),
    ...(unknown.length ? [`${source} mô tả ${quoted(unknown)}, nhưng schema không có trường này: xóa hoặc sửa tên`] : []),
  ];
  if (problems.length) throw new UndescribedFieldError(problems.join('; '));
  return rows.map((row) => ({ ...row, description: hints[row.path] }));
}

const quoted = (fields: string[]) => fields.map((f) => `"${f}"`).join(', ');

/** The rows of an object's fields; `condition` says when a required field is required ("khi có `image`"). */
function objectRows(object: z.AnyZodObject, prefix: string, condition: string): FieldRow[] {
  return Object.entries(object.shape as z.ZodRawShape).flatMap(([key, field]) => {
    const path = prefix + key;
    const inner = unwrap(field);
    const row = { path, type: typeName(inner), required: requirement(field, condition), description: '' };
    if (inner instanceof z.ZodObject) {
      return [row, ...objectRows(inner, `${path}.`, field.isOptional() ? `khi có \`${path}\`` : condition)];
    }
    const element = inner instanceof z.ZodArray ? unwrap(inner.element) : null;
    if (element instanceof z.ZodObject) return [row, ...objectRows(element, `${path}.`, `ở mỗi mục của \`${path}\``)];
    return [row];
  });
}

/** The type under optional, default, nullable and refinements. */
function unwrap(field: z.ZodTypeAny): z.ZodTypeAny {
  if (field instanceof z.ZodOptional || field instanceof z.ZodNullable) return unwrap(field.unwrap());
  if (field instanceof z.ZodDefault) return unwrap(field.removeDefault());
  if (field instanceof z.ZodEffects) return unwrap(field.innerType());
  return field;
}

function requirement(field: z.ZodTypeAny, condition: string): string {
  if (!field.isOptional()) {
    const inner = unwrap(field);
    const least = inner instanceof z.ZodArray ? (inner._def.minLength?.value ?? 0) : 0;
    return ['có', condition, least ? `ít nhất ${least} mục` : ''].filter(Boolean).join(', ');
  }
  const fallback = defaultOf(field);
  if (fallback === undefined) return 'không';
  const shown =
    fallback === '' || (Array.isArray(fallback) && fallback.length === 0) ? 'trống' : `\`${JSON.stringify(fallback)}\``;
  return `không (mặc định: ${shown})`;
}

function defaultOf(field: z.ZodTypeAny): unknown {
  if (field instanceof z.ZodDefault) return field._def.defaultValue();
  if (field instanceof z.ZodOptional || field instanceof z.ZodNullable) return defaultOf(field.unwrap());
  if (field instanceof z.ZodEffects) return defaultOf(field.innerType());
  return undefined;
}

/** The kind of value, in the editors' words. */
function typeName(type: z.ZodTypeAny): string {
  if (type instanceof z.ZodString) return 'chữ';
  if (type instanceof z.ZodNumber) return type.isInt ? 'số nguyên' : 'số';
  if (type instanceof z.ZodBoolean) return '`true` hoặc `false`';
  if (type instanceof z.ZodDate) return 'ngày';
  if (type instanceof z.ZodLiteral) return type.value === '' ? 'để trống' : `\`${JSON.stringify(type.value)}\``;
  if (type instanceof z.ZodEnum) return `một trong: ${(type.options as string[]).map((o) => `\`${o}\``).join(', ')}`;
  if (type instanceof z.ZodObject) return 'nhóm trường';
  if (type instanceof z.ZodArray) {
    const element = unwrap(type.element);
    return element instanceof z.ZodObject ? 'danh sách nhóm trường' : `danh sách ${typeName(element)}`;
  }
  if (type instanceof z.ZodUnion) {
    return [...new Set((type.options as z.ZodTypeAny[]).map((option) => typeName(unwrap(option))))].join(' hoặc ');
  }
  return 'xem mô tả';
}

/** A Markdown table of the rows; a pipe or angle bracket in a description can't break it. */
export function fieldTable(rows: FieldRow[]): string {
  const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('<', '&lt;');
  return [
    '| trường | kiểu | bắt buộc | ý nghĩa |',
    '|---|---|---|---|',
    ...rows.map((row) => `| \`${row.path}\` | ${row.type} | ${row.required} | ${cell(row.description)} |`),
  ].join('\n');
}
