// A small static file server for the built app (tests, benchmark). Only loopback; it can add
// headers (CSP), gzip text as a real host does (for Lighthouse), and lets tests replace responses
// to simulate broken networks.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Return true when the request was answered. */
export type Override = (req: IncomingMessage, res: ServerResponse, path: string) => boolean | Promise<boolean>;

export interface StaticServer {
  readonly url: string;
  readonly server: Server;
  setOverride(o: Override | null): void;
  close(): Promise<void>;
}

const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;

export async function serveStatic(root: string, options: { headers?: Readonly<Record<string, string>>; port?: number; gzip?: boolean } = {}): Promise<StaticServer> {
  const base = resolve(root);
  let override: Override | null = null;
  const zipped = new Map<string, Buffer>();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    for (const [k, v] of Object.entries(options.headers ?? {})) res.setHeader(k, v);
    if (override && (await override(req, res, path))) return;
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (options.gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        let z = zipped.get(file);
        if (!z) zipped.set(file, (z = gzipSync(body, { level: 9 })));
        res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding', 'Cache-Control': 'no-cache' });
        res.end(z);
        return;
      }
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(options.port ?? 0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    setOverride: (o) => {
      override = o;
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
