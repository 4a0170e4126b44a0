import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { type Deployment, parsePublicOrigin, trustProxyProblem } from './http/deployment';

const projectRoot = join(import.meta.dirname, '..', '..');

const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);

const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Another record folder (tests use a deliberately broken copy); documents sit at ../documents beside it. */
  BORDER_ATLAS_RECORD_DIR: z.string().min(1).optional(),
  /** Where user data (the embedded store, briefings) is written; default var/ in the project (git-ignored). */
  BORDER_ATLAS_DATA_DIR: z.string().min(1).optional(),
  /** A PostgreSQL server for the record (several app servers behind a load balancer); default: the embedded store. */
  DATABASE_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
      .optional(),
  ),
  /**
   * With DATABASE_URL: how long one statement of a request may take (ms) before PostgreSQL cancels it, or — a
   * stalled server that answers nothing — the app stops waiting a second later and answers 503. The largest
   * statements of a request take well under a second (a 1 000-clause import's: milliseconds each); start-up's
   * migrations and seed and the admin commands (db:backup, db:restore…) are not bounded.
   */
  BORDER_ATLAS_STATEMENT_TIMEOUT_MS: z.preprocess(unsetWhenEmpty, z.coerce.number().int().min(100).max(600_000).default(5_000)),
  /**
   * `store` (default): the record lives in the store (embedded, or DATABASE_URL), seeded from the record
   * folder on first start, editable. `files`: served read-only straight from the record folder (the
   * benchmark's synthetic records, checking curated files).
   */
  BORDER_ATLAS_RECORD_SOURCE: z.enum(['store', 'files']).default('store'),
  /** The address people open (https://atlas.example.gov.vn): absolute URLs and the origin check of changes. */
  BORDER_ATLAS_PUBLIC_ORIGIN: z.preprocess(
    unsetWhenEmpty,
    z
      .string()
      .transform((value, context) => {
        const parsed = parsePublicOrigin(value);
        if ('origin' in parsed) return parsed.origin;
        context.addIssue({ code: 'custom', message: parsed.problem });
        return z.NEVER;
      })
      .optional(),
  ),
  /** Reverse proxies whose X-Forwarded-Proto/Host/For are believed: IPs, CIDRs, loopback… (Express `trust proxy`). */
  BORDER_ATLAS_TRUST_PROXY: z.preprocess(
    unsetWhenEmpty,
    z
      .string()
      .superRefine((value, context) => {
        const problem = trustProxyProblem(value);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
  ),
  /** `true`: served over plain HTTP on an intranet — the session cookie travels without Secure (README "Deployments"). */
  BORDER_ATLAS_PLAIN_HTTP: z.preprocess(
    unsetWhenEmpty,
    z
      .enum(['true', 'false'], { message: 'must be true or false' })
      .default('false')
      .transform((value) => value === 'true'),
  ),
  /** A PMTiles vector-tile archive of the region (absolute path), served by the app and drawn under the record (README "Your own basemap"). */
  BORDER_ATLAS_BASEMAP_PMTILES: z.preprocess(
    unsetWhenEmpty,
    z
      .string()
      .refine((value) => isAbsolute(value), 'must be an absolute path to a .pmtiles file')
      .optional(),
  ),
  /** A MapLibre style of the office's own tile server (http:// or https://), drawn under the record instead of the embedded basemap. */
  BORDER_ATLAS_BASEMAP_STYLE_URL: z.preprocess(
    unsetWhenEmpty,
    z
      .string()
      .regex(/^https?:\/\/\S+$/, 'must be an http:// or https:// URL of a MapLibre style')
      .optional(),
  ),
});

/** The deployment's own basemap (README "Your own basemap"); none: the embedded basemap alone. */
export type OwnBasemapSetting = { kind: 'pmtiles'; path: string } | { kind: 'style'; url: string };

/** Read once at start-up; a bad value (PORT, BORDER_ATLAS_TRUST_PROXY…) stops the server with a message naming it. */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  if (parsed.data.BORDER_ATLAS_PLAIN_HTTP && parsed.data.BORDER_ATLAS_PUBLIC_ORIGIN?.startsWith('https:')) {
    throw new Error(
      'Invalid environment variable BORDER_ATLAS_PLAIN_HTTP: true drops Secure from the session cookie, but BORDER_ATLAS_PUBLIC_ORIGIN is https:// — leave BORDER_ATLAS_PLAIN_HTTP unset behind HTTPS',
    );
  }
  if (parsed.data.BORDER_ATLAS_BASEMAP_PMTILES && parsed.data.BORDER_ATLAS_BASEMAP_STYLE_URL) {
    throw new Error(
      'Invalid environment variable BORDER_ATLAS_BASEMAP_STYLE_URL: BORDER_ATLAS_BASEMAP_PMTILES is set too — set one basemap, the archive or the style',
    );
  }
  const ownBasemap: OwnBasemapSetting | undefined = parsed.data.BORDER_ATLAS_BASEMAP_PMTILES
    ? { kind: 'pmtiles', path: parsed.data.BORDER_ATLAS_BASEMAP_PMTILES }
    : parsed.data.BORDER_ATLAS_BASEMAP_STYLE_URL
      ? { kind: 'style', url: parsed.data.BORDER_ATLAS_BASEMAP_STYLE_URL }
      : undefined;
  const deployment: Deployment = {
    publicOrigin: parsed.data.BORDER_ATLAS_PUBLIC_ORIGIN,
    trustProxy: parsed.data.BORDER_ATLAS_TRUST_PROXY,
    plainHttp: parsed.data.BORDER_ATLAS_PLAIN_HTTP,
  };
  const recordDir = parsed.data.BORDER_ATLAS_RECORD_DIR ?? join(projectRoot, 'geodata', 'record');
  return {
    port: parsed.data.PORT,
    host: parsed.data.HOST,
    recordDir,
    documentsDir: join(recordDir, '..', 'documents'),
    basemapDir: join(projectRoot, 'geodata', 'basemap', 'output'),
    /** The deployment's own basemap, drawn instead of the embedded one's land and water (basemap/router.ts). */
    ownBasemap,
    dataDir: parsed.data.BORDER_ATLAS_DATA_DIR ?? join(projectRoot, 'var'),
    databaseUrl: parsed.data.DATABASE_URL,
    /** The bound on each statement of the server's requests (store/open-store.ts `requestTimeoutMs`). */
    statementTimeoutMs: parsed.data.BORDER_ATLAS_STATEMENT_TIMEOUT_MS,
    recordSource: parsed.data.BORDER_ATLAS_RECORD_SOURCE,
    briefingExamplesDir: join(projectRoot, 'geodata', 'briefings'),
    clientDir: join(projectRoot, 'client', 'dist'),
    /** How the app is reached: public origin, trusted proxies, plain HTTP (createApp's `deployment`). */
    deployment,
  };
}
