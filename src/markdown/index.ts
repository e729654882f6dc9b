import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { escapeHtml } from 'markdown-it/lib/common/utils.mjs';
import { t } from '../i18n/index.ts';

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
    const marker = tokens[idx].meta?.external ? externalLinkMarker() : '';
    return marker + linkClose(tokens, idx, options, env, self);
  };
  const image = md.renderer.rules.image ?? renderToken;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    tokens[idx].attrSet('loading', 'lazy');
    tokens[idx].attrSet('decoding', 'async');
    return image(tokens, idx, options, env, self);
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

/** Internal link targets of a Markdown body (for the link check). */
export function linkTargets(tokens: Token[]): { href: string; line: number }[] {
  const found: { href: string; line: number }[] = [];
  for (const block of tokens) {
    for (const child of block.children ?? []) {
      const href = child.type === 'link_open' ? child.attrGet('href') : child.type === 'image' ? child.attrGet('src') : null;
      if (href) found.push({ href, line: (block.map?.[0] ?? 0) + 1 });
    }
  }
  return found;
}
