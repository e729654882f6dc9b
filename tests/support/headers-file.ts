import { readFileSync } from 'node:fs';

/** A block of a Netlify/Cloudflare `_headers` file. */
export interface HeadersBlock {
  pattern: string;
  headers: Record<string, string>;
  /** `! Name` lines: headers of earlier blocks dropped (Cloudflare's syntax). */
  detached: string[];
}

/** Reads a `_headers` file the way Netlify and Cloudflare Pages document it. */
export function readHeadersFile(file: string): HeadersBlock[] {
  const blocks: HeadersBlock[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      blocks.push({ pattern: line.trim(), headers: {}, detached: [] });
      continue;
    }
    if (blocks.length && line.trim().startsWith('! ')) {
      blocks.at(-1)!.detached.push(line.trim().slice(2).trim());
      continue;
    }
    const colon = line.indexOf(':');
    if (!blocks.length || colon < 0) throw new Error(`_headers: dòng không hợp lệ: ${line}`);
    blocks.at(-1)!.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return blocks;
}

/** Whether a block's path pattern covers a path, `*` matching anything. */
export function matchesPattern(pattern: string, pathname: string): boolean {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`).test(pathname);
}

/** The headers a host should send for a path: every matching block, a later block's value replacing an earlier one. */
export function headersFor(blocks: HeadersBlock[], pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const block of blocks) {
    if (!matchesPattern(block.pattern, pathname)) continue;
    for (const name of block.detached) delete headers[name];
    Object.assign(headers, block.headers);
  }
  return headers;
}
