// Cut an article's text into segments at every annotation boundary, each segment knowing which
// annotations cover it, so overlapping highlights (a place inside a quote inside a sentence with a
// trigger) render as nested classes on plain text nodes. Pure; no HTML is ever built from text.

export type Kind = 'source' | 'target' | 'trigger' | 'place' | 'date' | 'quote' | 'speaker';

export interface Mark {
  start: number;
  end: number;
  kind: Kind;
  /** Shown on hover: what the span is (e.g. "source ARMGOVMIL"). */
  label: string;
  /** Index of the event this span belongs to (source/target/trigger), else -1. */
  event: number;
}

export interface Segment {
  start: number;
  end: number;
  marks: Mark[];
}

export function segments(textLength: number, marks: readonly Mark[]): Segment[] {
  const valid = marks.filter((m) => m.start >= 0 && m.end <= textLength && m.start < m.end);
  const cuts = new Set<number>([0, textLength]);
  for (const m of valid) { cuts.add(m.start); cuts.add(m.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...valid].sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  const open: Mark[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i]!, e = points[i + 1]!;
    while (next < byStart.length && byStart[next]!.start <= s) open.push(byStart[next++]!);
    for (let j = open.length - 1; j >= 0; j--) if (open[j]!.end <= s) open.splice(j, 1);
    out.push({ start: s, end: e, marks: open.filter((m) => m.start <= s && m.end >= e) });
  }
  return out;
}
