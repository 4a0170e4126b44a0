import autocannon from 'autocannon';

export type LoadResult = {
  /** Requests per second asked for (null: as fast as the server answers). */
  targetRps: number | null;
  achievedRps: number;
  /** null when no response completed within the run. */
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  bytesPerResponse: number;
  errors: number;
  non2xx: number;
};

/**
 * Load on loopback with autocannon: `connections` keep-alive connections for `seconds`, paced to
 * `rate` requests per second in total when given.
 */
export async function load(
  url: string,
  { rate, seconds = 5, connections = 10, warmUp = true }: { rate?: number; seconds?: number; connections?: number; warmUp?: boolean },
): Promise<LoadResult> {
  // Warm up (JIT, caches) without measuring.
  if (warmUp) await autocannon({ url, connections: 2, amount: 50 });
  const result = await autocannon({ url, connections, duration: seconds, ...(rate ? { overallRate: rate } : {}) });
  const completed = result.requests.total > 0;
  return {
    targetRps: rate ?? null,
    achievedRps: Math.round(result.requests.average),
    p50Ms: completed ? result.latency.p50 : null,
    p99Ms: completed ? result.latency.p99 : null,
    maxMs: completed ? result.latency.max : null,
    bytesPerResponse: result.requests.total > 0 ? Math.round(result.throughput.total / result.requests.total) : 0,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
