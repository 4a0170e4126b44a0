import type { ImportReadResponse } from '@domain/api';
import { NEW_PLACE_KINDS } from '@domain/request-bodies';
import { initialReviews, type NewPlace, type Review, reviewKey } from './import-draft';

type Clause = ImportReadResponse['clauses'][number];
export type Suggestion = ImportReadResponse['suggestions'][number][number];

/** The whole review of one read document: the editor's decision on every suggestion, the new places, the card in hand. */
export type ReviewState = {
  reviews: Record<string, Review>;
  places: NewPlace[];
  /** New places' refs are never reused, even after one is removed. */
  placeCount: number;
  /** The card the editor is on (a suggestion's key or a place's ref): its words are marked in the document. */
  active: string | null;
};

export const EMPTY_REVIEW: ReviewState = { reviews: {}, places: [], placeCount: 0, active: null };

export type ReviewAction =
  /** A document was read (again): every suggestion undecided; placed places kept where their clause still names them. */
  | { type: 'read'; answer: ImportReadResponse }
  | { type: 'decide'; key: string; decision: 'accept' | 'reject' }
  /** A rejected suggestion opened again, undecided, to be changed. */
  | { type: 'reopen'; key: string }
  /** A change to the suggested status, level or quote: the suggestion is accepted as changed. */
  | { type: 'edit'; key: string; change: Partial<Pick<Review, 'status' | 'level' | 'quote' | 'target'>> }
  /** Every undecided high-confidence suggestion with no warning against the record, accepted at once. */
  | { type: 'acceptConfident'; answer: ImportReadResponse }
  | { type: 'addPlace'; clause: Clause }
  | { type: 'updatePlace'; ref: string; change: Partial<NewPlace> }
  | { type: 'removePlace'; ref: string }
  | { type: 'focus'; key: string | null };

/** Accepted in one action: the reader is sure (a name and a cue it knows) and the record raises no warning. */
export const isConfident = (suggestion: Suggestion) => suggestion.confidence === 'high' && (suggestion.check?.warnings.length ?? 0) === 0;

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case 'read': {
      let placeCount = state.placeCount;
      const { answer } = action;
      const kept = state.places.filter((place) =>
        answer.clauses.some((clause) => clause.path.join('.') === place.clausePath.join('.') && clause.text.includes(place.nameVi.trim())),
      );
      // The places the reader found that the record lacks come as cards of their own, to be placed on the map.
      const found = answer.newPlaces
        .filter((place) => (NEW_PLACE_KINDS as readonly string[]).includes(place.kind) && !kept.some((p) => p.nameVi === place.name))
        .map((place): NewPlace => {
          placeCount += 1;
          return {
            ref: `place-${placeCount}`,
            clausePath: place.clausePath,
            nameVi: place.name,
            nameZh: '',
            nameEn: '',
            kind: place.kind,
            province: '',
            precision: '5km',
            coordinates: null,
            status: place.status && place.status !== 'unknown' ? place.status : '',
            level: place.level ?? '',
            quote: place.quote,
            evidence: { mention: place.evidence.mention, cue: place.evidence.cue },
          };
        });
      return { reviews: initialReviews(answer), places: [...kept, ...found], placeCount, active: null };
    }
    case 'decide': {
      const before = state.reviews[action.key];
      if (!before) return state;
      return { ...state, active: action.key, reviews: { ...state.reviews, [action.key]: { ...before, decision: action.decision } } };
    }
    case 'reopen': {
      const before = state.reviews[action.key];
      if (!before) return state;
      return { ...state, active: action.key, reviews: { ...state.reviews, [action.key]: { ...before, decision: null } } };
    }
    case 'edit': {
      const before = state.reviews[action.key];
      if (!before) return state;
      return {
        ...state,
        active: action.key,
        reviews: { ...state.reviews, [action.key]: { ...before, ...action.change, changed: true, decision: 'accept' } },
      };
    }
    case 'acceptConfident': {
      const reviews = { ...state.reviews };
      for (const suggestion of action.answer.suggestions.flat()) {
        const key = reviewKey(suggestion);
        if (reviews[key]?.decision === null && isConfident(suggestion)) reviews[key] = { ...reviews[key], decision: 'accept' };
      }
      return { ...state, reviews };
    }
    case 'addPlace': {
      const placeCount = state.placeCount + 1;
      const ref = `place-${placeCount}`;
      const place: NewPlace = {
        ref,
        clausePath: action.clause.path,
        nameVi: '',
        nameZh: '',
        nameEn: '',
        kind: 'channel',
        province: '',
        precision: '5km',
        coordinates: null,
        status: '',
        level: '',
        quote: action.clause.text.replace(/^(?:\(\d+\)|\d+\.|[a-zđ]\))\s+/u, ''),
      };
      return { ...state, placeCount, places: [...state.places, place], active: ref };
    }
    case 'updatePlace':
      return { ...state, places: state.places.map((place) => (place.ref === action.ref ? { ...place, ...action.change } : place)) };
    case 'removePlace':
      return {
        ...state,
        places: state.places.filter((place) => place.ref !== action.ref),
        active: state.active === action.ref ? null : state.active,
      };
    case 'focus':
      return state.active === action.key ? state : { ...state, active: action.key };
  }
}

/** The cards in the document's order: per clause its suggestions, then its new places. */
export function cardOrder(answer: ImportReadResponse, state: ReviewState): string[] {
  return answer.clauses.flatMap((clause, index) => [
    ...answer.suggestions[index].map(reviewKey).filter((key) => key in state.reviews),
    ...state.places.filter((place) => place.clausePath.join('.') === clause.path.join('.')).map((place) => place.ref),
  ]);
}

/** How far the review is: suggestions decided of all, and how many the one action would accept. */
export function reviewProgress(answer: ImportReadResponse, state: ReviewState) {
  const suggestions = answer.suggestions.flat();
  const decided = suggestions.filter((s) => state.reviews[reviewKey(s)]?.decision != null).length;
  const confident = suggestions.filter((s) => state.reviews[reviewKey(s)]?.decision === null && isConfident(s)).length;
  return { decided, total: suggestions.length, undecided: suggestions.length - decided, confident };
}

/** The card `step` cards from `from` in the document's order (the first or the last when none is in hand). */
export function nextCard(order: readonly string[], from: string | null, step: 1 | -1): string | null {
  if (order.length === 0) return null;
  const at = from === null ? -1 : order.indexOf(from);
  if (at === -1) return step === 1 ? order[0] : order[order.length - 1];
  return order[Math.min(order.length - 1, Math.max(0, at + step))];
}
