// A pool of coding threads (node:worker_threads). Each thread loads the knowledge once and codes
// batches of articles; the pool sends each batch to the thread with the least work queued. A thread
// that dies is replaced and the batches it held fail (their articles are reported, not lost
// silently). `threads: 0` codes in the calling thread (small inputs, tests).
import { Worker } from 'node:worker_threads';
import type { EventLoopUtilization } from 'node:perf_hooks';
import type { Analysis, Article } from '../types.js';
import { loadCoder, type CodeFn } from './coder.js';

export type CodeResult = { ok: true; analysis: Analysis } | { ok: false; reason: string };
export interface ToThread { id: number; articles: Article[] }
type FromThread =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'done'; id: number; results: CodeResult[] };

interface Pending { resolve: (r: CodeResult[]) => void; size: number }

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  queued: number;
}

const MAX_RESPAWNS = 20;

export class CoderPool {
  private slots: Slot[] = [];
  private nextId = 1;
  private closing = false;
  private respawns = 0;
  private local: CodeFn | null = null;
  private eluBase = new Map<Worker, EventLoopUtilization>();

  private constructor(readonly threads: number) {}

  /** Start `threads` coding threads (0: code in this thread); resolves once all have loaded. */
  static async start(threads: number): Promise<CoderPool> {
    const pool = new CoderPool(threads);
    if (threads <= 0) {
      pool.local = await loadCoder();
      return pool;
    }
    try {
      pool.slots = await Promise.all(Array.from({ length: threads }, () => pool.spawn()));
    } catch (e) {
      await pool.close();
      throw e;
    }
    return pool;
  }

  private spawn(): Promise<Slot> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./thread.js', import.meta.url));
      const slot: Slot = { worker, pending: new Map(), queued: 0 };
      let ready = false;
      worker.on('message', (m: FromThread) => {
        if (m.type === 'ready') { ready = true; resolve(slot); return; }
        if (m.type === 'fatal') { reject(new Error(m.message)); void worker.terminate(); return; }
        const p = slot.pending.get(m.id);
        if (!p) return;
        slot.pending.delete(m.id);
        slot.queued -= p.size;
        p.resolve(m.results);
      });
      const died = (why: string) => {
        if (!ready) { reject(new Error(`coding thread failed to start: ${why}`)); return; }
        this.replace(slot, why);
      };
      worker.on('error', (e) => died(e.message));
      worker.on('exit', (code) => { if (!this.closing) died(`exited with code ${code}`); });
    });
  }

  /** A thread died: fail its batches and start another in its place. */
  private replace(slot: Slot, why: string): void {
    const i = this.slots.indexOf(slot);
    if (i === -1) return;
    this.slots.splice(i, 1);
    for (const p of slot.pending.values()) p.resolve(Array.from({ length: p.size }, () => ({ ok: false, reason: `coding thread died: ${why}` })));
    slot.pending.clear();
    if (this.closing || this.respawns >= MAX_RESPAWNS) return;
    this.respawns++;
    this.spawn().then((s) => { if (this.closing) void s.worker.terminate(); else this.slots.push(s); }, () => undefined);
  }

  /** Code a batch; results are in the order of `articles`. */
  async code(articles: Article[]): Promise<CodeResult[]> {
    if (this.local) {
      const code = this.local;
      return articles.map((a) => {
        try { return { ok: true, analysis: code(a) }; } catch (e) { return { ok: false, reason: (e as Error)?.message ?? String(e) }; }
      });
    }
    if (this.slots.length === 0) throw new Error('no coding thread is running');
    let best = this.slots[0]!;
    for (const s of this.slots) if (s.queued < best.queued) best = s;
    const id = this.nextId++;
    return new Promise((resolve) => {
      best.pending.set(id, { resolve, size: articles.length });
      best.queued += articles.length;
      best.worker.postMessage({ id, articles } satisfies ToThread);
    });
  }

  /**
   * Fraction of the time since resetUtilization() (or their start) that the coding threads spent
   * coding (event-loop utilisation, averaged over threads): 1 means they never waited for work.
   */
  utilization(): number {
    if (this.slots.length === 0) return this.local ? 1 : 0;
    let sum = 0;
    for (const s of this.slots) {
      const base = this.eluBase.get(s.worker);
      sum += (base ? s.worker.performance.eventLoopUtilization(base) : s.worker.performance.eventLoopUtilization()).utilization;
    }
    return sum / this.slots.length;
  }

  /** Start utilization() over from now (e.g. after start-up, which is spent loading). */
  resetUtilization(): void {
    this.eluBase = new Map(this.slots.map((s) => [s.worker, s.worker.performance.eventLoopUtilization()]));
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }
}
