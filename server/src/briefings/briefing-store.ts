import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type Briefing, briefingSchema } from '../domain/briefings';

/**
 * Where briefings are kept: the record's store (store-briefing-store.ts, the default) or, when the record
 * is served read-only from files, one JSON file. `actor` is the signed-in editor making the change,
 * written to the store's change log (the file store has no log and ignores it).
 */
export type BriefingStore = {
  list(): Promise<Briefing[]>;
  get(id: string): Promise<Briefing | undefined>;
  /** Creates or replaces the briefing with `briefing.id`. */
  save(briefing: Briefing, actor?: string): Promise<void>;
  /**
   * A new briefing under the first free id of `baseId`, `baseId-2`, `baseId-3`…: the id is picked and
   * the briefing written together, so two briefings created at once never take the same id.
   */
  create(briefing: Omit<Briefing, 'id'>, baseId: string, actor?: string): Promise<Briefing>;
  /** Replaces an existing briefing; false, with nothing written, when there is none (it may just have been deleted). */
  replace(briefing: Briefing, actor?: string): Promise<boolean>;
  remove(id: string, actor?: string): Promise<boolean>;
};

/** The briefing as the server has always written it: its own fields, then `id`, then `updatedAt`. */
export function withId({ updatedAt, ...fields }: Omit<Briefing, 'id'>, id: string): Briefing {
  return { ...fields, id, updatedAt };
}

/** The ids `base`, `base-2`, `base-3`… in the order a new briefing tries them. */
function* candidateIds(base: string): Generator<string> {
  yield base;
  for (let n = 2; ; n += 1) yield `${base}-${n}`;
}

/** The example briefings shipped in geodata/briefings/ (one per file, in file-name order), validated. */
export function readBriefingExamples(examplesDir: string): Briefing[] {
  if (!existsSync(examplesDir)) return [];
  return readdirSync(examplesDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const parsed = briefingSchema.safeParse(JSON.parse(readFileSync(join(examplesDir, name), 'utf8')));
      if (!parsed.success) throw new Error(`${join(examplesDir, name)}: not a briefing (${parsed.error.issues[0].message})`);
      return parsed.data;
    });
}

/** A file of briefings as the file store writes it (a JSON array), validated; the file is named in any error. */
export function readBriefingFile(file: string): Briefing[] {
  const parsed = z.array(briefingSchema).safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: not a list of briefings ("${issue.path.join('.')}": ${issue.message})`);
  }
  return parsed.data;
}

/**
 * Briefings in one JSON file (BORDER_ATLAS_RECORD_SOURCE=files, where the server serves them read-only;
 * before the store, every deployment kept them here). Writes go to a temporary file renamed over the
 * old one, so a crash mid-write never leaves a half file; the server validates every body before it
 * gets here. On first start the file is seeded with the example briefings shipped in geodata/briefings/.
 */
export function createFileBriefingStore(dataDir: string, examplesDir: string): BriefingStore {
  const file = join(dataDir, 'briefings.json');
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(file)) {
    writeFileSync(file, `${JSON.stringify(readBriefingExamples(examplesDir), null, 2)}\n`);
  }
  const read = (): Briefing[] => readBriefingFile(file);
  const write = (briefings: Briefing[]) => {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(briefings, null, 2)}\n`);
    if (existsSync(file)) copyFileSync(file, `${file}.bak`);
    renameSync(temporary, file);
  };
  const save = async (briefing: Briefing) => {
    const others = read().filter((b) => b.id !== briefing.id);
    write([...others, briefing].sort((a, b) => a.id.localeCompare(b.id)));
  };
  return {
    list: async () => read(),
    get: async (id) => read().find((b) => b.id === id),
    save,
    create: async (fields, baseId) => {
      const taken = new Set(read().map((b) => b.id));
      let id = baseId;
      for (id of candidateIds(baseId)) if (!taken.has(id)) break;
      const briefing = withId(fields, id);
      await save(briefing);
      return briefing;
    },
    replace: async (briefing) => {
      if (!read().some((b) => b.id === briefing.id)) return false;
      await save(briefing);
      return true;
    },
    remove: async (id) => {
      const all = read();
      if (!all.some((b) => b.id === id)) return false;
      write(all.filter((b) => b.id !== id));
      return true;
    },
  };
}
