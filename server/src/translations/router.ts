import { createHash } from 'node:crypto';
import { Router } from 'express';
import type { TranslationTable } from '../domain/record-translations';

/**
 * GET /api/translations: the table of the record's prose in its other languages (domain/record-translations.ts).
 * It changes only with a release, so it is sent with an ETag and revalidated, never re-sent unchanged.
 */
export function translationsRouter(table: TranslationTable): Router {
  const body = JSON.stringify(table);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  return Router().get('/', (request, response) => {
    response.set({ ETag: etag, 'Cache-Control': 'no-cache' });
    if (request.get('if-none-match') === etag) {
      response.status(304).end();
      return;
    }
    response.type('application/json').send(body);
  });
}
