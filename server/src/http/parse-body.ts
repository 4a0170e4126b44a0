import type { z } from 'zod';
import { bodyProblem } from '../domain/request-bodies';
import { badRequest } from './errors';
import { findTextProblem, invalidText } from './text-check';

/**
 * Validates a request body against a strict schema: a 400 `invalid_body` naming the first field at
 * fault (the body's own shape when it is not an object), so a form can show it beside that field.
 * Any string in it (a value or a field name) holding a NUL or a lone surrogate is refused first, as a
 * 400 `invalid_text` naming the field: the store could not keep it.
 */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown, label = 'Field'): T {
  const bad = findTextProblem(body);
  if (bad) throw invalidText(`${label} "${bad.path || '(body)'}" ${bad.problem}`, bad.path || undefined);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const { message, field } = bodyProblem(parsed.error, label);
    throw badRequest('invalid_body', message, field);
  }
  return parsed.data;
}
