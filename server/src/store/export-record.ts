import type { LoadedRecord } from '../record/load-record';

/** JSON as the curated files are written: two-space indent, a final newline. */
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The store's record in the file layout of geodata/record/ (agreements, provinces, features, one file
 * of clauses and one of status steps per agreement), so the curated files and the store can be
 * compared with git diff and the files re-seeded from it. Paths are relative to the record folder.
 */
export function recordFiles(record: LoadedRecord): Map<string, string> {
  const files = new Map<string, string>();
  files.set('agreements.json', json(record.agreements));
  files.set('provinces.json', json(record.provinces));
  files.set('features.json', json(record.features));
  const byAgreement = <T extends { agreementId: string }>(items: readonly T[]) => {
    const groups = new Map<string, T[]>();
    for (const item of items) groups.set(item.agreementId, [...(groups.get(item.agreementId) ?? []), item]);
    return groups;
  };
  for (const [agreementId, clauses] of byAgreement(record.clauses)) files.set(`clauses/${agreementId}.json`, json(clauses));
  for (const [agreementId, events] of byAgreement(record.events)) files.set(`status-events/${agreementId}.json`, json(events));
  return files;
}
