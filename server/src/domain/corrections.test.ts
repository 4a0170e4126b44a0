import { describe, expect, it } from 'vitest';
import { commitmentsOf } from './commitments';
import { correctionOf, effectiveSteps, keyOf } from './corrections';
import { featureStateAsOf } from './feature-state';
import type { StatusEvent } from './schemas';

const step = (date: string, status: StatusEvent['status'], clauseId: string, extra: Partial<StatusEvent> = {}): StatusEvent => ({
  featureId: 'gate',
  date,
  status,
  level: 'bilateral',
  evidence: 'stated',
  agreementId: clauseId.split(':')[0],
  clauseId,
  quote: 'words',
  ...extra,
});

const misread = step('2023-02-22', 'operating', '004:3');
const proposed = step('2022-03-17', 'proposed', '001:4');
const correction = step('2023-02-22', 'agreed', '004:3', {
  corrects: keyOf(misread),
  note: 'The minutes agree to open it; it was not yet operating.',
});

describe('corrections', () => {
  it('a corrected step no longer counts: the state is read from the correction, on every date', () => {
    expect(featureStateAsOf([proposed, misread], '2024-01-01').status).toBe('operating');
    expect(featureStateAsOf([proposed, misread, correction], '2024-01-01').status).toBe('agreed');
    expect(featureStateAsOf([proposed, misread, correction], '2022-12-31').status).toBe('proposed');
    expect(commitmentsOf([proposed, misread, correction]).flatMap((c) => c.events)).not.toContainEqual(misread);
  });

  it('keeps every step in the record, and says which corrects which', () => {
    const steps = [proposed, misread, correction];
    expect(effectiveSteps(steps)).toEqual([proposed, correction]);
    expect(correctionOf(steps, 1)).toEqual(keyOf(correction));
    expect(correctionOf(steps, 0)).toBeNull();
    expect(correctionOf(steps, 2)).toBeNull();
  });

  it('a correction can itself be corrected; a correction naming no step of the feature changes nothing', () => {
    const again = step('2023-02-22', 'proposed', '004:3', { corrects: keyOf(correction), note: 'Only proposed.' });
    expect(featureStateAsOf([proposed, misread, correction, again], '2024-01-01').status).toBe('proposed');
    const stray = step('2023-02-22', 'agreed', '004:3', { corrects: { ...keyOf(misread), clauseId: '004:9' }, note: 'x' });
    expect(effectiveSteps([proposed, misread, stray])).toHaveLength(3);
  });

  it('does not depend on the order steps are listed in (an export writes them per agreement)', () => {
    expect(effectiveSteps([correction, proposed, misread])).toEqual([correction, proposed]);
    expect(correctionOf([correction, proposed, misread], 2)).toEqual(keyOf(correction));
    expect(featureStateAsOf([correction, proposed, misread], '2024-01-01').status).toBe('agreed');
  });

  it('corrects one of several subject steps a clause carries alike (the survey, not the control points)', () => {
    const survey = step('2024-07-09', 'proposed', '000-cn:4', { level: null, subject: { vi: 'Khảo sát', en: 'Joint field survey' } });
    const controls = step('2024-07-09', 'proposed', '000-cn:4', { level: null, subject: { vi: 'Điểm kiểm soát', en: 'Control points' } });
    const fix = step('2024-07-09', 'agreed', '000-cn:4', { level: null, subject: survey.subject, corrects: keyOf(survey), note: 'x' });
    expect(effectiveSteps([survey, controls, fix])).toEqual([controls, fix]);
    // An older correction, whose key names no subject, still finds its step.
    const { subject: _subject, ...older } = keyOf(misread);
    expect(effectiveSteps([misread, step('2023-02-22', 'agreed', '004:3', { corrects: older, note: 'y' })])).toHaveLength(1);
  });

  it('counts a correction that keeps the status and level (it corrects the evidence), in place of the step', () => {
    // A correction of the evidence alone names a step just like itself: it replaces that step, still counts, and
    // is corrected by nothing (the panel would otherwise call it corrected by itself).
    const implied = step('2023-02-22', 'agreed', '004:3', { evidence: 'implied' });
    const stated = step('2023-02-22', 'agreed', '004:3', { corrects: keyOf(implied), note: 'The minutes say so.' });
    const steps = [proposed, implied, stated];
    expect(effectiveSteps(steps)).toEqual([proposed, stated]);
    expect(featureStateAsOf(steps, '2024-01-01').status).toBe('agreed');
    expect(correctionOf(steps, 1)).toEqual(keyOf(stated));
    expect(correctionOf(steps, 2)).toBeNull();
  });

  it('leaves the record as it is when nothing is corrected (the same array)', () => {
    const steps = [proposed, misread];
    expect(effectiveSteps(steps)).toBe(steps);
  });
});
