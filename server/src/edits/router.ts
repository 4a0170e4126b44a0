import express, { Router } from 'express';
import { requireEditor } from '../access/editor-session';
import type { Session } from '../access/sessions';
import { statusStepBody } from '../domain/request-bodies';
import { parseBody } from '../http/parse-body';
import type { Database } from '../store/database';
import { recordStatusStep } from './status-step';

/** Request bodies larger than this are refused (413) before they are read. */
const EDIT_BODY_LIMIT = '32kb';

/**
 * Changes to the record, by signed-in editors only (session, same origin, CSRF token):
 *   POST /api/features/:id/steps   a new status step citing its clause (201; 409 when the version read is stale)
 */
export function editRouter(db: Database): Router {
  const router = Router();
  router.post(
    '/features/:id/steps',
    requireEditor(db),
    express.json({ limit: EDIT_BODY_LIMIT, strict: true }),
    async (request, response) => {
      const body = parseBody(statusStepBody, request.body);
      const session = response.locals.session as Session;
      const result = await recordStatusStep(db, String(request.params.id), body, { username: session.user.username });
      response.status(201).json(result);
    },
  );
  return router;
}
