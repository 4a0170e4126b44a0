import type { RequestHandler } from 'express';
import { HttpError } from './errors';

/** A UTF-16 surrogate without its other half: not Unicode text (PostgreSQL and UTF-8 cannot hold it). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a string cannot be stored or shown as text — it holds a NUL character or a lone surrogate — or
 * null when it can. Both arrive easily (`%00` in a URL, `"\u0000"` or `"\ud800"` in JSON) and the store
 * refuses them deep inside a query, so every input is checked here first.
 */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character';
  const lone = LONE_SURROGATE.exec(text);
  if (lone) return `contains a lone surrogate (U+${lone[0].charCodeAt(0).toString(16).toUpperCase()}), which is not Unicode text`;
  return null;
}

export const invalidText = (message: string, field?: string) => new HttpError(400, 'invalid_text', message, undefined, field);

/**
 * The first string in a parsed JSON value (values and keys, in document order) that is not text:
 * its path as `steps.2.quote` (a key at fault: the object holding it) and the problem. Iterative, and
 * each value linked to its parent rather than carrying a copy of its path, so a body nested a million
 * deep costs neither the stack nor quadratic time.
 */
export function findTextProblem(value: unknown): { path: string; problem: string } | null {
  type Node = { value: unknown; key: string | number | null; parent: Node | null };
  const pathOf = (node: Node) => {
    const path: (string | number)[] = [];
    for (let at: Node | null = node; at?.key != null; at = at.parent) path.push(at.key);
    return path.reverse().join('.');
  };
  const pending: Node[] = [{ value, key: null, parent: null }];
  while (pending.length > 0) {
    const node = pending.pop() as Node;
    const current = node.value;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) return { path: pathOf(node), problem };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) pending.push({ value: current[i], key: i, parent: node });
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current);
      for (const [key] of entries) {
        const problem = textProblem(key);
        if (problem) return { path: pathOf(node), problem: `has a field name that ${problem}` };
      }
      for (let i = entries.length - 1; i >= 0; i -= 1) pending.push({ value: entries[i][1], key: entries[i][0], parent: node });
    }
  }
  return null;
}

/** Control characters and surrogates written as \\uXXXX, so a name can be quoted in a message. */
export const printable = (text: string) =>
  [...text]
    .map((c) => {
      const code = c.codePointAt(0) ?? 0;
      return code < 0x20 || (code >= 0xd800 && code <= 0xdfff) ? `\\u${code.toString(16).padStart(4, '0')}` : c;
    })
    .join('');

/** A path or query piece quoted in a message: as it was sent (percent-encoded, so printable), cut short. */
export const quoted = (raw: string) => `"${raw.length > 60 ? `${raw.slice(0, 60)}…` : raw}"`;

/**
 * Every request's path, before any route: a segment that is not valid percent-encoded UTF-8 (`%E0%A4`,
 * `%ED%A0%80` — a surrogate) or decodes to a NUL (`%00`) → 400 naming the segment.
 */
export const refuseBadPathText: RequestHandler = (request, _response, next) => {
  for (const segment of request.path.split('/')) {
    if (!segment.includes('%')) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return next(new HttpError(400, 'invalid_path', `Path segment ${quoted(segment)} is not valid percent-encoded UTF-8`));
    }
    const problem = textProblem(decoded);
    if (problem) return next(invalidText(`Path segment ${quoted(segment)} ${problem}`));
  }
  next();
};
