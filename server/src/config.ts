import { join } from 'node:path';
import { z } from 'zod';

const projectRoot = join(import.meta.dirname, '..', '..');

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
   * `store` (default): the record lives in the store (embedded, or DATABASE_URL), seeded from the record
   * folder on first start, editable. `files`: served read-only straight from the record folder (the
   * benchmark's synthetic records, checking curated files).
   */
  BORDER_ATLAS_RECORD_SOURCE: z.enum(['store', 'files']).default('store'),
});

/** Read once at start-up; a bad PORT stops the server with a message naming it. */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  const recordDir = parsed.data.BORDER_ATLAS_RECORD_DIR ?? join(projectRoot, 'geodata', 'record');
  return {
    port: parsed.data.PORT,
    host: parsed.data.HOST,
    recordDir,
    documentsDir: join(recordDir, '..', 'documents'),
    basemapDir: join(projectRoot, 'geodata', 'basemap', 'output'),
    dataDir: parsed.data.BORDER_ATLAS_DATA_DIR ?? join(projectRoot, 'var'),
    databaseUrl: parsed.data.DATABASE_URL,
    recordSource: parsed.data.BORDER_ATLAS_RECORD_SOURCE,
    briefingExamplesDir: join(projectRoot, 'geodata', 'briefings'),
    clientDir: join(projectRoot, 'client', 'dist'),
  };
}
