import type { ImportReadResponse } from '@domain/api';
import { describe, expect, it } from 'vitest';
import { markPieces } from './document-marks';
import { reviewKey } from './import-draft';
import { cardOrder, EMPTY_REVIEW, nextCard, type ReviewState, reviewProgress, reviewReducer, type Suggestion } from './review-state';

// A document of our own: two clauses, three suggestions, one place the record lacks.
const first = 'Hai bên đã tổ chức Lễ công bố mở cửa khẩu Cốc Nam.';
const second = 'Thống nhất mở lối thông quan Nà Hình; tiếp tục trao đổi về cửa khẩu Cốc Nam và chợ biên giới Bản Xẻ.';

function suggestion(clause: string, featureId: string, over: Partial<Suggestion> = {}): Suggestion {
  return {
    clausePath: [clause],
    featureId,
    matched: featureId,
    by: 'name',
    status: 'announced',
    level: null,
    statusWords: 'Lễ công bố',
    confidence: 'high',
    quote: 'q',
    evidence: { mention: [0, 3], cue: [4, 8], rule: 'fact' },
    check: { date: '2026-05-01', before: null, warnings: [] },
    ...over,
  };
}

const answer: ImportReadResponse = {
  text: `${first}\n${second}`,
  clauses: [
    { path: ['1'], label: { vi: 'Điểm 1', en: 'Point 1' }, text: first, start: 0, end: first.length },
    { path: ['2'], label: { vi: 'Điểm 2', en: 'Point 2' }, text: second, start: first.length + 1, end: first.length + 1 + second.length },
  ],
  suggestions: [
    [suggestion('1', 'coc-nam')],
    [
      suggestion('2', 'na-hinh', { status: 'agreed', confidence: 'high' }),
      suggestion('2', 'coc-nam', {
        status: 'agreed',
        check: { date: '2026-05-01', before: { status: 'announced', date: '2025-01-01', clauseId: 'x:1' }, warnings: ['backwards'] },
      }),
      suggestion('2', 'pairing-x', { status: null, confidence: 'low', evidence: { mention: [0, 3], cue: null, rule: 'none' } }),
    ],
  ],
  newPlaces: [
    {
      clausePath: ['2'],
      name: 'chợ biên giới Bản Xẻ',
      kind: 'market',
      level: null,
      status: null,
      statusWords: null,
      quote: 'chợ biên giới Bản Xẻ',
      key: 'ban-xe',
      evidence: { mention: [second.indexOf('chợ'), second.length - 1], cue: null, rule: 'none' },
    },
  ],
  documentDate: '2026-05-01',
};
const keys = answer.suggestions.flat().map(reviewKey);
const read = (state: ReviewState = EMPTY_REVIEW, of = answer) => reviewReducer(state, { type: 'read', answer: of });

describe('reviewing a read document', () => {
  it('starts with every suggestion undecided, its status and quote as read, and a card for the place the record lacks', () => {
    const state = read();
    expect(keys.map((key) => state.reviews[key].decision)).toEqual([null, null, null, null]);
    expect(state.reviews[keys[1]]).toMatchObject({ status: 'agreed', quote: 'q', changed: false });
    expect(state.reviews[keys[3]].status).toBe(''); // no status read: a mention only
    expect(state.places).toHaveLength(1);
    expect(state.places[0]).toMatchObject({ ref: 'place-1', nameVi: 'chợ biên giới Bản Xẻ', kind: 'market', coordinates: null });
    expect(state.places[0].evidence?.mention[0]).toBe(second.indexOf('chợ'));
  });

  it('accepts in one action only the undecided suggestions the reader is sure of and the record does not warn about', () => {
    let state = read();
    state = reviewReducer(state, { type: 'decide', key: keys[1], decision: 'reject' });
    expect(reviewProgress(answer, state)).toMatchObject({ decided: 1, total: 4, undecided: 3, confident: 1 });
    state = reviewReducer(state, { type: 'acceptConfident', answer });
    // Cốc Nam (1): sure, no warning → accepted; Nà Hình stays rejected; Cốc Nam (2) warns; the pairing is low.
    expect(keys.map((key) => state.reviews[key].decision)).toEqual(['accept', 'reject', null, null]);
    expect(reviewProgress(answer, state)).toMatchObject({ decided: 2, undecided: 2, confident: 0 });
  });

  it('a change to a suggestion accepts it as changed, and makes its card the one in hand', () => {
    const state = reviewReducer(read(), { type: 'edit', key: keys[2], change: { status: 'announced' } });
    expect(state.reviews[keys[2]]).toMatchObject({ decision: 'accept', status: 'announced', changed: true });
    expect(state.active).toBe(keys[2]);
  });

  it('reading again keeps a positioned place whose clause still names it, and never reuses a ref', () => {
    let state = read();
    state = reviewReducer(state, { type: 'updatePlace', ref: 'place-1', change: { coordinates: [106.1, 22.9] } });
    state = reviewReducer(state, { type: 'addPlace', clause: answer.clauses[0] });
    expect(state.places.map((place) => place.ref)).toEqual(['place-1', 'place-2']);
    state = reviewReducer(state, { type: 'updatePlace', ref: 'place-2', change: { nameVi: 'Pò Peo' } });
    // Read again after the first clause was reworded: place-1 kept with its position (and not offered twice);
    // place-2's clause no longer names it; the next new one is place-3.
    const reworded = { ...answer, clauses: [{ ...answer.clauses[0], text: 'Hai bên đã tổ chức Lễ công bố.' }, answer.clauses[1]] };
    state = read(state, reworded);
    expect(state.places.map((place) => [place.ref, place.coordinates])).toEqual([['place-1', [106.1, 22.9]]]);
    state = reviewReducer(state, { type: 'addPlace', clause: answer.clauses[1] });
    expect(state.places.map((place) => place.ref)).toEqual(['place-1', 'place-3']);
    expect(state.places[1].quote).toBe(second);
  });

  it('moves through the cards in the document’s order, stopping at either end', () => {
    const state = read();
    const order = cardOrder(answer, state);
    expect(order).toEqual([keys[0], keys[1], keys[2], keys[3], 'place-1']);
    expect(nextCard(order, null, 1)).toBe(keys[0]);
    expect(nextCard(order, null, -1)).toBe('place-1');
    expect(nextCard(order, keys[0], 1)).toBe(keys[1]);
    expect(nextCard(order, keys[0], -1)).toBe(keys[0]);
    expect(nextCard(order, 'place-1', 1)).toBe('place-1');
    expect(nextCard([], null, 1)).toBeNull();
  });
});

describe('the marks in a clause’s text', () => {
  it('cuts the text where any mark starts or ends, each piece knowing every card over it', () => {
    const pieces = markPieces('cửa khẩu Cốc Nam mở', [
      { start: 0, end: 16, kind: 'mention', card: 'a' },
      { start: 9, end: 19, kind: 'cue', card: 'b' },
      { start: 30, end: 40, kind: 'cue', card: 'c' }, // past the end: dropped
    ]);
    expect(pieces.map((piece) => [piece.text, piece.marks.map((mark) => `${mark.card}:${mark.kind}`)])).toEqual([
      ['cửa khẩu ', ['a:mention']],
      ['Cốc Nam', ['a:mention', 'b:cue']],
      [' mở', ['b:cue']],
    ]);
    expect(pieces.map((piece) => piece.text).join('')).toBe('cửa khẩu Cốc Nam mở');
  });
});
