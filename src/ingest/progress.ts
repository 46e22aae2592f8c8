// The progress line on a terminal: articles and events per second and the time left, redrawn in
// place at most a few times a second. Written to stderr; nothing at all when not on a TTY.
import type { Writable } from 'node:stream';

export interface ProgressCounts {
  done: number;
  events: number;
  skipped: number;
  failed: number;
}

function duration(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = Math.floor(s % 60);
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : m > 0 ? `${m}m${String(sec).padStart(2, '0')}s` : `${sec}s`;
}

const n = (x: number) => x.toLocaleString('en-US');

/** One line of progress text (exported for tests). */
export function progressLine(c: ProgressCounts, elapsedMs: number, total: number | null): string {
  const secs = Math.max(elapsedMs / 1000, 0.001);
  const rate = c.done / secs;
  const seen = c.done + c.skipped + c.failed;
  const parts = [
    total !== null ? `${n(seen)}/${n(total)} articles` : `${n(seen)} articles`,
    `${rate.toFixed(1)} art/s`,
    `${n(c.events)} events ${(c.events / secs).toFixed(1)}/s`,
  ];
  if (c.skipped) parts.push(`${n(c.skipped)} unchanged`);
  if (c.failed) parts.push(`${n(c.failed)} failed`);
  if (total !== null && seen <= total) {
    const seenRate = seen / secs;
    parts.push(`ETA ${seenRate > 0 ? duration((total - seen) / seenRate) : '?'}`);
  }
  return parts.join('  ');
}

export class ProgressLine {
  private last = 0;
  private shown = false;
  private readonly started = Date.now();
  total: number | null = null;

  constructor(private readonly out: Writable, private readonly everyMs = 200) {}

  update(c: ProgressCounts, force = false): void {
    const now = Date.now();
    if (!force && now - this.last < this.everyMs) return;
    this.last = now;
    this.shown = true;
    this.out.write(`\r\x1b[K${progressLine(c, now - this.started, this.total)}`);
  }

  /** Clear the line (before the final summary or an error message). */
  clear(): void {
    if (this.shown) this.out.write('\r\x1b[K');
    this.shown = false;
  }
}
