// Reading a V8 .cpuprofile (what `node --cpu-prof` writes): self time per function, summed over all
// nodes of the call tree that name the same function and location.

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  /** Microseconds since the previous sample, parallel to samples. */
  timeDeltas?: number[];
}

export interface SelfTime {
  /** "name (file:line)". */
  name: string;
  /** Self time in milliseconds. */
  ms: number;
  /** Share of all sampled time. */
  share: number;
}

function label(n: CpuProfileNode): string {
  const f = n.callFrame;
  const name = f.functionName || '(anonymous)';
  if (!f.url) return name;
  const path = f.url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('/node_modules/');
  const dist = path.lastIndexOf('/dist/');
  const file = nm >= 0 ? path.slice(nm + 1) : dist >= 0 ? path.slice(dist + 1) : path;
  return `${name} (${file}:${f.lineNumber + 1})`;
}

/**
 * The `top` functions by self time. Sample i is charged timeDeltas[i+1] (the time until the next
 * sample), the last sample nothing; without samples, hitCount × the mean interval is used.
 */
export function topSelfTime(profile: CpuProfile, top = 15): SelfTime[] {
  const byId = new Map<number, CpuProfileNode>();
  for (const n of profile.nodes) byId.set(n.id, n);
  const selfUs = new Map<string, number>();
  const add = (n: CpuProfileNode | undefined, us: number) => {
    if (!n || us <= 0) return;
    const k = label(n);
    selfUs.set(k, (selfUs.get(k) ?? 0) + us);
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  if (samples.length > 0 && deltas.length === samples.length) {
    for (let i = 0; i < samples.length - 1; i++) add(byId.get(samples[i]), deltas[i + 1]);
  } else {
    const hits = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
    const interval = hits ? (profile.endTime - profile.startTime) / hits : 0;
    for (const n of profile.nodes) add(n, (n.hitCount ?? 0) * interval);
  }
  let total = 0;
  for (const v of selfUs.values()) total += v;
  return [...selfUs.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, top)
    .map(([name, us]) => ({ name, ms: us / 1000, share: total ? us / total : 0 }));
}
