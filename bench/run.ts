/**
 * Speed and memory of the API, reported as numbers (never asserted in tests).
 *   npm run bench            → prints a table and writes bench/results/latest.json
 * Measures: cold start of the server process (spawn → listening), and latency of the endpoints
 * a planner's map hits most, over a bounded number of loopback requests.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NO_FILTERS } from '../client/src/filters/filters';
import { indexEvents, visibleFeatures } from '../client/src/filters/visible-features';
import { toMapFeatures } from '../client/src/map/to-map-features';
import { createTestApp, projectRoot } from '../test/helpers/app';

const REQUESTS_PER_ENDPOINT = 300;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function coldStartMs(): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join('server', 'src', 'main.ts')], {
      cwd: projectRoot,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    });
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Border Atlas on')) {
        resolve(performance.now() - started);
        child.kill();
      }
    });
    child.on('exit', (code) => code && reject(new Error(`server exited ${code}`)));
  });
}

async function main() {
  const starts = [];
  for (let run = 0; run < 3; run += 1) starts.push(await coldStartMs());

  const server = createTestApp().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const endpoints = [
    '/api/features',
    '/api/features?asOf=2023-06-01&status=agreed,built',
    '/api/features?bbox=106.5,21.8,107.2,22.2&kind=gate_pair,opening',
    '/api/features/chi-ma',
    '/api/agreements/004',
  ];
  const rows = [];
  for (const endpoint of endpoints) {
    const timings: number[] = [];
    let bytes = 0;
    for (let index = 0; index < REQUESTS_PER_ENDPOINT; index += 1) {
      const started = performance.now();
      const response = await fetch(`${base}${endpoint}`);
      bytes = (await response.arrayBuffer()).byteLength;
      timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    rows.push({ endpoint, p50Ms: +percentile(timings, 50).toFixed(2), p95Ms: +percentile(timings, 95).toFixed(2), bytes });
  }
  // The client's one pure step on every slider move: record → visible features → map GeoJSON.
  const [features, events, provinces] = await Promise.all(
    ['/api/features', '/api/events', '/api/provinces'].map(async (path) => (await fetch(`${base}${path}`)).json()),
  );
  const index = { eventsByFeature: indexEvents(events), provinces };
  const dates = Array.from({ length: 200 }, (_, day) => new Date(Date.UTC(2022, 0, 1) + day * 8 * 86_400_000).toISOString().slice(0, 10));
  const recomputeStarted = performance.now();
  for (const asOf of dates)
    toMapFeatures({ type: 'FeatureCollection', features: visibleFeatures(features, index, { ...NO_FILTERS, asOf }, '2026-11-23') });
  const recomputeMs = (performance.now() - recomputeStarted) / dates.length;
  server.close();
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    coldStartMs: starts.map((ms) => Math.round(ms)),
    rssMb: Math.round(process.memoryUsage().rss / 1e6),
    /** Time to recompute what the map shows for one date (time slider step); a frame is 16.7 ms. */
    sliderRecomputeMs: +recomputeMs.toFixed(3),
    endpoints: rows,
  };
  console.table(rows);
  console.log(`time-slider recompute per date: ${result.sliderRecomputeMs} ms (one frame = 16.7 ms)`);
  console.log(`cold start (spawn → listening): ${result.coldStartMs.join(', ')} ms; bench process RSS ${result.rssMb} MB`);
  mkdirSync(join(projectRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(join(projectRoot, 'bench', 'results', 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
}

await main();
