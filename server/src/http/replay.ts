import type { IncomingMessage, OutgoingHttpHeaders, RequestListener, ServerResponse } from 'node:http';
import type { Express, Request, Response } from 'express';

type Replayable = { recordKey: string; headers: OutgoingHttpHeaders; body: Buffer };

/**
 * A cached answer costs about what a static file server costs: the exact bytes and headers of a cached
 * GET (sendCached) are kept by URL with the record key (revision|day) they were made under, and sent again
 * straight from node:http — no Express, no middleware — while that key is still the current one. Express
 * alone costs three times a static server's time per request (bench/RESULTS.md); that is what this skips.
 *
 * Only whole 200 answers that depend on nothing but the URL and the record are kept (the API's lists,
 * views, changes, an agreement's answer and the map's tiles; never a feature's detail, which depends on
 * who asks). A conditional
 * or HEAD request, a key that moved on, or an unknown URL goes through Express as always.
 */
export function createReplay({ maxEntries = 500, maxBytes = 64 * 1024 * 1024 } = {}) {
  const entries = new Map<string, Replayable>();
  let bytes = 0;
  const drop = (url: string) => {
    const old = entries.get(url);
    if (!old) return;
    entries.delete(url);
    bytes -= old.body.length;
  };
  return {
    keep(url: string, entry: Replayable) {
      if (entry.body.length > maxBytes) return;
      drop(url);
      entries.set(url, entry);
      bytes += entry.body.length;
      for (const oldUrl of entries.keys()) {
        if (entries.size <= maxEntries && bytes <= maxBytes) break;
        drop(oldUrl);
      }
    },
    find: (url: string) => entries.get(url),
    drop,
    get size() {
      return entries.size;
    },
  };
}
type Replay = ReturnType<typeof createReplay>;

/** Where an app keeps its replayable answers and asks for the record's current key. */
type ReplaySource = { replay: Replay; recordKey: () => Promise<string> };

const replayOf = (app: { locals: Record<string, unknown> }): ReplaySource | undefined =>
  app.locals.replaySource as ReplaySource | undefined;

export function attachReplay(app: Express, source: ReplaySource) {
  app.locals.replaySource = source;
}

/** After sendCached has sent a whole 200 answer made under `recordKey`: keep its bytes and headers for the URL. */
export function keepForReplay(request: Request, response: Response, recordKey: string, body: Buffer) {
  const source = replayOf(request.app);
  if (!source || request.method !== 'GET' || response.statusCode !== 200) return;
  // The names as written (getHeaders gives them lower-cased).
  const headers: OutgoingHttpHeaders = {};
  const raw = response as unknown as { getRawHeaderNames(): string[] }; // node:http has it; @types/express does not show it
  for (const name of raw.getRawHeaderNames()) headers[name] = response.getHeader(name);
  source.replay.keep(request.originalUrl, { recordKey, headers, body });
}

const CONDITIONAL = ['if-none-match', 'if-modified-since', 'if-match', 'if-unmodified-since', 'range'] as const;

/** The app's request listener, with kept answers sent again before Express sees the request. */
export function withReplay(app: Express): RequestListener {
  const source = replayOf(app);
  if (!source) return app;
  return (request: IncomingMessage, response: ServerResponse) => {
    const url = request.url ?? '';
    const entry = request.method === 'GET' && !CONDITIONAL.some((name) => name in request.headers) ? source.replay.find(url) : undefined;
    if (!entry) return app(request, response);
    source.recordKey().then(
      (key) => {
        if (key !== entry.recordKey) {
          source.replay.drop(url);
          app(request, response);
          return;
        }
        response.writeHead(200, entry.headers);
        response.end(entry.body);
      },
      // The store out of reach: Express answers (503) as it would.
      () => app(request, response),
    );
  };
}
