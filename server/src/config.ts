import { join } from 'node:path';
import { z } from 'zod';

const projectRoot = join(import.meta.dirname, '..', '..');

const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
});

/** Read once at start-up; a bad PORT stops the server with a message naming it. */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  return {
    ...parsed.data,
    recordDir: join(projectRoot, 'geodata', 'record'),
    documentsDir: join(projectRoot, 'geodata', 'documents'),
    basemapDir: join(projectRoot, 'geodata', 'basemap', 'output'),
    clientDir: join(projectRoot, 'client', 'dist'),
  };
}
