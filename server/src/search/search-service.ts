import { foldForSearch } from '../domain/fold-text';
import { latestByKey } from '../http/latest-by-key';
import type { RecordRepository } from '../record/repository';

export type SearchHit = {
  type: 'province' | 'feature' | 'agreement' | 'clause';
  id: string;
  /** For clauses: the agreement to open. */
  agreementId?: string;
  title: { vi: string; zh: string | null; en: string };
  /** The matching words in context, for clause hits. */
  snippet?: string;
};

/**
 * A searchable thing: its texts folded (no case, no diacritics) and "compact" (also without spaces and
 * punctuation, so "chima" finds Chi Ma and "huunghi" Hữu Nghị); its names apart, which rank first.
 */
type Entry = { hit: SearchHit; texts: string[]; folded: string; compact: string; names: string[] };

const compactOf = (folded: string) => folded.replace(/[\s\p{P}]+/gu, '');

const SNIPPET_RADIUS = 60;

/**
 * Search over feature names, agreement titles and clause text: the index is built once per revision of
 * the record (as current-record.ts builds its read model), so an import or any other change is found by
 * the next search, and an unchanged record is never indexed twice.
 */
export function createSearchService(source: RecordRepository) {
  async function build(): Promise<Entry[]> {
    // One snapshot for all of it: a write meanwhile cannot mix two revisions.
    const repository = await source.snapshot();
    const [features, agreements] = await Promise.all([repository.listFeatures(), repository.listAgreements()]);
    const result: Entry[] = [];
    const provinces = await repository.listProvinces();
    const add = (hit: SearchHit, texts: (string | null | undefined)[], nameCount = 0) => {
      const kept = texts.filter((text): text is string => Boolean(text));
      const folded = foldForSearch(kept.join(' \n '));
      const names = texts.slice(0, nameCount).flatMap((name) => (name ? [compactOf(foldForSearch(name))] : []));
      result.push({ hit, texts: kept, folded, compact: compactOf(folded), names });
    };
    // Provinces first: "谅山", "Lạng Sơn" or "lang son" is the province (choosing it filters by it).
    for (const province of provinces) {
      const names = [province.name.vi, province.name.zh, province.name.en];
      add({ type: 'province', id: province.code, title: province.name }, names, names.length);
    }
    for (const feature of features) {
      add(
        { type: 'feature', id: feature.id, title: feature.name },
        [
          feature.name.vi,
          feature.name.zh,
          feature.name.en,
          ...(feature.sides ?? []).flatMap((side) => [side.name.vi, side.name.zh, side.name.en]),
          ...(feature.aliases ?? []),
        ],
        3 + 3 * (feature.sides?.length ?? 0) + (feature.aliases?.length ?? 0),
      );
    }
    for (const agreement of agreements) {
      add(
        { type: 'agreement', id: agreement.id, title: agreement.title },
        [agreement.id, agreement.title.vi, agreement.title.en, agreement.title.zh],
        1,
      );
      for (const clause of await repository.listClauses(agreement.id)) {
        add(
          {
            type: 'clause',
            id: clause.id,
            agreementId: agreement.id,
            title: { vi: `${clause.id} · ${clause.label.vi}`, zh: null, en: `${clause.id} · ${clause.label.en}` },
          },
          [clause.text.vi, clause.text.zh],
        );
      }
    }
    return result;
  }
  const entriesAt = latestByKey(build);

  return {
    async search(query: string, limit: number): Promise<SearchHit[]> {
      const needle = foldForSearch(query);
      if (needle.length === 0) return [];
      const entries = await entriesAt(String(await source.revision()));
      const compactNeedle = compactOf(needle);
      const rank = { province: 0, feature: 1, agreement: 2, clause: 3 } as const;
      // A name that starts with the words asked for, then a name holding them, then any text; by type within each.
      const closeness = (entry: Entry) =>
        entry.names.some((name) => name.startsWith(compactNeedle)) ? 0 : entry.names.some((name) => name.includes(compactNeedle)) ? 1 : 2;
      const hits = entries
        .filter((entry) => entry.folded.includes(needle) || (compactNeedle.length >= 3 && entry.compact.includes(compactNeedle)))
        .map((entry) => ({ entry, closeness: closeness(entry) }));
      hits.sort((a, b) => a.closeness - b.closeness || rank[a.entry.hit.type] - rank[b.entry.hit.type]);
      return hits.slice(0, limit).map(({ entry }) => {
        if (entry.hit.type !== 'clause') return entry.hit;
        // Snippet from the original text around the first match (folding keeps positions in this text).
        const text = entry.texts.find((t) => foldForSearch(t).includes(needle)) ?? entry.texts[0];
        const at = foldForSearch(text).indexOf(needle);
        const start = Math.max(0, at - SNIPPET_RADIUS);
        const end = Math.min(text.length, at + needle.length + SNIPPET_RADIUS);
        return { ...entry.hit, snippet: `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}` };
      });
    },
  };
}
