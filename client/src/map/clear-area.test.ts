import { describe, expect, it } from 'vitest';
import { widestGap } from './clear-area';

describe('the band of the map left clear by what lies over it', () => {
  it('is the widest stretch between overlays, wherever they are', () => {
    // A phone: the legend at the top, the slider above the sheet, the sheet at the bottom.
    expect(
      widestGap(
        [
          [10, 70],
          [330, 375],
          [420, 760],
        ],
        760,
      ),
    ).toEqual({ start: 70, end: 330 });
    // A laptop: the legend and the card overlap at the top, the slider at the bottom.
    expect(
      widestGap(
        [
          [10, 170],
          [0, 120],
          [700, 790],
        ],
        800,
      ),
    ).toEqual({ start: 170, end: 700 });
    expect(widestGap([], 500)).toEqual({ start: 0, end: 500 });
  });
});
