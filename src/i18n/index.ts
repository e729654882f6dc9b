import { strings, type StringKey } from './strings.ts';

export { strings, type StringKey };

/** Looks up a UI string and fills its {placeholders}. */
export function t(key: StringKey, values: Record<string, string | number> = {}): string {
  const template: string = strings[key];
  if (template === undefined) throw new Error(`Thiếu chuỗi giao diện "${key}"`);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
