import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HttpError, notFound } from './errors';

/** What no route answered, outside /api (which names its endpoints): a 404 in the API's shape, for the path as sent. */
export const unknownPath: RequestHandler = (request, _response, next) => next(notFound(`Nothing at ${request.method} ${request.path}`));

/**
 * A 4xx from middleware that carries the system's own words — a missing static file's is
 * "ENOENT: no such file or directory, stat '/srv/atlas/geodata/…'", the install path — keeps its status
 * and says only the status's name. (5xx are never shown: errors.ts answers "Internal server error".)
 */
export const hideSystemMessages: ErrorRequestHandler = (error, _request, _response, next) => {
  const status = error?.status;
  const fromSystem = typeof error?.syscall === 'string' || typeof error?.path === 'string' || error?.expose === false;
  if (error instanceof HttpError || typeof status !== 'number' || status < 400 || status >= 500 || !fromSystem) return next(error);
  next(new HttpError(status, status === 404 ? 'not_found' : 'bad_request', STATUS_CODES[status] ?? 'Bad request'));
};
