/**
 * Serves a folder as it is (the bare MapLibre page of the browser benchmark); with --compress, text files
 * gzipped for a client that accepts it (the Lighthouse comparison: the app's server compresses too); with
 * --proxy ORIGIN, requests under /api/map/ passed on to that app as they are (the bare page draws the app's
 * record tiles and states: the same data, the same bytes).
 *   node --import tsx bench/dir-server.ts <dir> [--compress] [--proxy http://127.0.0.1:PORT]
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};
const root = process.argv[2];
const compress = process.argv.includes('--compress');
const TEXT = new Set(['.html', '.mjs', '.js', '.css', '.json']);
const proxyAt = process.argv.indexOf('--proxy');
const proxy = proxyAt > 0 ? new URL(process.argv[proxyAt + 1]) : null;
const server = createServer((request, response) => {
  if (proxy && request.url?.startsWith('/api/map/')) {
    const upstream = httpRequest(
      { host: proxy.hostname, port: proxy.port, path: request.url, method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
    return;
  }
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, path === '/' ? 'index.html' : path);
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404).end();
    return;
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  if (compress && TEXT.has(extname(file)) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    response.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
    response.end(gzipSync(readFileSync(file)));
    return;
  }
  response.writeHead(200, { 'Content-Type': type });
  response.end(readFileSync(file));
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`static on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});
