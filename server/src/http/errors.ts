import type { ErrorRequestHandler, RequestHandler } from 'express';
import { createThrottledLog, describeStoreError, isStoreUnavailable, STORE_RETRY_AFTER_SECONDS } from '../store/store-unavailable';

/** An error the client caused or should know about; becomes `{"error":{"code","message"}}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Sent beside `error` (a 409's current state). */
    readonly details?: Record<string, unknown>,
    /** The query parameter or body field at fault ("agreement", "steps.0.title"), sent as `error.field`. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', what);
export const badRequest = (code: string, message: string, field?: string) => new HttpError(400, code, message, undefined, field);

export const unknownApiRoute: RequestHandler = (request, _response, next) => {
  next(new HttpError(404, 'not_found', `No API endpoint ${request.method} ${request.originalUrl.split('?')[0]}`));
};

const logUnavailable = createThrottledLog();

/**
 * Marks a POST or DELETE that changes nothing of the record (reading a document, signing in or out): the store
 * out of reach meanwhile is answered as for a read, without "the change may have been stored".
 */
export const changesNoRecord: RequestHandler = (_request, response, next) => {
  response.locals.changesNoRecord = true;
  next();
};

/**
 * Last middleware: known errors keep their status; the store out of reach (PostgreSQL restarting) is a
 * 503 to try again after a few seconds — for a change, after checking it was not stored (the connection
 * may have dropped after its commit, before the answer); anything else is a 500 without internals.
 */
export const errorHandler: ErrorRequestHandler = (error, request, response, _next) => {
  if (error instanceof HttpError) {
    const field = error.field === undefined ? {} : { field: error.field };
    response.status(error.status).json({ error: { code: error.code, message: error.message, ...field }, ...error.details });
    return;
  }
  if (isStoreUnavailable(error)) {
    logUnavailable(`Store unavailable, answering 503: ${describeStoreError(error)}`);
    response.setHeader('Retry-After', String(STORE_RETRY_AFTER_SECONDS));
    const change = !['GET', 'HEAD', 'OPTIONS'].includes(request.method) && response.locals.changesNoRecord !== true;
    response.status(503).json({
      error: change
        ? {
            code: 'store_unavailable',
            message:
              "The record's database could not be reached while saving: the change may have been stored all the same. Reload the page and check before trying again",
            // The same refusal, said apart in the page's other languages (client/src/api/error-text.ts).
            mayBeStored: true,
          }
        : {
            code: 'store_unavailable',
            message: `The record's database cannot be reached just now: try again in ${STORE_RETRY_AFTER_SECONDS} seconds`,
          },
    });
    return;
  }
  // Body-parser and similar middleware errors carry a 4xx status of their own.
  const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status === 500) console.error(error);
  response.status(status).json({
    error: {
      code: status === 500 ? 'internal_error' : status === 404 ? 'not_found' : 'bad_request',
      message: status === 500 ? 'Internal server error' : String(error.message ?? 'Bad request'),
    },
  });
};
