import type { Request } from 'express';
import type { z } from 'zod';
import { badRequest } from './errors';

/**
 * Validates a query string against a strict schema. Unknown parameters and repeated parameters
 * are refused by name, so a typo never silently returns everything.
 */
export function parseQuery<T>(request: Request, schema: z.ZodType<T>, known: readonly string[]): T {
  const query = request.query as Record<string, unknown>;
  for (const [name, value] of Object.entries(query)) {
    if (!known.includes(name)) {
      const expected = known.length > 0 ? `expected one of: ${known.join(', ')}` : 'this endpoint takes no parameters';
      throw badRequest('unknown_parameter', `Unknown query parameter "${name}"; ${expected}`);
    }
    if (typeof value !== 'string') {
      throw badRequest('invalid_parameter', `Query parameter "${name}" must be given once, as plain text`);
    }
  }
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'query');
    throw badRequest('invalid_parameter', `Query parameter "${name}": ${issue.message}`);
  }
  return parsed.data;
}
