import { KIND_IDS, type KindId } from '../domain/vocabulary';

export type OgcCollection = { id: string; kinds: readonly KindId[]; title: string; description: string };

/** The record published as OGC API – Features collections, one per kind of thing (every kind in one). */
export const OGC_COLLECTIONS: readonly OgcCollection[] = [
  {
    id: 'gates',
    kinds: ['gate_pair'],
    title: 'Cặp cửa khẩu / Border gate pairs',
    description:
      'Vietnamese–Chinese and Vietnamese–Lao border gate pairs (international, bilateral), with their status and level as of the date asked and the clauses behind them.',
  },
  {
    id: 'channels-openings',
    kinds: ['channel', 'opening', 'special_road'],
    title: 'Lối thông quan, lối mở, đường chuyên dụng / Clearance channels, border openings, dedicated freight roads',
    description: 'Crossings below gate level: clearance channels of a gate pair, border openings and dedicated freight roads.',
  },
  {
    id: 'markets',
    kinds: ['market'],
    title: 'Chợ biên giới / Border markets',
    description: 'Border markets named in the documents.',
  },
  {
    id: 'markers',
    kinds: ['marker'],
    title: 'Mốc biên giới / Boundary markers',
    description: 'Boundary markers the documents name (e.g. mốc 1088/2); markers have no status.',
  },
  {
    id: 'routes',
    kinds: ['route'],
    title: 'Tuyến vận tải / Routes',
    description:
      'Passenger and freight routes through the border, drawn through their places in order (schematic: not road geometry), with their length in km.',
  },
  {
    id: 'pairings',
    // The id stays 'pairings' (clients hold it); since issue 16 it also holds the province-level
    // cooperation mechanisms, which the documents never call "kết nghĩa".
    kinds: ['pairing', 'cooperation'],
    title: 'Kết nghĩa, cơ chế hợp tác / Pairings and cooperation mechanisms',
    description:
      'Sister communes and districts (kind pairing) and province-level cooperation mechanisms (kind cooperation: Spring meeting, Joint Working Committee, annual conference), drawn as a line between the two ends.',
  },
  {
    id: 'zones',
    kinds: ['zone'],
    title: 'Khu hợp tác / Cooperation zones',
    description: 'Economic and cooperation zones at the border; the point is where the documents place them, not an extent.',
  },
  {
    id: 'bridges',
    kinds: ['bridge'],
    title: 'Cầu biên giới / Border bridges',
    description: 'Bridges across border rivers.',
  },
  {
    id: 'regional-commitments',
    kinds: ['programme'],
    title: 'Cam kết chung (không nêu địa điểm) / Regional commitments (no place named)',
    description:
      'Commitments the documents make for the border region without naming a place (a pilot smart gate, cross-border industrial parks, modern agricultural zones): items without geometry, never placed at a guessed point.',
  },
];

// Every kind is published in exactly one collection.
for (const kind of KIND_IDS) {
  if (OGC_COLLECTIONS.filter((collection) => collection.kinds.includes(kind)).length !== 1)
    throw new Error(`kind ${kind} must be in exactly one OGC collection`);
}
