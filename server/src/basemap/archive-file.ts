import { open, stat } from 'node:fs/promises';
import { PMTiles, type RangeResponse, type Source, TileType } from 'pmtiles';
import type { BasemapDescription } from '../domain/api';

/** A PMTiles archive on this server's disk, read by byte ranges as the pmtiles library asks. */
class ArchiveFile implements Source {
  constructor(private readonly path: string) {}

  getKey() {
    return this.path;
  }

  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const file = await open(this.path, 'r');
    try {
      const buffer = new Uint8Array(length);
      const { bytesRead } = await file.read(buffer, 0, length, offset);
      return { data: buffer.buffer.slice(0, bytesRead) };
    } finally {
      await file.close();
    }
  }
}

/** The archive's credit as plain text: MapLibre shows a source's attribution as HTML, so no markup passes. */
function plainAttribution(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value
    .replace(/<[^>]*>/g, '')
    .replace(/&copy;/g, '©')
    .replace(/&amp;/g, '&')
    .replace(/[<>"&]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What the client needs to draw the archive at `url`: its area, zooms and credit, read from its header and
 * metadata with the pmtiles library. Throws when the file is missing, not PMTiles v3, or holds no vector tiles.
 */
export async function describeArchive(path: string, url: string): Promise<Extract<BasemapDescription, { kind: 'pmtiles' }>> {
  const { mtimeMs } = await stat(path);
  const archive = new PMTiles(new ArchiveFile(path));
  const header = await archive.getHeader();
  if (header.tileType !== TileType.Mvt) throw new Error(`${path} holds no vector tiles (tile type ${header.tileType})`);
  const metadata = (await archive.getMetadata()) as Record<string, unknown> | null;
  return {
    kind: 'pmtiles',
    // The file's date in the URL: an archive replaced on disk is fetched again, not taken from a cache.
    url: `${url}?v=${Math.round(mtimeMs)}`,
    name: typeof metadata?.name === 'string' ? metadata.name : '',
    attribution: plainAttribution(metadata?.attribution),
    bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
    minzoom: header.minZoom,
    maxzoom: header.maxZoom,
  };
}
