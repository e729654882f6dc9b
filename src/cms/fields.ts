import { z } from 'zod';

/** A field of a Decap CMS collection, as its config.yml spells it. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  pattern?: [string, string];
  default?: unknown;
  min?: number;
  fields?: CmsField[];
  field?: CmsField;
  options?: { label: string; value: string }[];
  [option: string]: unknown;
}

/** What the schema can't say about a field: its widget and its options. */
export type FieldOverride = Partial<Omit<CmsField, 'name'>>;

export interface FieldSource {
  /** Vietnamese label of each field by dotted path ("image.alt"; list items: "menu.label"). */
  labels: Record<string, string>;
  /** What each field accepts, by dotted path. */
  hints: Record<string, string>;
  /** By dotted path: widget and options the type alone doesn't give. */
  overrides?: Record<string, FieldOverride>;
}

interface Unwrapped {
  type: z.ZodTypeAny;
  optional: boolean;
  defaultValue?: unknown;
}

function unwrap(type: z.ZodTypeAny): Unwrapped {
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    if (type instanceof z.ZodOptional || type instanceof z.ZodNullable) {
      optional = true;
      type = type.unwrap();
    } else if (type instanceof z.ZodDefault) {
      optional = true;
      defaultValue = type._def.defaultValue();
      type = type.removeDefault();
    } else if (type instanceof z.ZodEffects) {
      type = type.innerType();
    } else if (type instanceof z.ZodUnion) {
      // `url().or(literal(''))`: empty allowed, so optional, edited as its first option.
      // One value or a list of them (a document's `tep`): edited as the list.
      const options: z.ZodTypeAny[] = type.options;
      optional = optional || options.some((option) => option instanceof z.ZodLiteral);
      type = options.find((option) => option instanceof z.ZodArray) ?? options[0];
    } else return { type, optional, defaultValue };
  }
}

/** The regex a string must match, as Decap's `pattern` (source and the schema's own message). */
function stringPattern(type: z.ZodString): [string, string] | undefined {
  for (const check of type._def.checks) {
    if (check.kind === 'regex') return [check.regex.source, check.message ?? ''];
    if (check.kind === 'email')
      return ['^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', 'phải là địa chỉ thư điện tử, ví dụ: ten@co-quan.gov.vn'];
    if (check.kind === 'url') return ['^https?://\\S+$', 'phải là địa chỉ đầy đủ bắt đầu bằng https://'];
  }
  return undefined;
}

function minOf(type: z.ZodString | z.ZodArray<z.ZodTypeAny>): number | undefined {
  if (type instanceof z.ZodArray) return type._def.minLength?.value;
  return type._def.checks.find((check) => check.kind === 'min')?.value;
}

/**
 * One schema field → one form field. `inOptional` is set inside an optional
 * group (the article's photo): its required fields can't be required by the
 * form, which would then demand a photo; the save check enforces them.
 */
function fieldFor(name: string, path: string, schema: z.ZodTypeAny, source: FieldSource, inOptional: boolean): CmsField {
  const label = source.labels[path];
  if (!label) throw new Error(`Trình soạn thảo: trường "${path}" của lược đồ chưa có nhãn tiếng Việt`);
  const { type, optional, defaultValue } = unwrap(schema);
  const field: CmsField = { name, label, widget: 'string' };
  // Hints are written for the YAML ("ví dụ: title: "…""); the form shows only the value.
  const hint = source.hints[path]?.replace(`ví dụ: ${name}: `, 'ví dụ: ');
  if (hint) field.hint = hint;
  if (type instanceof z.ZodString) {
    const pattern = stringPattern(type);
    if (pattern) field.pattern = pattern;
  } else if (type instanceof z.ZodNumber) {
    field.widget = 'number';
    if (type.isInt) field.value_type = 'int';
  } else if (type instanceof z.ZodBoolean) {
    field.widget = 'boolean';
  } else if (type instanceof z.ZodEnum) {
    field.widget = 'select';
    field.options = (type.options as string[]).map((value) => ({ label: value, value }));
  } else if (type instanceof z.ZodArray) {
    field.widget = 'list';
    const item = unwrap(type.element).type;
    if (item instanceof z.ZodObject) field.fields = objectFields(item, path, source, inOptional);
    const min = minOf(type);
    if (min) field.min = min;
  } else if (type instanceof z.ZodObject) {
    field.widget = 'object';
    field.fields = objectFields(type, path, source, inOptional || optional);
  } else {
    throw new Error(`Trình soạn thảo: chưa biết cách soạn trường "${path}" (${type.constructor.name})`);
  }
  const required = !optional && !inOptional;
  if (!required) field.required = false;
  if (defaultValue !== undefined && !(Array.isArray(defaultValue) && !defaultValue.length)) field.default = defaultValue;
  return { ...field, ...source.overrides?.[path] };
}

function objectFields(schema: z.AnyZodObject, prefix: string, source: FieldSource, inOptional: boolean): CmsField[] {
  return Object.entries(schema.shape as Record<string, z.ZodTypeAny>).map(([name, type]) =>
    fieldFor(name, prefix ? `${prefix}.${name}` : name, type, source, inOptional),
  );
}

/**
 * The form of a content schema: one field per schema field, in its order, with
 * its Vietnamese label and hint, required exactly when the schema requires it,
 * and the schema's own patterns. `only` keeps some top-level fields (the others
 * stay in the file untouched).
 */
export function formFields(schema: z.AnyZodObject, source: FieldSource, only?: readonly string[]): CmsField[] {
  return objectFields(schema, '', source, false).filter((field) => !only || only.includes(field.name));
}
