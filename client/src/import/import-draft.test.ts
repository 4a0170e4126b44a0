import type { ImportReadResponse } from '@domain/api';
import { describe, expect, it } from 'vitest';
import { importRequest, initialReviews, type Metadata, reviewKey } from './import-draft';

// A clause of our own that sets a deadline.
const clause = 'Hai bên thống nhất thúc đẩy mở chính thức cửa khẩu X trong năm 2028.';
const suggestion: ImportReadResponse['suggestions'][number][number] = {
  clausePath: ['1'],
  featureId: 'x',
  matched: 'cửa khẩu X',
  by: 'name',
  status: 'agreed',
  level: 'bilateral',
  statusWords: 'thống nhất',
  confidence: 'high',
  quote: clause,
  evidence: { mention: [0, 3], cue: [4, 8], rule: 'goal' },
  target: { by: '2028', cue: 'Hai bên thống nhất thúc đẩy mở chính thức cửa khẩu X trong năm 2028', reach: 'operating' },
};
const read: ImportReadResponse = {
  text: clause,
  clauses: [{ path: ['1'], label: { vi: 'Điểm 1', en: 'Point 1' }, text: clause, start: 0, end: clause.length }],
  suggestions: [[suggestion]],
  newPlaces: [],
  notFeatures: [],
} as unknown as ImportReadResponse;
const meta = {
  kind: 'minutes',
  titleVi: 'T',
  titleEn: '',
  titleZh: '',
  documentDate: '2027-01-05',
  signedDate: '',
  place: '',
  parties: [],
  periodFrom: '',
  periodTo: '',
} as unknown as Metadata;

describe('a deadline the reader found, recorded with its step', () => {
  it('goes with the accepted step unless the editor unticks it', () => {
    const reviews = initialReviews(read);
    const key = reviewKey(suggestion);
    expect(reviews[key].target).toEqual({ by: '2028', cue: suggestion.target?.cue, reach: 'operating' });
    const accepted = { ...reviews, [key]: { ...reviews[key], decision: 'accept' as const } };
    expect(importRequest(clause, meta, read, accepted, [], 's').body.steps).toEqual([
      expect.objectContaining({ status: 'agreed', target: { by: '2028', cue: suggestion.target?.cue, reach: 'operating' } }),
    ]);
    const unticked = { ...accepted, [key]: { ...accepted[key], target: null } };
    expect(importRequest(clause, meta, read, unticked, [], 's').body.steps).toEqual([
      expect.not.objectContaining({ target: expect.anything() }),
    ]);
  });

  it('is not kept when the reader could not tell what it aims at', () => {
    const vague = { ...read, suggestions: [[{ ...suggestion, target: { ...suggestion.target, reach: null } }]] } as ImportReadResponse;
    expect(initialReviews(vague)[reviewKey(suggestion)].target).toBeNull();
  });
});
