import type { ImportReadResponse } from '@domain/api';
import type { LevelId, PrecisionId, StatusId } from '@domain/vocabulary';

/** The editor's decision on one suggested link: nothing is saved until every one has one. */
export type Review = {
  decision: 'accept' | 'reject' | null;
  /** '' = a mention only (the clause names it without a step). */
  status: Exclude<StatusId, 'unknown'> | '';
  level: LevelId | '';
  quote: string;
  /** The deadline recorded with the step (the reader's, when it read one with the status it aims at), or none. */
  target: { by: string; cue: string; reach: Exclude<StatusId, 'unknown' | 'proposed'> } | null;
  /** The editor changed the suggested status, level or quote. */
  changed: boolean;
};

export type NewPlace = {
  ref: string;
  clausePath: string[];
  nameVi: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  province: string;
  precision: Extract<PrecisionId, '5km' | 'approximate'>;
  coordinates: [number, number] | null;
  status: Exclude<StatusId, 'unknown'> | '';
  level: LevelId | '';
  quote: string;
  /** Where the reader found it in its clause (none for a place the editor added). */
  evidence?: { mention: [number, number]; cue: [number, number] | null };
};

export type Metadata = {
  kind: string;
  titleVi: string;
  titleEn: string;
  titleZh: string;
  documentDate: string;
  signedDate: string;
  place: string;
  parties: { id: string; country: 'VN' | 'CN' | 'LA'; vi: string; zh: string; en: string }[];
  periodFrom: string;
  periodTo: string;
};

export const EMPTY_METADATA: Metadata = {
  kind: 'minutes',
  titleVi: '',
  titleEn: '',
  titleZh: '',
  documentDate: '',
  signedDate: '',
  place: '',
  parties: [
    { id: 'party-1', country: 'VN', vi: '', zh: '', en: '' },
    { id: 'party-2', country: 'CN', vi: '', zh: '', en: '' },
  ],
  periodFrom: '',
  periodTo: '',
};

/** One card per suggestion: a clause may suggest two steps for one feature (operating, and an upgrade). */
export const reviewKey = (suggestion: { clausePath: readonly string[]; featureId: string; status: string | null; level: string | null }) =>
  `${suggestion.clausePath.join('.')}|${suggestion.featureId}|${suggestion.status ?? ''}|${suggestion.level ?? ''}`;

/** Every suggestion, undecided, with its suggested status and the sentence that carries it as the quote. */
export function initialReviews(read: ImportReadResponse): Record<string, Review> {
  const reviews: Record<string, Review> = {};
  for (const suggestions of read.suggestions) {
    for (const suggestion of suggestions) {
      reviews[reviewKey(suggestion)] = {
        decision: null,
        status: suggestion.status && suggestion.status !== 'unknown' ? suggestion.status : '',
        level: suggestion.level ?? '',
        // The sentence(s) holding the name and the words that carry its status, as the reader found them.
        quote: suggestion.quote,
        target: keptTarget(suggestion.target),
        changed: false,
      };
    }
  }
  return reviews;
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);

/** A deadline the reader read, as a step records it: only with the status it aims at (else the editor adds it). */
export function keptTarget(target: ImportReadResponse['suggestions'][number][number]['target']): Review['target'] {
  if (!target?.reach || target.reach === 'unknown' || target.reach === 'proposed') return null;
  return { by: target.by, cue: target.cue, reach: target.reach };
}

/**
 * The body of POST /api/imports from the editor's review; `stepKeys[i]` / `mentionKeys[i]` name the card
 * behind `steps[i]` / `mentions[i]`, so a refusal of one is shown on its card.
 */
export function importRequest(
  text: string,
  meta: Metadata,
  read: ImportReadResponse,
  reviews: Record<string, Review>,
  places: NewPlace[],
  source: string,
) {
  const steps: unknown[] = [];
  const mentions: unknown[] = [];
  const stepKeys: string[] = [];
  const mentionKeys: string[] = [];
  // One accepted link: a step when it has a status, else a mention; `key` names its card.
  const add = (
    key: string,
    clausePath: string[],
    feature: object,
    choice: Pick<Review, 'status' | 'level' | 'quote'> & Partial<Pick<Review, 'target'>>,
  ) => {
    if (choice.status) {
      steps.push({
        clausePath,
        feature,
        status: choice.status,
        level: choice.level || null,
        evidence: 'stated',
        quote: choice.quote.trim(),
        ...(choice.target ? { target: choice.target } : {}),
      });
      stepKeys.push(key);
    } else {
      mentions.push({ clausePath, feature });
      mentionKeys.push(key);
    }
  };
  for (const suggestion of read.suggestions.flat()) {
    const key = reviewKey(suggestion);
    const review = reviews[key];
    if (review?.decision === 'accept') add(key, suggestion.clausePath, { featureId: suggestion.featureId }, review);
  }
  for (const place of places) add(place.ref, place.clausePath, { newFeature: place.ref }, place);
  const body = {
    text,
    agreement: {
      kind: meta.kind,
      draft: false,
      title: { vi: meta.titleVi.trim(), en: meta.titleEn.trim() || meta.titleVi.trim(), zh: orNull(meta.titleZh) },
      documentDate: orNull(meta.documentDate),
      signedDate: orNull(meta.signedDate),
      place: orNull(meta.place),
      parties: meta.parties
        .filter((party) => party.vi.trim())
        .map((party) => ({
          country: party.country,
          name: { vi: party.vi.trim(), zh: orNull(party.zh), en: party.en.trim() || party.vi.trim() },
        })),
      period: meta.periodFrom.trim() && meta.periodTo.trim() ? { from: meta.periodFrom.trim(), to: meta.periodTo.trim() } : null,
    },
    newFeatures: places.map((place) => ({
      ref: place.ref,
      kind: place.kind,
      name: { vi: place.nameVi.trim(), zh: orNull(place.nameZh), en: place.nameEn.trim() || place.nameVi.trim() },
      provinces: [place.province],
      location: { coordinates: place.coordinates, precision: place.precision, source },
    })),
    steps,
    mentions,
  };
  return { body, stepKeys, mentionKeys };
}
