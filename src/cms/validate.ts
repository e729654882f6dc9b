import { describeIssue } from '../problems/index.ts';
import type { CollectionSpec, FieldProblem } from './collections.ts';
import { BODY_KEY, HIDDEN_PREFIX } from './format.ts';

/** The fields as the file will hold them: no body, nothing of the admin's own, nothing left empty by the form. */
function fileFields(data: Record<string, unknown>): Record<string, unknown> {
  const cleaned = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(cleaned);
    if (value && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([key, item]) => !key.startsWith(HIDDEN_PREFIX) && item !== '' && item !== null && item !== undefined)
        .map(([key, item]) => [key, cleaned(item)] as const)
        .filter(([, item]) => !(item && typeof item === 'object' && !Array.isArray(item) && !Object.keys(item).length));
      return Object.fromEntries(entries);
    }
    return value;
  };
  const { [BODY_KEY]: _body, ...fields } = data;
  return cleaned(fields) as Record<string, unknown>;
}

/**
 * What the build would reject in an entry about to be saved: the collection's
 * own schema (the one `npm run check` uses) and its cross checks. Empty when
 * the entry may be saved.
 */
export function entryProblems(spec: CollectionSpec, data: Record<string, unknown>): FieldProblem[] {
  const fields = fileFields(data);
  const parsed = spec.schema.safeParse(fields);
  const problems: FieldProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const path = issue.path.filter((part) => typeof part === 'string').join('.');
        // The schema's own words when it has them ("chỉ gồm chữ thường không dấu…"), else the generic Vietnamese.
        const own = issue.code === 'invalid_string' || issue.code === 'custom' ? issue.message : '';
        return { path, message: own && own !== 'Invalid' ? own : describeIssue(issue) };
      });
  return [...problems, ...(spec.crossChecks?.(fields) ?? [])];
}

/** One line per problem, each naming the field as the form labels it. */
export function describeProblems(spec: CollectionSpec, problems: FieldProblem[]): string {
  return problems.map(({ path, message }) => `«${spec.labels[path] ?? path}»: ${message}`).join('; ');
}
