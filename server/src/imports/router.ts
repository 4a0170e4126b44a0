import express, { Router } from 'express';
import { requireEditor } from '../access/editor-session';
import type { Session } from '../access/sessions';
import { DOCX_TYPE } from '../domain/api';
import { readDocument } from '../domain/import/read-document';
import { segmentDocument } from '../domain/import/segment-document';
import { buildLinkIndex } from '../domain/import/suggest-links';
import { importBody, importReadBody, MAX_DOCUMENT_CHARS, MAX_DOCUMENT_CLAUSES, tooManyClausesMessage } from '../domain/request-bodies';
import { changesNoRecord, HttpError } from '../http/errors';
import { latestByKey } from '../http/latest-by-key';
import { parseBody } from '../http/parse-body';
import type { RecordRepository } from '../record/repository';
import type { Database } from '../store/database';
import { DocxTooLargeError, NotDocxError } from './docx-reading';
import { CONVERSION_RETRY_SECONDS, ConversionBusyError, ConversionLimitError, docxToText } from './docx-to-text';
import { saveImport } from './save-import';

/**
 * Importing a new document, by signed-in editors only (session, same origin, CSRF token):
 *   POST /api/imports/read   {text} as JSON, or a Word file (Content-Type: the .docx type) → the text, its
 *                            clauses, per clause the suggested links (features named, status from the
 *                            wording, with its evidence), the places it names that the record lacks and
 *                            the document's date when it gives one; nothing is saved
 *   POST /api/imports        the text, its metadata and the suggestions the editor accepted → 201
 */
export function importRouter(db: Database, repository: RecordRepository): Router {
  const router = Router();
  // The suggestions' name index is built once per revision of the record.
  const indexFor = latestByKey(async (_revision: string, snapshot: RecordRepository) => {
    const provinces = await snapshot.listProvinces();
    return buildLinkIndex(
      await snapshot.listFeatures(),
      provinces.map((p) => p.name.vi),
    );
  });

  router.post(
    '/read',
    changesNoRecord,
    requireEditor(db),
    express.json({ limit: '4mb' }),
    express.raw({ type: DOCX_TYPE, limit: '10mb' }),
    async (request, response) => {
      let text: string;
      let asOf: string | undefined;
      if (Buffer.isBuffer(request.body)) {
        try {
          text = await docxToText(request.body);
        } catch (error) {
          if (error instanceof NotDocxError) throw new HttpError(400, 'invalid_document', error.message);
          // Refused by its unpacked size or its XML's elements before it is parsed (a ZIP bomb, millions of tiny
          // elements), or stopped by the conversion's memory or time limit.
          if (error instanceof DocxTooLargeError || error instanceof ConversionLimitError)
            throw new HttpError(413, 'too_large', error.message);
          if (error instanceof ConversionBusyError) {
            response.setHeader('Retry-After', String(CONVERSION_RETRY_SECONDS));
            throw new HttpError(503, 'conversion_busy', error.message);
          }
          throw error;
        }
        // A small file can unpack into much text: the same limit as pasted text.
        if (text.length > MAX_DOCUMENT_CHARS) {
          throw new HttpError(
            413,
            'too_large',
            `The document holds ${text.length} characters; at most ${MAX_DOCUMENT_CHARS} are read at once`,
          );
        }
      } else {
        ({ text, date: asOf } = parseBody(importReadBody, request.body));
      }
      // As many clauses as an import may save, no more: the editor hears it before reviewing anything.
      const clauseCount = segmentDocument(text).length;
      if (clauseCount > MAX_DOCUMENT_CLAUSES)
        throw new HttpError(400, 'too_many_clauses', tooManyClausesMessage(clauseCount), undefined, 'text');
      // One snapshot: the names and the steps read against are of the same revision of the record.
      const snapshot = await repository.snapshot();
      const index = await indexFor(String(await snapshot.revision()), snapshot);
      const events = await snapshot.listEventsByFeature();
      response.json(readDocument(text, index, { events, asOf }));
    },
  );

  router.post('/', requireEditor(db), express.json({ limit: '4mb' }), async (request, response) => {
    const body = parseBody(importBody, request.body);
    const session = response.locals.session as Session;
    response.status(201).json(await saveImport(db, body, { username: session.user.username }));
  });
  return router;
}
