import { isMap, isScalar, parseDocument, type Pair, type YAMLMap } from 'yaml';
import { isoWithOffset, parseVietnamDate } from '../dates/index.ts';
import { FRONT_MATTER } from '../content/front-matter.ts';
import { nfc } from '../slugs/index.ts';

/**
 * Keys the admin keeps in an entry's data for itself; never written to a file.
 * `SOURCE_KEY` holds the front matter as read, so saving can patch it instead
 * of rewriting it.
 */
export const HIDDEN_PREFIX = '__cms_';
export const SOURCE_KEY = `${HIDDEN_PREFIX}source`;
/** The Markdown body, under the name Decap gives it. */
export const BODY_KEY = 'body';

export interface FormatOptions {
  /** Markdown with front matter (`body` is the Markdown), or a YAML file with no body. */
  frontMatter: boolean;
  /** Fields holding an ISO date: shown and saved in Vietnam time, `+07:00`. */
  dateFields: readonly string[];
  /** Fields that hold one value or a list (a document's `tep`): read as a list, which the list widget edits. */
  listFields?: readonly string[];
  /** Order of the fields in a new file (and of fields added to an old one). */
  fieldOrder: readonly string[];
}

type Data = Record<string, unknown>;

/** "2018-08-06T02:47:32Z" → "2018-08-06T09:47:32+07:00": the form the date widget reads and writes. */
export function vietnamDateText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const date = parseVietnamDate(value);
  return date ? isoWithOffset(date.startOf('second')) : value;
}

/** A file's text → the entry's data: front matter fields, `body`, and the source for saving. */
export function parseEntry(text: string, { dateFields, listFields = [], frontMatter }: FormatOptions): Data {
  const match = frontMatter ? FRONT_MATTER.exec(text) : null;
  const source = frontMatter ? match?.[1] : text;
  const data: Data = (source !== undefined ? parseDocument(source).toJS() : null) ?? {};
  for (const field of dateFields) if (field in data) data[field] = vietnamDateText(data[field]);
  for (const field of listFields) if (typeof data[field] === 'string') data[field] = [data[field]];
  if (frontMatter) data[BODY_KEY] = match ? text.slice(match[0].length) : text;
  if (source !== undefined) data[SOURCE_KEY] = source;
  return data;
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && !Array.isArray(value) && Object.values(value as Data).every(isEmpty))
  );
}

/** Equal as readers see them: a file typed in decomposed Unicode (NFD) equals its NFC form. */
function sameValue(a: unknown, b: unknown): boolean {
  return nfc(JSON.stringify(a) ?? '') === nfc(JSON.stringify(b) ?? '');
}

/** Drops what the form leaves behind when a field is cleared: "", [], {}, null. */
function written(value: unknown): unknown {
  if (typeof value === 'string') return nfc(value);
  if (Array.isArray(value)) return value.map(written);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Data)
        .filter(([key, item]) => !key.startsWith(HIDDEN_PREFIX) && !isEmpty(item))
        .map(([key, item]) => [key, written(item)]),
    );
  }
  return value;
}

/** A value in the style of the portal's files: strings in double quotes, lists and maps in block style. */
function yamlValue(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (!value.length) return ' []';
    return value.map((item) => `\n${indent}  -${yamlValue(item, `${indent}  `)}`).join('');
  }
  if (value && typeof value === 'object') {
    return Object.entries(value as Data)
      .map(([key, item]) => `\n${indent}  ${key}:${yamlValue(item, `${indent}  `)}`)
      .join('');
  }
  return ` ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`;
}

function keyOf(pair: Pair): string {
  return String(isScalar(pair.key) ? pair.key.value : pair.key);
}

/** Start of the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Just after the end of the line holding `offset`. */
function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end + 1;
}

interface Edit {
  from: number;
  to: number;
  text: string;
}

/**
 * The edits that turn the block map `map` (read from `source`) into `next`:
 * a changed field is rewritten in place, a removed one loses its lines, a new
 * one is added after the map's last field. Untouched fields keep their bytes:
 * quoting, comments, order.
 */
