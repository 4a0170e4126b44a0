import { z } from 'zod';

/** A comma-separated list whose items must each be one of `allowed`. */
export function listOf<T extends string>(allowed: readonly T[], what: string) {
  return z.string().transform((value, context) => {
    const items = value.split(',').map((item) => item.trim());
    const bad = items.find((item) => !(allowed as readonly string[]).includes(item));
    if (bad !== undefined) {
      context.addIssue({ code: 'custom', message: `unknown ${what} "${bad}"; expected one of: ${allowed.join(', ')}` });
      return z.NEVER;
    }
    return items as T[];
  });
}

export const realDate = z.string().refine((value) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}, 'must be a real date written YYYY-MM-DD');

/** A box [minLon, minLat, maxLon, maxLat] in WGS 84 degrees. */
export type Bbox = [number, number, number, number];

export const bbox = z.string().transform((value, context) => {
  const parts = value.split(',').map((part) => part.trim());
  const numbers = parts.map(Number);
  const problem =
    parts.length !== 4 || parts.some((part) => part === '') || numbers.some((n) => !Number.isFinite(n))
      ? 'must be four numbers: minLon,minLat,maxLon,maxLat'
      : numbers[0] < -180 || numbers[2] > 180 || numbers[1] < -90 || numbers[3] > 90
        ? 'longitudes must lie in -180..180 and latitudes in -90..90'
        : numbers[0] > numbers[2] || numbers[1] > numbers[3]
          ? 'minimum must not exceed maximum'
          : null;
  if (problem) {
    context.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  return numbers as Bbox;
});

/** "true" or "false", as a boolean. */
export const trueOrFalse = z.enum(['true', 'false'], { message: 'must be true or false' }).transform((value) => value === 'true');

/** A comma-separated list of free values (checked against the record by the service). */
export const commaList = z.string().transform((value) => value.split(',').map((item) => item.trim()));
