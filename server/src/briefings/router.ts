import express, { Router } from 'express';
import { z } from 'zod';
import { type Briefing, briefingInputSchema } from '../domain/briefings';
import { foldForSearch } from '../domain/fold-text';
import { badRequest, HttpError, notFound } from '../http/errors';
import { parseBody as parseBodyWith } from '../http/parse-body';
import { parseQuery } from '../http/parse-query';
import type { BriefingStore } from './briefing-store';

const noQuery = z.object({});

/** A readable id from the title: "A Pa Chải – Long Phú" → "a-pa-chai-long-phu". */
export function slugFromTitle(title: string): string {
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

/** GET/POST/PUT/DELETE /api/briefings — saved sequences of map views for briefing leaders. */
export function briefingRouter(store: BriefingStore): Router {
  const router = Router();
  router.use(express.json({ limit: '512kb' }));
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
  router.post('/', async (request, response) => {
    const input = parseBody(request.body);
    const base = slugFromTitle(input.title.vi);
    const taken = new Set((await store.list()).map((b) => b.id));
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
    const briefing: Briefing = { ...input, id, updatedAt: new Date().toISOString() };
    await store.save(briefing);
    response.status(201).location(`/api/briefings/${id}`).json(briefing);
  });
  router.put('/:id', async (request, response) => {
    const input = parseBody(request.body);
    if (!(await store.get(request.params.id))) throw notFound(`No briefing with id "${request.params.id}"`);
    const briefing: Briefing = { ...input, id: request.params.id, updatedAt: new Date().toISOString() };
    await store.save(briefing);
    response.json(briefing);
  });
  router.delete('/:id', async (request, response) => {
    if (!(await store.remove(request.params.id))) throw notFound(`No briefing with id "${request.params.id}"`);
    response.status(204).end();
  });
  // Malformed JSON bodies arrive here from express.json(): answer 400 with our error shape.
  router.use((error: unknown, _request: express.Request, _response: express.Response, next: express.NextFunction) => {
    if (error instanceof HttpError) return next(error);
    const status = (error as { status?: number }).status;
    if (status && status >= 400 && status < 500) {
      return next(badRequest('invalid_body', `Request body is not valid JSON (${(error as Error).message})`));
    }
    next(error);
  });
  return router;
}
