import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type Briefing, briefingSchema } from '../domain/briefings';

export type BriefingStore = {
  list(): Promise<Briefing[]>;
  get(id: string): Promise<Briefing | undefined>;
  save(briefing: Briefing): Promise<void>;
  remove(id: string): Promise<boolean>;
};

/**
 * Briefings in one JSON file. Writes go to a temporary file renamed over the old one, so a crash
 * mid-write never leaves a half file; the server validates every body before it gets here.
 * On first start the file is seeded with the example briefings shipped in geodata/briefings/.
 */
export function createFileBriefingStore(dataDir: string, examplesDir: string): BriefingStore {
  const file = join(dataDir, 'briefings.json');
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(file)) {
    const examples = existsSync(examplesDir)
      ? readdirSync(examplesDir)
          .filter((name) => name.endsWith('.json'))
          .sort()
          .map((name) => briefingSchema.parse(JSON.parse(readFileSync(join(examplesDir, name), 'utf8'))))
      : [];
    writeFileSync(file, `${JSON.stringify(examples, null, 2)}\n`);
  }
  const read = (): Briefing[] => z.array(briefingSchema).parse(JSON.parse(readFileSync(file, 'utf8')));
  const write = (briefings: Briefing[]) => {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(briefings, null, 2)}\n`);
    if (existsSync(file)) copyFileSync(file, `${file}.bak`);
    renameSync(temporary, file);
  };
  return {
    list: async () => read(),
    get: async (id) => read().find((b) => b.id === id),
    save: async (briefing) => {
      const others = read().filter((b) => b.id !== briefing.id);
      write([...others, briefing].sort((a, b) => a.id.localeCompare(b.id)));
    },
    remove: async (id) => {
      const all = read();
      if (!all.some((b) => b.id === id)) return false;
      write(all.filter((b) => b.id !== id));
      return true;
    },
  };
}
