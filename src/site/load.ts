import { readFileSync } from 'node:fs';
import { parseDocument, LineCounter, isNode } from 'yaml';
import { siteSchema, siteFieldHints, type SiteSettings } from './schema.ts';
import { ContentError, describeIssue, type Problem } from '../content/problems.ts';

/** Line of the YAML node at `path`, or of its nearest existing parent. */
export function lineOf(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: (string | number)[], offset = 0): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line + offset;
  }
  return undefined;
}

/**
 * Reads and validates the site settings. Throws a ContentError naming every
 * wrong setting; SITE_URL in the environment overrides `baseUrl`.
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
  const result = siteSchema.safeParse(raw);
  if (result.success) {
    const site = result.data;
    const slugs = new Set(site.categories.map((c) => c.slug));
    if (!slugs.has(site.defaultCategory)) {
      throw new ContentError([{ severity: 'error', file, field: 'defaultCategory', line: lineOf(doc, counter, ['defaultCategory']),
        message: `chuyên mục "${site.defaultCategory}" không có trong categories; chỉ được dùng: ${[...slugs].join(', ')}` }]);
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
