import { describe, expect, it } from 'vitest';
import { arcBetween } from './arc';

describe('arcBetween', () => {
  it('starts and ends at the two places and bows to one side', () => {
    const arc = arcBetween([105, 21], [106, 21], { segments: 2 });
    expect(arc).toEqual([
      [105, 21],
      [105.5, 21.1],
      [106, 21],
    ]);
  });

  it('keeps its ends exact for any number of segments', () => {
    const arc = arcBetween([103.0169, 21.3856], [100.975, 22.7308]);
    expect(arc[0]).toEqual([103.0169, 21.3856]);
    expect(arc.at(-1)?.[0]).toBeCloseTo(100.975, 10);
    expect(arc.at(-1)?.[1]).toBeCloseTo(22.7308, 10);
    expect(arc).toHaveLength(25);
  });
});