function mapEdits(source: string, map: YAMLMap, next: Data, order: readonly string[]): Edit[] {
  const edits: Edit[] = [];
  const pairs = map.items as Pair[];
  const indent = pairs.length ? source.slice(lineStart(source, rangeOf(pairs[0].key)[0]), rangeOf(pairs[0].key)[0]) : '';
  for (const pair of pairs) {
    const key = keyOf(pair);
    const keyStart = rangeOf(pair.key)[0];
    const valueEnd = rangeOf(pair.value ?? pair.key, source)[1];
    const before = (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;
    if (!(key in next)) {
      // A field the file leaves empty (`tags: []`) comes back from the form as nothing: keep it.
      if (isEmpty(before)) continue;
      edits.push({ from: lineStart(source, keyStart), to: lineEnd(source, valueEnd - 1), text: '' });
    } else if (!sameValue(before, next[key])) {
      const nested = next[key];
      if (isMap(pair.value) && !pair.value.flow && nested && typeof nested === 'object' && !Array.isArray(nested)) {
        edits.push(...mapEdits(source, pair.value, nested as Data, Object.keys(nested)));
      } else {
        edits.push({ from: keyStart, to: valueEnd, text: `${key}:${yamlValue(next[key], indent)}` });
      }
    }
  }
  const known = new Set(pairs.map(keyOf));
  // `false` is every boolean's default: a switch the editor never touched adds no line.
  const added = Object.keys(next)
    .filter((key) => !known.has(key) && next[key] !== false)
    .sort((a, b) => rank(order, a) - rank(order, b));
  if (added.length) {
    const last = pairs.at(-1);
    const end = last ? lineEnd(source, rangeOf(last.value ?? last.key, source)[1] - 1) : 0;
    const text = added.map((key) => `${indent}${key}:${yamlValue(next[key], indent)}\n`).join('');
    edits.push({ from: end, to: end, text: end > 0 && source[end - 1] !== '\n' ? `\n${text}` : text });
  }
  return edits;
}

function rank(order: readonly string[], key: string): number {
  const index = order.indexOf(key);
  return index < 0 ? order.length : index;
}

/** Where a node's text starts and ends, without the line break a block collection takes with it. */
function rangeOf(node: unknown, source?: string): [number, number] {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  if (!range) throw new Error('YAML node without a position');
  let end = range[1];
  while (source && end > range[0] && /\s/.test(source[end - 1])) end--;
  return [range[0], end];
}

/** The front matter of a new file, fields in the schema's order. */
function freshFrontMatter(data: Data, order: readonly string[]): string {
  return Object.keys(data)
    .filter((key) => data[key] !== false)
    .sort((a, b) => rank(order, a) - rank(order, b))
    .map((key) => `${key}:${yamlValue(data[key], '')}\n`)
    .join('');
}

/**
 * The entry's data → the file's text. A file read by `parseEntry` is patched:
 * only the fields whose value changed are rewritten, so fields the form
 * doesn't know, comments, quoting and field order survive a save.
 */
export function serializeEntry(data: Data, { dateFields, fieldOrder, frontMatter: withBody }: FormatOptions): string {
  const { [SOURCE_KEY]: source, ...fields } = data;
  const body = withBody ? (fields[BODY_KEY] ?? '') : undefined;
  if (withBody) delete fields[BODY_KEY];
  const next = written(fields) as Data;
  for (const field of dateFields) if (typeof next[field] === 'string') next[field] = vietnamDateText(next[field]);
  let frontMatter: string;
  const doc = typeof source === 'string' ? parseDocument(source) : undefined;
  if (typeof source === 'string' && doc && !doc.errors.length && isMap(doc.contents)) {
    // Dates compare in the form parseEntry gave them, so an untouched date keeps its text.
    const original = doc.contents;
    const before = (original.toJSON() ?? {}) as Data;
    for (const field of dateFields) {
      if (field in next && field in before && sameValue(vietnamDateText(before[field]), next[field])) {
        next[field] = before[field];
      }
    }
    const edits = mapEdits(source, original, next, fieldOrder).sort((a, b) => b.from - a.from);
    const patched = edits.reduce((text, edit) => text.slice(0, edit.from) + edit.text + text.slice(edit.to), `${source}\n`);
    if (!withBody) return patched.slice(0, -1);
    frontMatter = patched;
  } else {
    frontMatter = freshFrontMatter(next, fieldOrder);
    if (!withBody) return frontMatter;
  }
  const text = String(body);
  return `---\n${frontMatter.replace(/\n*$/, '\n')}---\n${typeof source === 'string' ? text : `\n${nfc(text).trim()}\n`}`;
}
