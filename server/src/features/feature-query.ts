import { z } from 'zod';
import { KIND_IDS, STATUS_IDS } from '../domain/vocabulary';

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

const bbox = z.string().transform((value, context) => {
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
  return numbers as [number, number, number, number];
});

/** "true" or "false", as a boolean. */
export const trueOrFalse = z.enum(['true', 'false'], { message: 'must be true or false' }).transform((value) => value === 'true');

/** A comma-separated list of free values (checked against the record by the service). */
export const commaList = z.string().transform((value) => value.split(',').map((item) => item.trim()));

export const FEATURE_QUERY_PARAMETERS = ['id', 'kind', 'status', 'agreement', 'province', 'asOf', 'bbox', 'stalled'] as const;

export const featureQuery = z.object({
  /** Only these features (ids the record does not know are refused by the service). */
  id: commaList.optional(),
  kind: listOf(KIND_IDS, 'kind').optional(),
  status: listOf(STATUS_IDS, 'status').optional(),
  /** Agreement ids are checked against the record by the service. */
  agreement: commaList.optional(),
  /** Province codes as of `asOf` (VN-07 after 1 July 2025 includes former Hà Giang); checked by the service. */
  province: commaList.optional(),
  asOf: realDate.optional(),
  bbox: bbox.optional(),
  /** true: only features with a stalled commitment; false: only those without. */
  stalled: trueOrFalse.optional(),
});
export type FeatureQuery = z.infer<typeof featureQuery>;
