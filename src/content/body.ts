import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { bodyReferences, firstParagraph, parsedTokens, type BodyReference, type MarkdownEnv } from '../markdown/index.ts';
import { BODY_FIELD, type Problem } from '../problems/index.ts';
import type { BodyFacts } from './cache.ts';
import type { MarkdownSource } from './read.ts';

export type { BodyFacts } from './cache.ts';

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

/** Each renderer's facts, by the source object that holds the text. */
const factsOf = new WeakMap<MarkdownIt, WeakMap<object, BodyFacts>>();
/** Each renderer's HTML of bodies the reading thread rendered (those with no link nor image: nothing in them depends on the page). */
const preparedHtmlOf = new WeakMap<MarkdownIt, WeakMap<object, string>>();

/** What the checks and lists read of a parsed body. */
export function factsOfTokens(tokens: Token[]): BodyFacts {
  return { references: bodyReferences(tokens), firstParagraph: firstParagraph(tokens), firstImageAlt: firstImageAlt(tokens) };
}

/** A body's HTML rendered without the page's photos and files: the same as with them when it has neither link nor image. */
export function pageFreeHtml(md: MarkdownIt, tokens: Token[], facts: BodyFacts): string | undefined {
  return facts.references.length === 0 ? md.renderer.render(tokens, md.options, {}) : undefined;
}

/** A body's HTML: the reading thread's when it rendered it, else rendered now (parsed once a build). */
export function bodyHtml(md: MarkdownIt, source: MarkdownSource<unknown>, env: MarkdownEnv): string {
  return preparedHtmlOf.get(md)?.get(source) ?? md.renderer.render(parsedTokens(md, source), md.options, env);
}

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
      // Made on the reading thread from this very text, by a renderer made alike (src/content/read-ahead.ts).
      const prepared = source.preparedBody?.();
      if (prepared && prepared.bodyDigest === source.bodyDigest && prepared.allowHtml === md.options.html) {
        if (prepared.html !== undefined) {
          const html = preparedHtmlOf.get(md) ?? new WeakMap<object, string>();
          preparedHtmlOf.set(md, html);
          html.set(source, prepared.html);
        }
        return prepared.facts;
      }
      return factsOfTokens(parsedTokens(md, source));
    };
    // The parse depends on whether raw HTML is allowed.
    facts = source.cache ? source.cache.reading('body', `html:${md.options.html}`, source.bodyDigest, read) : read();
    made.set(source, facts);
  }
  return facts;
}
