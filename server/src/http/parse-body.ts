import type { z } from 'zod';
import { badRequest } from './errors';

/**
 * Validates a request body against a strict schema: a 400 `invalid_body` naming the first field at
 * fault (the body's own shape when it is not an object), so a form can show it beside that field.
 */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown, label = 'Field'): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest('invalid_body', `${label} "${issue.path.join('.') || '(body)'}": ${issue.message}`);
  }
  return parsed.data;
}
