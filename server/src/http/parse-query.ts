import type { Request } from 'express';
import type { z } from 'zod';
import { badRequest } from './errors';
import { invalidText, printable, quoted, textProblem } from './text-check';

/** Each `name=value` of the raw query string must be valid percent-encoded UTF-8 (the parser would turn it into U+FFFD). */
function checkEncoding(request: Request): void {
  const search = request.originalUrl.split('?').slice(1).join('?');
  if (!search.includes('%')) return;
  for (const pair of search.split('&')) {
    const [name, ...value] = pair.split('=');
    for (const part of [name, value.join('=')]) {
      try {
        decodeURIComponent(part.replaceAll('+', ' '));
      } catch {
        throw badRequest('invalid_parameter', `Query parameter ${quoted(name)} is not valid percent-encoded UTF-8`);
      }
    }
  }
}

/**
 * Validates a query string against a strict schema. Unknown parameters and repeated parameters
 * are refused by name, so a typo never silently returns everything; so are malformed percent-encoding
 * and names or values holding a NUL or a lone surrogate (400 `invalid_text`).
 */
export function parseQuery<T>(request: Request, schema: z.ZodType<T>, known: readonly string[]): T {
  checkEncoding(request);
  const query = request.query as Record<string, unknown>;
  for (const [name, value] of Object.entries(query)) {
    for (const text of [name, ...(Array.isArray(value) ? value : [value])]) {
      const problem = typeof text === 'string' ? textProblem(text) : null;
      if (problem) throw invalidText(`Query parameter ${quoted(printable(name))} ${problem}`);
    }
  }
  for (const [name, value] of Object.entries(query)) {
    if (!known.includes(name)) {
      const expected = known.length > 0 ? `expected one of: ${known.join(', ')}` : 'this endpoint takes no parameters';
      throw badRequest('unknown_parameter', `Unknown query parameter "${name}"; ${expected}`, name);
    }
    if (typeof value !== 'string') {
      throw badRequest('invalid_parameter', `Query parameter "${name}" must be given once, as plain text`, name);
    }
  }
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'query');
    throw badRequest('invalid_parameter', `Query parameter "${name}": ${issue.message}`, name);
  }
  return parsed.data;
}
