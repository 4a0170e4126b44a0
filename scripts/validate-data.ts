/**
 * Validates every record file the way the server does at start-up; exits non-zero naming the
 * file and the problem.  npm run validate-data
 */
import { readConfig } from '../server/src/config';
import { loadRecord } from '../server/src/record/load-record';

try {
  const record = loadRecord(readConfig());
  console.log(
    `record ok: ${record.agreements.length} agreements, ${record.clauses.length} clauses, ${record.features.length} features, ${record.events.length} status events`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
