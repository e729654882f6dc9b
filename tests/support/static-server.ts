import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
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

export interface StaticServerOptions {
  /** Extra headers for a URL path, as a static host would add them (e.g. from `_headers`). */
  headers?: (pathname: string) => Record<string, string>;
  /** Rewrites every HTML page before it is sent. */
  transformHtml?: (html: string) => string;
}

export interface StaticServer {
  origin: string;
  /** Absolute URL of a site path. */
  url(pathname: string): string;
  close(): Promise<void>;
}

async function fileFor(root: string, pathname: string): Promise<{ file: string; redirect?: string } | null> {
  const file = path.join(root, pathname);
  if (path.relative(root, file).startsWith('..')) return null;
  const info = await stat(file).catch(() => null);
  if (info?.isFile()) return { file };
  if (info?.isDirectory()) {
    if (!pathname.endsWith('/')) return { file, redirect: `${pathname}/` };
    const index = path.join(file, 'index.html');
    if ((await stat(index).catch(() => null))?.isFile()) return { file: index };
  }
  return null;
}

/**
 * Serves a built site the way a static host does: `/x/` is `x/index.html`,
 * `/x` redirects to `/x/`, unknown paths get `404.html` with status 404, text
 * is gzipped when asked for. Listens on a random local port.
 */
export async function serveStatic(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const base = path.resolve(root);
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const extra = options.headers?.(pathname) ?? {};
    const found = await fileFor(base, pathname);
    if (found?.redirect) {
      response.writeHead(301, { ...extra, Location: found.redirect }).end();
      return;
    }
    const file = found?.file ?? path.join(base, '404.html');
    let body: Buffer = await readFile(file).catch(() => Buffer.from('Not found'));
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    if (type.startsWith('text/html') && options.transformHtml) body = Buffer.from(options.transformHtml(body.toString('utf8')));
    const headers: Record<string, string> = { ...extra, 'Content-Type': type };
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = String(body.length);
    response.writeHead(found ? 200 : 404, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (pathname) => new URL(pathname, origin).href,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
