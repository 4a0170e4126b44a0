/**
 * The record's tiles the maps of this page asked for. The map fetches tiles in its web worker, which the page's
 * timeline of resources does not list: on a first visit, taken over by the service worker only after the map
 * drew, these are fetched again through it (register.ts) so the map works offline from the first visit on.
 */
const MAX_NOTED = 5_000;
const noted = new Set<string>();

/** MapLibre's `transformRequest`: notes a tile's URL, changes nothing. */
export function noteTileRequest(url: string, resourceType?: string): { url: string } {
  if (resourceType === 'Tile' && noted.size < MAX_NOTED) noted.add(url);
  return { url };
}

export const notedTileRequests = (): string[] => [...noted];
