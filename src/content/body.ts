import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { bodyReferences, parsedTokens, type BodyReference } from '../markdown/index.ts';
import { BODY_FIELD, type Problem } from '../problems/index.ts';
import type { MarkdownSource } from './read.ts';

/** A Markdown file's body (parsed once a build: parsedTokens), with its links and photos on the file's own lines. */
export function parseBody(md: MarkdownIt, source: MarkdownSource<unknown>): { tokens: Token[]; references: BodyReference[] } {
  const tokens = parsedTokens(md, source);
  const references = bodyReferences(tokens).map((ref) => ({ ...ref, line: ref.line + source.bodyLine - 1 }));
  return { tokens, references };
}

/** The error of a file with nothing below its front matter; `kind` is what editors call the file. */
export function emptyBodyProblem(source: MarkdownSource<unknown>, kind: 'bài viết' | 'trang'): Problem | undefined {
  if (source.body.trim()) return undefined;
  const head = kind === 'trang' ? 'đầu trang' : 'đầu bài';
  return {
    severity: 'error',
    file: source.file,
    field: BODY_FIELD,
    line: source.bodyLine,
    message: `${kind} chưa có nội dung; hãy viết nội dung bên dưới dòng --- kết thúc phần thông tin ${head}`,
  };
}
