import { foldForSearch } from '../domain/fold-text';
import { latestByKey } from '../http/latest-by-key';
import type { RecordRepository } from '../record/repository';

export type SearchHit = {
  type: 'feature' | 'agreement' | 'clause';
  id: string;
  /** For clauses: the agreement to open. */
  agreementId?: string;
  title: { vi: string; zh: string | null; en: string };
  /** The matching words in context, for clause hits. */
  snippet?: string;
};

type Entry = { hit: SearchHit; texts: string[]; folded: string };

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
    const add = (hit: SearchHit, texts: (string | null | undefined)[]) => {
      const kept = texts.filter((text): text is string => Boolean(text));
      result.push({ hit, texts: kept, folded: foldForSearch(kept.join(' \n ')) });
    };
    for (const feature of features) {
      add({ type: 'feature', id: feature.id, title: feature.name }, [
        feature.name.vi,
        feature.name.zh,
        feature.name.en,
        ...(feature.sides ?? []).flatMap((side) => [side.name.vi, side.name.zh, side.name.en]),
      ]);
    }
    for (const agreement of agreements) {
      add({ type: 'agreement', id: agreement.id, title: agreement.title }, [
        agreement.id,
        agreement.title.vi,
        agreement.title.en,
        agreement.title.zh,
      ]);
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
      const rank = { feature: 0, agreement: 1, clause: 2 } as const;
      const hits = entries.filter((entry) => entry.folded.includes(needle));
      hits.sort((a, b) => rank[a.hit.type] - rank[b.hit.type]);
      return hits.slice(0, limit).map((entry) => {
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
