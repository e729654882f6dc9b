import { readFileSync } from 'node:fs';
import { parseDocument, LineCounter, isNode, isMap, isScalar, isSeq } from 'yaml';
import { siteSchema, siteFieldHints, type SiteSettings } from './schema.ts';
import { ContentError, describeIssue, type Problem } from '../problems/index.ts';
import { normalizePathPrefix, publicRoot } from '../routes/index.ts';

/**
 * The line of every key and list item of a YAML document, by its path
 * (JSON of the path), counting from `offset`: plain data, so it is kept with
 * a front matter that is read once (src/content/cache.ts).
 */
export type LineTable = Record<string, number>;

export function lineTable(doc: ReturnType<typeof parseDocument>, counter: LineCounter, offset = 0): LineTable {
  const table: LineTable = {};
  const lineAtOffset = (from: number) => counter.linePos(from).line + offset;
  const visit = (node: unknown, at: (string | number)[], line: number | undefined): void => {
    if (line !== undefined) table[JSON.stringify(at)] ??= line;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if (typeof key !== 'string' && typeof key !== 'number') continue;
        visit(pair.value, [...at, key], isNode(pair.key) && pair.key.range ? lineAtOffset(pair.key.range[0]) : line);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        if (isNode(item)) visit(item, [...at, index], item.range ? lineAtOffset(item.range[0]) : line);
      });
    }
  };
  const root = doc.contents;
  visit(root, [], isNode(root) && root.range ? lineAtOffset(root.range[0]) : undefined);
  return table;
}

/** Line of the YAML key at `path`, or of its nearest parent that exists. */
export function lineAt(table: LineTable, path: (string | number)[]): number | undefined {
  for (let length = path.length; length >= 0; length--) {
    const line = table[JSON.stringify(path.slice(0, length))];
    if (line !== undefined) return line;
  }
  return undefined;
}

/** The lines of a YAML document's keys, looked up by path (lineAt). */
export function documentLines(
  doc: ReturnType<typeof parseDocument>,
  counter: LineCounter,
  offset = 0,
): (path: (string | number)[]) => number | undefined {
  const table = lineTable(doc, counter, offset);
  return (path) => lineAt(table, path);
}

/** Line of a setting in the site file, for problems found after it was read (a menu entry pointing nowhere). */
export function siteLines(file: string): (path: (string | number)[]) => number | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8').normalize('NFC'), { lineCounter: counter });
  return documentLines(doc, counter);
}

/**
 * Reads and validates the site settings. Throws a ContentError naming every
 * wrong setting. SITE_URL in the environment overrides `baseUrl`, and
 * PATH_PREFIX its path: the returned `baseUrl` is the public root every URL is
 * built on (see publicRoot), ending in "/".
 */
export function loadSiteSettings(file: string, env: NodeJS.ProcessEnv = process.env): SiteSettings {
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8').normalize('NFC'), { lineCounter: counter });
  const problems: Problem[] = doc.errors.map((error) => ({
    severity: 'error',
    file,
    line: error.linePos?.[0].line,
    message: `YAML không hợp lệ: ${error.message.split('\n')[0]}`,
  }));
  if (problems.length) throw new ContentError(problems);

  const raw = doc.toJS() as Record<string, unknown>;
  if (env.SITE_URL) raw.baseUrl = env.SITE_URL;
  if (env.SITE_URL && !/^https?:$/.test(URL.canParse(env.SITE_URL) ? new URL(env.SITE_URL).protocol : '')) {
    throw new ContentError([
      {
        severity: 'error',
        file: 'SITE_URL',
        message: `"${env.SITE_URL}" không phải địa chỉ web đầy đủ (http hoặc https); cần dạng https://backan.gov.vn/ hoặc https://backan.gov.vn/cong-thong-tin/`,
      },
    ]);
  }
  if (env.PATH_PREFIX && !normalizePathPrefix(env.PATH_PREFIX)) {
    throw new ContentError([
      {
        severity: 'error',
        file: 'PATH_PREFIX',
        message: `"${env.PATH_PREFIX}" không phải đường dẫn con hợp lệ; cần dạng /cong-thong-tin/ (không có giao thức, tên miền, "?", "#" hay "..")`,
      },
    ]);
  }
  const result = siteSchema.safeParse(raw);
  if (result.success) {
    const site = { ...result.data, baseUrl: publicRoot(result.data.baseUrl, env.PATH_PREFIX) };
    const slugs = new Set(site.categories.map((c) => c.slug));
    if (!slugs.has(site.defaultCategory)) {
      throw new ContentError([
        {
          severity: 'error',
          file,
          field: 'defaultCategory',
          line: documentLines(doc, counter)(['defaultCategory']),
          message: `chuyên mục "${site.defaultCategory}" không có trong categories; chỉ được dùng: ${[...slugs].join(', ')}`,
        },
      ]);
    }
    return site;
  }
  const lines = documentLines(doc, counter);
  throw new ContentError(
    result.error.issues.map((issue) => {
      const field = issue.path.join('.');
      const hint = siteFieldHints[String(issue.path[0])];
      return {
        severity: 'error',
        file,
        field,
        line: lines(issue.path),
        message: `${describeIssue(issue)}${hint ? ` (cần: ${hint})` : ''}`,
      } satisfies Problem;
    }),
  );
}
