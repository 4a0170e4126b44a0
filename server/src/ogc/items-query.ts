import { z } from 'zod';
import { filterQueryShape } from '../domain/filters';
import { commaList, realDate } from '../domain/query-params';

/** Most features a page may hold; the whole record fits in one page at this size. */
export const MAX_LIMIT = 10_000;
export const DEFAULT_LIMIT = 100;

/** Query parameters of /collections/{id}/items: the standard ones and the filters of /api/features. */
export const ITEMS_PARAMETERS = [
  'limit',
  'offset',
  'bbox',
  'datetime',
  'kind',
  'status',
  'agreement',
  'province',
  'stalled',
  'overdue',
  'asOf',
  'f',
] as const;

const integer = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${name} must lie in ${min}..${max}`);

/** bbox: 4 numbers (2D) or 6 (3D, heights ignored), WGS 84 longitude/latitude. */
const bbox = z.string().transform((value, context) => {
  const numbers = value.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
  if (!(numbers.length === 4 || numbers.length === 6) || numbers.some((n) => !Number.isFinite(n))) {
    context.addIssue({ code: 'custom', message: 'must be 4 or 6 numbers: minLon,minLat,maxLon,maxLat' });
    return z.NEVER;
  }
  const [west, south, east, north] = numbers.length === 6 ? [numbers[0], numbers[1], numbers[3], numbers[4]] : numbers;
  if (west < -180 || east > 180 || south < -90 || north > 90 || south > north) {
    context.addIssue({ code: 'custom', message: 'longitudes must lie in -180..180, latitudes in -90..90, south ≤ north' });
    return z.NEVER;
  }
  return [west, south, east, north] as [number, number, number, number];
});

/**
 * datetime, mapped to the record's "as of" reading: an instant (date or date-time) reads the record
 * as of that day; an interval reads it as of its end ("../2024-08-16", "2023-01-01/2024-08-16");
 * an interval open at the end ("2023-01-01/..") reads it as of today.
 */
const datetime = z.string().transform((value, context) => {
  const day = (part: string) => {
    const match = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/.exec(part);
    return match && realDate.safeParse(match[1]).success ? match[1] : null;
  };
  const parts = value.split('/');
  if (parts.length === 1) {
    const instant = day(parts[0]);
    if (instant) return { asOf: instant };
  } else if (parts.length === 2) {
    const [start, end] = parts.map((part) => (part === '..' || part === '' ? null : day(part)));
    const startOk = parts[0] === '..' || parts[0] === '' || start !== null;
    const endOk = parts[1] === '..' || parts[1] === '' || end !== null;
    if (startOk && endOk && !(start && end && start > end)) return { asOf: end ?? undefined };
  }
  context.addIssue({
    code: 'custom',
    message: 'must be a date (2024-08-16), a date-time (2024-08-16T00:00:00Z) or an interval (../2024-08-16, 2023-01-01/2024-08-16)',
  });
  return z.NEVER;
});

export const itemsQuery = z.object({
  limit: integer('limit', 1, MAX_LIMIT).default(DEFAULT_LIMIT),
  offset: integer('offset', 0, Number.MAX_SAFE_INTEGER).default(0),
  bbox: bbox.optional(),
  datetime: datetime.optional(),
  /** Checked against the collection's kinds by the router. */
  kind: commaList.optional(),
  status: filterQueryShape.status,
  agreement: filterQueryShape.agreement,
  province: filterQueryShape.province,
  stalled: filterQueryShape.stalled,
  overdue: filterQueryShape.overdue,
  asOf: filterQueryShape.asOf,
  /** Output format: only GeoJSON/JSON is offered. */
  f: z.enum(['json', 'geojson'], { message: 'only json and geojson are offered' }).optional(),
});
export type ItemsQuery = z.infer<typeof itemsQuery>;
