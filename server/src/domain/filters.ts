import type { KindId, StatusId } from './vocabulary';

/** What the planner has narrowed the map to. Empty lists mean "all". */
export type Filters = {
  /** Show the record as of this date (YYYY-MM-DD); null = as of the latest step. */
  asOf: string | null;
  kinds: KindId[];
  statuses: StatusId[];
  agreements: string[];
  /** Province codes as of `asOf` (so "VN-07" after 1 July 2025 includes former Hà Giang). */
  provinces: string[];
  /** Only features with a commitment restated without progress for over two years. */
  stalled: boolean;
};

export const NO_FILTERS: Filters = { asOf: null, kinds: [], statuses: [], agreements: [], provinces: [], stalled: false };
