import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export type Answer = {
  status: number;
  body: string;
  /** The error code of a JSON refusal (`{"error":{"code"}}`), else undefined. */
  code?: string;
  retryAfter?: string;
  setCookie: string[];
  /** 1 for the first answer this client received, 2 for the next… */
  order: number;
};

/**
 * An app listening on 127.0.0.1 and a client whose requests each go over their own connection from a chosen
 * loopback address (Linux routes all of 127.0.0.0/8 to this machine): many "addresses" without a proxy, as the
 * server's per-address limits see them. Answers are numbered in the order they arrive.
 */
export async function listenOnLoopback(app: Express) {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  let arrivals = 0;

  function send(
    method: string,
    path: string,
    { body, from, cookie }: { body?: object; from?: string; cookie?: string } = {},
  ): Promise<Answer> {
    const payload = body && JSON.stringify(body);
    const headers: Record<string, string | number> = payload
      ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }
      : {};
    if (cookie) headers.Cookie = cookie;
    return new Promise<Answer>((resolve, reject) => {
      const outgoing = httpRequest({ host: '127.0.0.1', port, method, path, localAddress: from, agent: false, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          arrivals += 1;
          const text = Buffer.concat(chunks).toString();
          let code: string | undefined;
          try {
            code = JSON.parse(text)?.error?.code;
          } catch {
            code = undefined; // not JSON: a page
          }
          const retryAfter = response.headers['retry-after'];
          resolve({
            status: response.statusCode ?? 0,
            body: text,
            code,
            retryAfter,
            setCookie: response.headers['set-cookie'] ?? [],
            order: arrivals,
          });
        });
      });
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }

  return { send, close: () => new Promise((resolve) => server.close(resolve)) };
}
