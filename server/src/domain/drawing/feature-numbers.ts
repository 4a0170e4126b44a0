/**
 * Each drawn feature's number (`fid` in the map's tiles and in GET /api/map/states): the map keeps its feature
 * state — the state on the date, filtered out, selected — by it (MapLibre `promoteId`). A number, because MapLibre
 * hashes a text id again for every changed feature in every layer of every tile it holds: with thousands of
 * features flipped by a filter that hashing was most of the change's time (bench, 10 000 features). It keeps the
 * state under the id as text and reads it back as a number each time, which V8 does at once for a text of up to 7
 * digits (it caches such an index) and slowly for a longer one: the numbers stay below 10 000 000.
 *
 * The number comes from the id (a hash), so it stays the same from one revision of the record to the next: tiles
 * and states of two revisions, briefly side by side in a browser, agree on the features they share (but for the
 * rare id whose number a new id, earlier in id order, takes). Numbers are even: a point's link to where the record
 * puts it when drawn apart from others at its spot (server map/spread-stacks.ts) is the point's number + 1
 * (`linkNumber`).
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

/** Even numbers below this: 7 digits with the link's + 1 (for up to 1 000 000 drawn features; more take 8 digits or more). */
const SLOTS = 5_000_000;

/** The even number for `id` from its `seed`-th hash, among `slots` of them. */
const numberFor = (id: string, seed: number, slots: number) => 2 * (hash53(id, seed) % slots);

/**
 * Every id's number. Two ids hashing alike (a few hundred of 100 000) are told apart the same way every time: in
 * id order, the later one takes its next hash. At least 5 slots per id, so a free one is soon found.
 */
export function featureNumbers(ids: Iterable<string>, numbered?: (id: string, seed: number) => number): Map<string, number> {
  const sorted = [...new Set(ids)].sort();
  const slots = Math.max(SLOTS, 5 * sorted.length);
  const numberOf = numbered ?? ((id: string, seed: number) => numberFor(id, seed, slots));
  const numbers = new Map<string, number>();
  const taken = new Set<number>();
  for (const id of sorted) {
    let seed = 0;
    let number = numberOf(id, seed);
    while (taken.has(number)) {
      seed += 1;
      number = numberOf(id, seed);
    }
    taken.add(number);
    numbers.set(id, number);
  }
  return numbers;
}

/** The number of a point's link to where the record puts it (`<id>#spread`), from the point's number. */
export const linkNumber = (pointNumber: number) => pointNumber + 1;
