/**
 * An office's own tile server on loopback, for tests of BORDER_ATLAS_BASEMAP_STYLE_URL: a MapLibre style at
 * /style.json whose one vector source is this server's /tiles/{z}/{x}/{y}.pbf, cut on demand from our own basemap
 * in the Protomaps schema (basemap-archive.ts), drawn in colours no Border Atlas layer uses. CORS open, as tile
 * servers answer.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basemapTileCutter } from './basemap-archive';

/** The style's colours: its land, rivers and boundaries, distinct from the embedded basemap's. */
export const OFFICE_COLOURS = { land: '#f2c14e', water: '#1565c0', boundaries: '#8e24aa' } as const;
export const OFFICE_ATTRIBUTION = 'Office tile server (test)';
const MAX_ZOOM = 14;

function officeStyle(origin: string) {
  return {
    version: 8,
    name: 'Office basemap',
    sources: {
      office: {
        type: 'vector',
        tiles: [`${origin}/tiles/{z}/{x}/{y}.pbf`],
        minzoom: 0,
        maxzoom: MAX_ZOOM,
        attribution: `<a href="${origin}/">${OFFICE_ATTRIBUTION}</a>`,
      },
    },
    layers: [
      // An office style's own background: never drawn over the embedded basemap outside the office's tiles.
      { id: 'background', type: 'background', paint: { 'background-color': '#000000' } },
      { id: 'land', type: 'fill', source: 'office', 'source-layer': 'earth', paint: { 'fill-color': OFFICE_COLOURS.land } },
      {
        id: 'rivers',
        type: 'line',
        source: 'office',
        'source-layer': 'water',
        paint: { 'line-color': OFFICE_COLOURS.water, 'line-width': 5 },
      },
      {
        id: 'boundaries',
        type: 'line',
        source: 'office',
        'source-layer': 'boundaries',
        paint: { 'line-color': OFFICE_COLOURS.boundaries, 'line-width': 4 },
      },
    ],
  };
}

export type OfficeTileServer = {
  origin: string;
  styleUrl: string;
  /** Every request's path, in order. */
  requests: string[];
  /** From now on tiles are answered 500 (the style still is): a tile server that broke. */
  failTiles(): void;
  /** From now on nothing is answered at all (connections are taken, never answered): a server that hangs. */
  hang(): void;
  close(): Promise<void>;
};

export async function startOfficeTileServer(): Promise<OfficeTileServer> {
  const cut = basemapTileCutter(MAX_ZOOM);
  const requests: string[] = [];
  let tilesFail = false;
  let hanging = false;
  let origin = '';
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', origin).pathname;
    requests.push(path);
    if (hanging) return;
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Cache-Control', 'no-store');
    if (request.method !== 'GET') {
      response.writeHead(405).end();
      return;
    }
    if (path === '/style.json') {
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(officeStyle(origin)));
      return;
    }
    const tile = /^\/tiles\/(\d+)\/(\d+)\/(\d+)\.pbf$/.exec(path);
    if (!tile) {
      response.writeHead(404).end();
      return;
    }
    if (tilesFail) {
      response.writeHead(500, { 'Content-Type': 'text/plain' }).end('tile server failing');
      return;
    }
    const [z, x, y] = tile.slice(1).map(Number) as [number, number, number];
    const data = z <= MAX_ZOOM ? cut(z, x, y) : null;
    // An empty tile where the basemap has nothing, as tile servers answer (204 would do as well).
    response.writeHead(200, { 'Content-Type': 'application/x-protobuf' }).end(data ?? new Uint8Array());
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    styleUrl: `${origin}/style.json`,
    requests,
    failTiles: () => {
      tilesFail = true;
    },
    hang: () => {
      hanging = true;
    },
    close: () =>
      new Promise((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
