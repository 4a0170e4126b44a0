/**
 * A PMTiles v3 writer for tests only (the pmtiles library reads archives, it does not write them): a header, one
 * root directory and the tiles, uncompressed, in tile-id order. Every archive it makes is read back with the
 * library's own reader by the test that makes it (test/api/own-basemap.test.ts).
 */
import { zxyToTileId } from 'pmtiles';

export type ArchiveTile = { z: number; x: number; y: number; data: Uint8Array };

export type ArchiveInfo = {
  bounds: [number, number, number, number];
  minZoom: number;
  maxZoom: number;
  metadata: Record<string, unknown>;
};

function varints(values: number[]): number[] {
  const bytes: number[] = [];
  for (let value of values) {
    while (value >= 0x80) {
      bytes.push((value % 0x80) | 0x80);
      value = Math.floor(value / 0x80);
    }
    bytes.push(value);
  }
  return bytes;
}

/** The root directory: entry count, then tile-id deltas, run lengths, lengths and offsets (0: right after the last). */
function directory(entries: { tileId: number; offset: number; length: number }[]): Uint8Array {
  let lastId = 0;
  const deltas = entries.map((entry) => {
    const delta = entry.tileId - lastId;
    lastId = entry.tileId;
    return delta;
  });
  const offsets = entries.map((entry, index) => {
    const previous = entries[index - 1];
    return previous && entry.offset === previous.offset + previous.length ? 0 : entry.offset + 1;
  });
  return Uint8Array.from(
    varints([entries.length, ...deltas, ...entries.map(() => 1), ...entries.map((entry) => entry.length), ...offsets]),
  );
}

const HEADER_BYTES = 127;

export function writePmtiles(tiles: ArchiveTile[], info: ArchiveInfo): Uint8Array {
  const sorted = tiles.map((tile) => ({ ...tile, tileId: zxyToTileId(tile.z, tile.x, tile.y) })).sort((a, b) => a.tileId - b.tileId);
  let offset = 0;
  const entries = sorted.map((tile) => {
    const entry = { tileId: tile.tileId, offset, length: tile.data.length };
    offset += tile.data.length;
    return entry;
  });
  const root = directory(entries);
  const metadata = new TextEncoder().encode(JSON.stringify(info.metadata));
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const tileDataOffset = metadataOffset + metadata.length;
  const archive = new Uint8Array(tileDataOffset + offset);
  const view = new DataView(archive.buffer);
  archive.set(new TextEncoder().encode('PMTiles'), 0);
  archive[7] = 3;
  const u64 = (at: number, value: number) => view.setBigUint64(at, BigInt(value), true);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, tileDataOffset);
  u64(48, 0);
  u64(56, tileDataOffset);
  u64(64, offset);
  u64(72, sorted.length);
  u64(80, sorted.length);
  u64(88, sorted.length);
  archive[96] = 1; // clustered
  archive[97] = 1; // internal compression: none
  archive[98] = 1; // tile compression: none
  archive[99] = 1; // tile type: MVT
  archive[100] = info.minZoom;
  archive[101] = info.maxZoom;
  const [west, south, east, north] = info.bounds;
  const e7 = (at: number, value: number) => view.setInt32(at, Math.round(value * 1e7), true);
  e7(102, west);
  e7(106, south);
  e7(110, east);
  e7(114, north);
  archive[118] = info.maxZoom;
  e7(119, (west + east) / 2);
  e7(123, (south + north) / 2);
  archive.set(root, rootOffset);
  archive.set(metadata, metadataOffset);
  let at = tileDataOffset;
  for (const tile of sorted) {
    archive.set(tile.data, at);
    at += tile.data.length;
  }
  return archive;
}
