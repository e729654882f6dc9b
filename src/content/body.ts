import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { bodyReferences, firstParagraph, parsedTokens, type BodyReference } from '../markdown/index.ts';
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
  if (!source.bodyBlank) return undefined;
  const head = kind === 'trang' ? 'đầu trang' : 'đầu bài';
  return {
    severity: 'error',
    file: source.file,
    field: BODY_FIELD,
    line: source.bodyLine,
    message: `${kind} chưa có nội dung; hãy viết nội dung bên dưới dòng --- kết thúc phần thông tin ${head}`,
  };
}

/** What the checks and the lists read of a body, without rendering it. */
export interface BodyFacts {
  /** Its links and images, lines counted from the body's first line. */
  references: BodyReference[];
  /** Its first paragraph as plain text, cut (firstParagraph): an article's summary when it has none. */
  firstParagraph: string;
  /** Alt text of its first image: the share image's, when there is no lead photo. */
  firstImageAlt?: string;
}

/** Each renderer's facts, by the source object that holds the text. */
const factsOf = new WeakMap<MarkdownIt, WeakMap<object, BodyFacts>>();

function firstImageAlt(tokens: Token[]): string | undefined {
  for (const block of tokens) {
    const image = block.children?.find((child) => child.type === 'image');
    if (image) return image.content;
  }
  return undefined;
}

/**
 * A body's facts, made once a build, and between builds only for a body not
 * read before (the source's ReadingCache): then the body is parsed only when
 * its HTML is wanted (an incremental build keeps most pages). Shared: never
 * change them.
 */
export function bodyFacts(md: MarkdownIt, source: MarkdownSource<unknown>): BodyFacts {
  const made = factsOf.get(md) ?? new WeakMap<object, BodyFacts>();
  factsOf.set(md, made);
  let facts = made.get(source);
  if (!facts) {
    const read = (): BodyFacts => {
      const tokens = parsedTokens(md, source);
      return { references: bodyReferences(tokens), firstParagraph: firstParagraph(tokens), firstImageAlt: firstImageAlt(tokens) };
    };
    // The parse depends on whether raw HTML is allowed.
    facts = source.cache ? source.cache.reading('body', `html:${md.options.html}`, source.bodyDigest, read) : read();
    made.set(source, facts);
  }
  return facts;
}
