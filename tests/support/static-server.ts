import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

export interface ServeOptions {
  /** Where the site lives on the server: "/" or "/cong-thong-tin/"; anything outside is a bare 404. */
  prefix?: string;
  /** Extra headers for a URL path, as a static host would add them (e.g. from `_headers`). */
  headers?: (pathname: string) => Record<string, string>;
  /** Rewrites every HTML page before it is sent. */
  transformHtml?: (html: string) => string;
}

export interface ServedSite {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** The URL of the site's root, origin + prefix. */
  root: string;
  /** Absolute URL of a server path. */
  url(pathname: string): string;
  /** Every path requested so far, in order (a test may empty it). */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves a built site the way static hosts do, at a random port: a folder gets
 * its index.html (and a redirect to add the slash), a missing file gets the
 * site's 404.html with status 404 at any depth (GitHub Pages, Netlify and
 * Cloudflare Pages do that), text is gzipped when asked for, a file carries an
 * ETag and is a 304 when the browser has it.
 */
export async function serveSite(
  folder: string,
  { prefix = '/', headers, transformHtml }: ServeOptions = {},
): Promise<ServedSite> {
  // Absolute, so the containment check below compares like with like (npm run screenshots passes "_site").
  const dir = path.resolve(folder);
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const send = (
      status: number,
      body: Buffer | string,
      type = 'text/plain; charset=utf-8',
      extra: Record<string, string> = {},
    ) => {
      let bytes = Buffer.from(body);
      if (type.startsWith('text/html') && transformHtml) bytes = Buffer.from(transformHtml(bytes.toString('utf8')));
      const head: Record<string, string> = { ...extra, 'content-type': type };
      if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
        bytes = gzipSync(bytes);
        head['content-encoding'] = 'gzip';
      }
      head['content-length'] = String(bytes.length);
      response.writeHead(status, head);
      response.end(request.method === 'HEAD' ? undefined : bytes);
    };
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    } catch {
      return send(400, 'bad request');
    }
    requests.push(pathname);
    const extra = headers?.(pathname) ?? {};
    if (`${pathname}/` === prefix) return send(301, '', undefined, { ...extra, location: prefix });
    if (!pathname.startsWith(prefix)) return send(404, `not found: outside ${prefix}`);
    const file = path.join(dir, pathname.slice(prefix.length));
    if (!file.startsWith(dir)) return send(404, 'not found');
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) return send(301, '', undefined, { ...extra, location: `${encodeURI(pathname)}/` });
      if (existsSync(path.join(file, 'index.html')))
        return send(200, readFileSync(path.join(file, 'index.html')), types['.html'], extra);
    } else if (existsSync(file)) {
      // A validator, as hosts send: a file asked for again (Pagefind's second instance fetches its WebAssembly again) is a 304.
      const { size, mtimeMs } = statSync(file);
      const etag = `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { ...extra, etag });
        return response.end();
      }
      const type = types[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      return send(200, readFileSync(file), type, { ...extra, etag });
    }
    const notFound = path.join(dir, '404.html');
    return existsSync(notFound) ? send(404, readFileSync(notFound), types['.html'], extra) : send(404, 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    root: `${origin}${prefix}`,
    url: (pathname: string) => `${origin}${pathname}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
