import type { ZodIssue } from 'zod';

export type Severity = 'error' | 'warning';

/** The "field" of problems in an article's Markdown body (below the front matter). */
export const BODY_FIELD = 'nội dung';

/** One thing wrong with an editor's file, said in Vietnamese. */
export interface Problem {
  severity: Severity;
  file: string;
  line?: number;
  field?: string;
  message: string;
}

const typeNames: Record<string, string> = {
  string: 'chuỗi chữ',
  number: 'số',
  boolean: 'true hoặc false',
  array: 'danh sách',
  object: 'nhóm trường',
  undefined: 'bỏ trống',
  null: 'bỏ trống',
  date: 'ngày',
};

/** Turns a zod issue into Vietnamese: what is wrong, before the field's own hint. */
export function describeIssue(issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined' || issue.received === 'null') return 'bắt buộc nhưng đang thiếu';
      return `phải là ${typeNames[issue.expected] ?? issue.expected}, không phải ${typeNames[issue.received] ?? issue.received}`;
    case 'too_small':
      return issue.type === 'array' ? 'cần ít nhất một mục' : 'không được để trống';
    case 'invalid_enum_value':
      return `giá trị "${String(issue.received)}" không hợp lệ; chỉ được dùng: ${issue.options.join(', ')}`;
    case 'unrecognized_keys':
      return `có trường không được hỗ trợ: ${issue.keys.join(', ')}`;
    case 'invalid_string':
      return 'không đúng định dạng';
    default:
      return issue.message;
  }
}

/** Edit distance: how many letters to add, drop or change to turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/** The known name a mistyped one most likely meant ("sumary" → "summary"), if one is close enough. */
export function closestName(typed: string, known: string[]): string | undefined {
  const lower = typed.toLowerCase();
  const ranked = known
    .map((name) => ({ name, distance: editDistance(lower, name.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance);
  const best = ranked[0];
  return best && best.distance <= Math.max(1, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

/** "content/articles/a.md:3 [title] ..." — one line an editor can act on. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const level = problem.severity === 'error' ? 'LỖI' : 'CẢNH BÁO';
  const field = problem.field ? ` trường "${problem.field}":` : '';
  return `${level} ${where} —${field} ${problem.message}`;
}

/** Thrown when content can't be published; the message lists every problem. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(`Không thể xuất bản: có ${errors.length} lỗi trong nội dung.\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
  }
}
