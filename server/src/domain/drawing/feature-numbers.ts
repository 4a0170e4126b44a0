/**
 * Each drawn feature's number (`fid` in the map's tiles and in GET /api/map/states): the map keeps its feature
 * state — the state on the date, filtered out, selected — by it (MapLibre `promoteId`). A number, because MapLibre
 * hashes a text id again for every changed feature in every layer of every tile it holds: with thousands of
 * features flipped by a filter that hashing was most of the change's time (bench, 10 000 features).
 *
 * The number comes from the id alone (a 52-bit hash, doubled), so it stays the same from one revision of the record
 * to the next: tiles and states of two revisions, briefly side by side in a browser, still agree on every feature
 * they share. Numbers are even: a point's link to where the record puts it when drawn apart from others at its spot
 * (server map/spread-stacks.ts) is the point's number + 1 (`linkNumber`).
 */

/** cyrb53 (public domain): a fast, well-spread hash of a text, to 53 bits; `seed` gives another one. */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (0x1fffff & h2) + (h1 >>> 0);
}

/** The even number below 2^53 for `id`, from the `seed`-th hash. */
const numberFor = (id: string, seed: number) => Math.floor(hash53(id, seed) / 2) * 2;

/**
 * Every id's number. Two ids hashing alike (about one chance in a hundred million at 100 000 features) are told
 * apart the same way every time: in id order, the later one takes its next hash.
 */
export function featureNumbers(ids: Iterable<string>, numbered: (id: string, seed: number) => number = numberFor): Map<string, number> {
  const numbers = new Map<string, number>();
  const taken = new Set<number>();
  for (const id of [...new Set(ids)].sort()) {
    let seed = 0;
    let number = numbered(id, seed);
    while (taken.has(number)) {
      seed += 1;
      number = numbered(id, seed);
    }
    taken.add(number);
    numbers.set(id, number);
  }
  return numbers;
}

/** The number of a point's link to where the record puts it (`<id>#spread`), from the point's number. */
export const linkNumber = (pointNumber: number) => pointNumber + 1;
