import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../../test/helpers/app';
import { featureStateAsOf } from './feature-state';

const step = (date: string, status: string, level: string | null, agreementId = date.slice(0, 4)) =>
  ({ date, status, level, agreementId }) as never;

describe('featureStateAsOf', () => {
  it('is unknown before anything is recorded', () => {
    expect(featureStateAsOf([])).toEqual({ status: 'unknown', level: null, upgrade: null, since: null, reportedIn: null });
    expect(featureStateAsOf([step('2023-02-22', 'agreed', 'bilateral')], '2022-12-31').status).toBe('unknown');
  });

  it('follows the latest step of a gate that is not yet operating', () => {
    const events = deepFreeze([step('2022-03-17', 'proposed', 'bilateral'), step('2023-02-22', 'agreed', 'bilateral')]);
    expect(featureStateAsOf(events)).toEqual({
      status: 'agreed',
      level: 'bilateral',
      upgrade: null,
      since: '2023-02-22',
      reportedIn: '2023',
    });
    expect(featureStateAsOf(events, '2022-06-01').status).toBe('proposed');
    // As of 2022 the status is as reported by the 2022 document; a 2023 step does not date it yet.
    expect(featureStateAsOf(events, '2022-06-01')).toMatchObject({ since: '2022-03-17', reportedIn: '2022' });
  });

  it('keeps an operating gate operating at its level while an upgrade is pending', () => {
    const events = deepFreeze([step('2023-02-22', 'operating', 'bilateral'), step('2023-02-22', 'proposed', 'international')]);
    expect(featureStateAsOf(events)).toEqual({
      status: 'operating',
      level: 'bilateral',
      upgrade: { level: 'international', status: 'proposed' },
      since: '2023-02-22',
      reportedIn: '2023',
    });
  });

  it('ends the upgrade once the higher level operates', () => {
    const events = [
      step('2023-02-22', 'operating', 'bilateral'),
      step('2023-02-22', 'built', 'international'),
      step('2023-12-28', 'operating', 'international'),
    ];
    expect(featureStateAsOf(events)).toMatchObject({ status: 'operating', level: 'international', upgrade: null });
    expect(featureStateAsOf(events, '2023-06-01').upgrade).toEqual({ level: 'international', status: 'built' });
  });

  it('treats any levelled step above an operating gate of unstated level as its upgrade', () => {
    const events = [step('2023-02-22', 'operating', null), step('2023-02-22', 'built', 'international')];
    expect(featureStateAsOf(events)).toMatchObject({
      status: 'operating',
      level: null,
      upgrade: { level: 'international', status: 'built' },
    });
  });

  it('counts a step from its own date on', () => {
    const events = [step('2022-03-17', 'proposed', 'bilateral'), step('2023-02-22', 'agreed', 'bilateral')];
    expect(featureStateAsOf(events, '2023-02-21').status).toBe('proposed');
    expect(featureStateAsOf(events, '2023-02-22')).toMatchObject({ status: 'agreed', since: '2023-02-22' });
  });

  it('gives no level (null) to a gate whose steps name none', () => {
    expect(featureStateAsOf([step('2023-02-22', 'agreed', null)])).toEqual({
      status: 'agreed',
      level: null,
      upgrade: null,
      since: '2023-02-22',
      reportedIn: '2023',
    });
  });

  it('orders by date, not by position in the record', () => {
    const events = [step('2024-08-22', 'operating', 'opening'), step('2023-02-22', 'agreed', 'opening')];
    expect(featureStateAsOf(events)).toMatchObject({ status: 'operating', since: '2024-08-22' });
  });
});
