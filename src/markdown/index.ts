import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { escapeHtml } from 'markdown-it/lib/common/utils.mjs';
import { t } from '../i18n/index.ts';
import { renderFigure, renderPicture, type ProcessedImage } from '../images/index.ts';

/** What an article passes to `render`: its processed photos, by the `src` it wrote. */
export interface MarkdownEnv {
  images?: Map<string, ProcessedImage>;
  /** The published URL and "PDF, 1,2 MB" label of a link that names an attached file. */
  attachment?: (href: string) => { href: string; label: string } | undefined;
}

export interface MarkdownOptions {
  /** Raw HTML in Markdown is escaped unless the site turns it on. */
  allowHtml: boolean;
}

function isExternal(href: string): boolean {
  return /^(https?:)?\/\//i.test(href);
}

/**
 * What follows the text of a link that leaves the portal: an arrow sighted
 * readers see, and words screen readers say instead of the arrow.
 */
export function externalLinkMarker(): string {
  return `<span class="external-mark" aria-hidden="true">↗</span><span class="visually-hidden"> ${escapeHtml(t('externalLink'))}</span>`;
}

/** The portal's Markdown renderer: escaped HTML, safe external links. */
export function createMarkdown({ allowHtml }: MarkdownOptions): MarkdownIt {
  const md = new MarkdownIt({ html: allowHtml, linkify: true, typographer: false });
  const renderToken: NonNullable<MarkdownIt['renderer']['rules']['link_open']> = (tokens, idx, options, _env, self) =>
    self.renderToken(tokens, idx, options);

  const linkOpen = md.renderer.rules.link_open ?? renderToken;
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const attachment = env?.attachment?.(token.attrGet('href') ?? '');
    if (attachment) {
      token.attrSet('href', attachment.href);
      token.attrJoin('class', 'attachment');
      const close = tokens.slice(idx + 1).find((t) => t.type === 'link_close');
      if (close) close.meta = { ...close.meta, fileLabel: attachment.label };
    }
    if (isExternal(token.attrGet('href') ?? '')) {
      token.attrSet('rel', 'noopener noreferrer');
      token.attrJoin('class', 'external');
      token.meta = { ...token.meta, external: true };
      // find the matching close so it can carry the screen-reader marker
      for (let j = idx + 1; j < tokens.length; j++) {
        if (tokens[j].type === 'link_close') {
          tokens[j].meta = { ...tokens[j].meta, external: true };
          break;
        }
      }
    }
    return linkOpen(tokens, idx, options, env, self);
  };
  const linkClose = md.renderer.rules.link_close ?? renderToken;
  md.renderer.rules.link_close = (tokens, idx, options, env, self) => {
    const { external, fileLabel } = tokens[idx].meta ?? {};
    // Inside the link, so screen readers say the file's type and size with its name.
    const marker = external
      ? externalLinkMarker()
      : fileLabel
        ? ` <span class="file-meta">(${escapeHtml(fileLabel)})</span>`
        : '';
    return marker + linkClose(tokens, idx, options, env, self);
  };
  // A paragraph holding nothing but an image is a photo with its caption: <figure>, not <p>.
  md.core.ruler.push('image_figure', (state) => {
    const tokens = state.tokens;
    for (let i = 1; i < tokens.length - 1; i++) {
      const children = (tokens[i].children ?? []).filter(
        (c) => !(c.type === 'text' && !c.content.trim()) && c.type !== 'softbreak',
      );
      if (
        tokens[i - 1].type !== 'paragraph_open' ||
        tokens[i].type !== 'inline' ||
        children.length !== 1 ||
        children[0].type !== 'image'
      )
        continue;
      tokens[i - 1].hidden = tokens[i + 1].hidden = true;
      children[0].meta = { ...children[0].meta, figure: true };
    }
  });
  const image = md.renderer.rules.image ?? renderToken;
  md.renderer.rules.image = (tokens, idx, options, env: MarkdownEnv, self) => {
    const token = tokens[idx];
    const processed = env?.images?.get(token.attrGet('src') ?? '');
    if (!processed) {
      // Rendering outside an article's build (no processed photos): a plain lazy image.
      token.attrSet('loading', 'lazy');
      token.attrSet('decoding', 'async');
      return image(tokens, idx, options, env, self);
    }
    const picture = renderPicture(processed, {
      alt: self.renderInlineAsText(token.children ?? [], options, env),
      sizes: 'article',
    });
    return token.meta?.figure ? renderFigure(picture, token.attrGet('title') ?? undefined) : picture;
  };
  return md;
}

function plainText(inline: Token): string {
  return (inline.children ?? [])
    .filter((child) => child.type === 'text' || child.type === 'code_inline' || child.type === 'softbreak')
    .map((child) => (child.type === 'softbreak' ? ' ' : child.content))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first paragraph as plain text, cut at a word boundary near `maxLength`. */
export function firstParagraph(tokens: Token[], maxLength = 240): string {
  for (let i = 0; i < tokens.length - 1; i++) {
    if (tokens[i].type !== 'paragraph_open' || tokens[i + 1].type !== 'inline') continue;
    const text = plainText(tokens[i + 1]);
    if (!text) continue;
    if (text.length <= maxLength) return text;
    const cut = text.slice(0, maxLength);
    return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:.\s]+$/, '')}…`;
  }
  return '';
}

/** Each renderer's parsed bodies, by the source object that holds the text. */
const parsedBodies = new WeakMap<MarkdownIt, WeakMap<object, Token[]>>();

/**
 * A source's body parsed once per build: the checks (links, photos,
 * attachments) and the rendering read the same tokens. Rendering may set
 * attributes on them (attachment links), so render last.
 */
export function parsedTokens(md: MarkdownIt, source: { body: string }): Token[] {
  const parsed = parsedBodies.get(md) ?? new WeakMap<object, Token[]>();
  parsedBodies.set(md, parsed);
  const tokens = parsed.get(source) ?? md.parse(source.body, {});
  parsed.set(source, tokens);
  return tokens;
}

/** A link or image written in a Markdown body, with the line it is on (1 = the body's first line). */
export interface BodyReference {
  kind: 'link' | 'image';
  href: string;
  /** Alt text of an image. */
  alt: string;
  line: number;
}

/** Every link and image of a parsed body, for the checks (line counted through soft line breaks). */
export function bodyReferences(tokens: Token[]): BodyReference[] {
  const found: BodyReference[] = [];
  for (const block of tokens) {
    let line = (block.map?.[0] ?? 0) + 1;
    for (const child of block.children ?? []) {
      if (child.type === 'softbreak' || child.type === 'hardbreak') line++;
      else if (child.type === 'link_open') found.push({ kind: 'link', href: child.attrGet('href') ?? '', alt: '', line });
      else if (child.type === 'image')
        found.push({ kind: 'image', href: child.attrGet('src') ?? '', alt: child.content.trim(), line });
    }
  }
  return found;
}
