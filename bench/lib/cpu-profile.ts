/** The functions that took the most self time in a V8 CPU profile (Chrome DevTools' .cpuprofile). */
type Profile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
};

const whereOf = (frame: Profile['nodes'][number]['callFrame']) =>
  `${frame.functionName || '(anonymous)'} ${frame.url.split('/').at(-1) ?? ''}:${frame.lineNumber + 1}`;

export function topSelfTime(profile: Profile, count = 15): { share: number; ms: number; where: string }[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') return;
    const where = whereOf(frame);
    self.set(where, (self.get(where) ?? 0) + delta);
    total += delta;
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([where, micros]) => ({ where, ms: Math.round(micros / 100) / 10, share: Math.round((micros / Math.max(total, 1)) * 1000) / 10 }));
}

/**
 * The functions that took the most time with what they called (each sample counted once for every function on
 * its stack): where a change's time goes, e.g. MapLibre's feature-state repaint against a tile reload.
 */
export function topTotalTime(profile: Profile, count = 15): { share: number; ms: number; where: string }[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    const leaf = byId.get(id)?.callFrame;
    if (!leaf || leaf.functionName === '(idle)' || leaf.functionName === '(program)') return;
    total += delta;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame || frame.functionName === '(root)') continue;
      const where = whereOf(frame);
      if (seen.has(where)) continue;
      seen.add(where);
      inclusive.set(where, (inclusive.get(where) ?? 0) + delta);
    }
  });
  return [...inclusive.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([where, micros]) => ({ where, ms: Math.round(micros / 100) / 10, share: Math.round((micros / Math.max(total, 1)) * 1000) / 10 }));
}
