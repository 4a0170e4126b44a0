import express, { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import { requireEditor } from '../access/editor-session';
import type { Session } from '../access/sessions';
import { type Briefing, briefingInputSchema } from '../domain/briefings';
import { foldForSearch } from '../domain/fold-text';
import { badRequest, HttpError, notFound } from '../http/errors';
import { parseBody as parseBodyWith } from '../http/parse-body';
import { parseQuery } from '../http/parse-query';
import type { Database } from '../store/database';
import type { BriefingStore } from './briefing-store';

const noQuery = z.object({});

/** A readable id from the title: "A Pa Chải – Long Phú" → "a-pa-chai-long-phu". */
function slugFromTitle(title: string): string {
  return (
    foldForSearch(title)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'briefing'
  );
}

function parseBody(body: unknown) {
  if (body === undefined || body === null || typeof body !== 'object') {
    throw badRequest('invalid_body', 'Request body must be a JSON object: {"title": {"vi": …}, "steps": [...]}');
  }
  // An exported briefing imports as it is: its id and date are the server's to assign.
  const { id: _id, updatedAt: _updatedAt, ...input } = body as Record<string, unknown>;
  return parseBodyWith(briefingInputSchema, input, 'Body field');
}

/** Request bodies larger than this are refused (413) before they are read. */
const BRIEFING_BODY_LIMIT = '512kb';

/**
 * GET/POST/PUT/DELETE /api/briefings — saved sequences of map views for briefing leaders. Anyone
 * reads them; with a store (`db`), only a signed-in editor changes them (session, same origin, CSRF
 * token: 401/403 otherwise, nothing stored), and the store logs who did. Without one
 * (BORDER_ATLAS_RECORD_SOURCE=files: no one can sign in) they are read-only: a change → 403 `read_only`.
 */
export function briefingRouter(store: BriefingStore, db?: Database): Router {
  const router = Router();
  const readOnly: RequestHandler = () => {
    throw new HttpError(
      403,
      'read_only',
      'Briefings are read-only here: the record is served from files (BORDER_ATLAS_RECORD_SOURCE=files), where no editor signs in',
    );
  };
  // Who may write is settled before the body is read: a refused request's body is never parsed.
  const writes = [db ? requireEditor(db) : readOnly, express.json({ limit: BRIEFING_BODY_LIMIT })];
  const actor = (response: express.Response) => (response.locals.session as Session | undefined)?.user.username;
  router.get('/', async (request, response) => {
    parseQuery(request, noQuery, []);
    response.json(await store.list());
  });
  router.get('/:id', async (request, response) => {
    parseQuery(request, noQuery, []);
    const briefing = await store.get(request.params.id);
    if (!briefing) throw notFound(`No briefing with id "${request.params.id}"`);
    response.json(briefing);
  });
  router.post('/', ...writes, async (request, response) => {
    const input = parseBody(request.body);
    const briefing = await store.create({ ...input, updatedAt: new Date().toISOString() }, slugFromTitle(input.title.vi), actor(response));
    response.status(201).location(`/api/briefings/${briefing.id}`).json(briefing);
  });
  router.put('/:id', ...writes, async (request, response) => {
    const input = parseBody(request.body);
    const id = String(request.params.id);
    const briefing: Briefing = { ...input, id, updatedAt: new Date().toISOString() };
    if (!(await store.replace(briefing, actor(response)))) throw notFound(`No briefing with id "${id}"`);
    response.json(briefing);
  });
  router.delete('/:id', writes[0], async (request, response) => {
    const id = String(request.params.id);
    if (!(await store.remove(id, actor(response)))) throw notFound(`No briefing with id "${id}"`);
    response.status(204).end();
  });
  // Body errors from express.json(): too large → 413; malformed JSON → 400, both in our error shape.
  router.use((error: unknown, _request: express.Request, _response: express.Response, next: express.NextFunction) => {
    if (error instanceof HttpError) return next(error);
    const status = (error as { status?: number }).status;
    if (status === 413) {
      return next(
        new HttpError(413, 'too_large', `Request body too large: a briefing is at most ${BRIEFING_BODY_LIMIT.replace('kb', ' kB')}`),
      );
    }
    if (status && status >= 400 && status < 500) {
      return next(badRequest('invalid_body', `Request body is not valid JSON (${(error as Error).message})`));
    }
    next(error);
  });
  return router;
}
