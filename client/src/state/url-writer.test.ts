import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUrlWriter, type UrlTarget } from './url-writer';

/** An address bar and its history: the entries and the calls that made them. */
function addressBar(search = '') {
  const entries = [search];
  let index = 0;
  const calls: string[] = [];
  const location = { pathname: '/', search, hash: '' };
  const target: UrlTarget = {
    location,
    history: {
      pushState: (_data, _unused, url) => {
        calls.push(`push ${url}`);
        entries.splice(index + 1, entries.length, url.slice(1));
        index += 1;
        location.search = entries[index];
      },
      replaceState: (_data, _unused, url) => {
        calls.push(`replace ${url}`);
        entries[index] = url.slice(1);
        location.search = entries[index];
      },
    },
  };
  return { target, entries, calls, location };
}

describe('the address bar follows the screen without slowing an input', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes a scrub through the years once, with its last date, when the slider stops', () => {
    const bar = addressBar('?asOf=2024-01-01');
    const writer = createUrlWriter(bar.target, 250);
    for (const year of [2023, 2022, 2021, 2020]) {
      writer.write(`?asOf=${year}-01-01`, 'replace');
      vi.advanceTimersByTime(100);
    }
    expect(bar.calls).toEqual([]);
    vi.advanceTimersByTime(250);
    expect(bar.calls).toEqual(['replace /?asOf=2020-01-01']);
    expect(bar.entries).toEqual(['?asOf=2020-01-01']);
  });

  it('pushes a selection at once, after writing the waiting date into the entry being left', () => {
    const bar = addressBar('?asOf=2024-01-01');
    const writer = createUrlWriter(bar.target, 250);
    writer.write('?asOf=2020-01-01', 'replace');
    writer.write('?asOf=2020-01-01&feature=huu-nghi', 'push');
    expect(bar.entries).toEqual(['?asOf=2020-01-01', '?asOf=2020-01-01&feature=huu-nghi']);
    vi.advanceTimersByTime(1000);
    expect(bar.calls).toHaveLength(2);
  });

  it('drops a waiting date when the planner goes back (the entry gone back to wins)', () => {
    const bar = addressBar('?feature=a');
    const writer = createUrlWriter(bar.target, 250);
    writer.write('?feature=a&asOf=2020-01-01', 'replace');
    writer.cancel();
    vi.advanceTimersByTime(1000);
    expect(bar.calls).toEqual([]);
  });

  it('writes a waiting date at once when the page is left, and nothing when the URL already says it', () => {
    const bar = addressBar('?asOf=2024-01-01');
    const writer = createUrlWriter(bar.target, 250);
    writer.write('?asOf=2024-01-01', 'replace');
    writer.flush();
    expect(bar.calls).toEqual([]);
    writer.write('?asOf=2019-05-01', 'replace');
    writer.flush();
    expect(bar.calls).toEqual(['replace /?asOf=2019-05-01']);
  });
});
