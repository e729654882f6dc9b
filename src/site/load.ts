import { readFileSync } from 'node:fs';
import { parseDocument, LineCounter, isNode, isMap, isScalar, isSeq } from 'yaml';
import { siteSchema, siteFieldHints, type SiteSettings } from './schema.ts';
import { ContentError, describeIssue, type Problem } from '../problems/index.ts';
import { normalizePathPrefix, publicRoot } from '../routes/index.ts';

/** Line of the YAML key at `path` (or of its nearest existing parent), counting from `offset`. */
export function lineOf(
  doc: ReturnType<typeof parseDocument>,
  counter: LineCounter,
  path: (string | number)[],
  offset = 0,
): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined = isNode(node) && node.range ? counter.linePos(node.range[0]).line : undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      if (isNode(pair.key) && pair.key.range) line = counter.linePos(pair.key.range[0]).line;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && isNode(node.items[segment])) {
      node = node.items[segment];
      const range = (node as { range?: [number, number, number] }).range;
      if (range) line = counter.linePos(range[0]).line;
    } else break;
  }
  return line === undefined ? undefined : line + offset;
}

/** Line of a setting in the site file, for problems found after it was read (a menu entry pointing nowhere). */
export function siteLines(file: string): (path: (string | number)[]) => number | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8').normalize('NFC'), { lineCounter: counter });
  return (path) => lineOf(doc, counter, path);
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
          line: lineOf(doc, counter, ['defaultCategory']),
          message: `chuyên mục "${site.defaultCategory}" không có trong categories; chỉ được dùng: ${[...slugs].join(', ')}`,
        },
      ]);
    }
    return site;
  }
  throw new ContentError(
    result.error.issues.map((issue) => {
      const field = issue.path.join('.');
      const hint = siteFieldHints[String(issue.path[0])];
      return {
        severity: 'error',
        file,
        field,
        line: lineOf(doc, counter, issue.path),
        message: `${describeIssue(issue)}${hint ? ` (cần: ${hint})` : ''}`,
      } satisfies Problem;
    }),
  );
}
