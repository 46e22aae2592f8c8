// Group commit for a queue worker: the jobs in progress at once hand their work to one shared
// database call instead of one each (a write costs a few round trips and a WAL flush whatever its
// size; a hash look-up a round trip). With no call in progress the waiting items go at once; those
// arriving meanwhile gather for the next call, so groups grow with the database's latency and
// nothing waits on a timer. A store that is unreachable or busy is retried with exponential backoff
// (the jobs keep their locks meanwhile); any other failure of a group of writes is retried article
// by article, so one bad article fails only its own job.
import { withStoreRetry, type RetryOptions } from '../ingest/retry.js';
import { isTransient } from '../store/errors.js';
import type { PutStatus, Store, StoredArticle } from '../store/store.js';

interface Waiting<I, O> {
  item: I;
  resolve: (o: O) => void;
  reject: (e: unknown) => void;
}

/** Runs `call` on groups of items: one call at a time, a second one only for a full group. */
export class Grouper<I, O> {
  private buf: Waiting<I, O>[] = [];
  private readonly running = new Set<Promise<void>>();
  private idle: (() => void)[] = [];

  constructor(
    private readonly maxGroup: number,
    /** Settles every item of the group (resolve or reject each). */
    private readonly call: (group: Waiting<I, O>[]) => Promise<void>,
  ) {}

  run(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.buf.push({ item, resolve, reject });
      this.pump();
    });
  }

  /** Resolves once nothing is waiting and no call is in progress. */
  drain(): Promise<void> {
    if (this.buf.length === 0 && this.running.size === 0) return Promise.resolve();
    return new Promise((r) => this.idle.push(r));
  }

  private pump(): void {
    while (this.buf.length > 0 && (this.running.size === 0 || (this.running.size < 2 && this.buf.length >= this.maxGroup))) {
      const group = this.buf.splice(0, this.maxGroup);
      const p: Promise<void> = this.call(group)
        .catch((e) => { for (const w of group) w.reject(e); })
        .finally(() => {
          this.running.delete(p);
          this.pump();
          if (this.buf.length === 0 && this.running.size === 0) for (const r of this.idle.splice(0)) r();
        });
      this.running.add(p);
    }
  }
}

/** Grouped store access for the jobs of one worker: content-hash look-ups and writes. */
export class GroupWriter {
  private readonly writes: Grouper<StoredArticle, PutStatus>;
  private readonly lookups: Grouper<string, string | undefined>;

  constructor(private readonly store: Store, maxGroup: number, private readonly retry: RetryOptions = {}) {
    this.writes = new Grouper(maxGroup, (g) => this.write(g));
    this.lookups = new Grouper(maxGroup, async (g) => {
      const hashes = await withStoreRetry(() => store.hashesOf(g.map((w) => w.item)), retry);
      for (const w of g) w.resolve(hashes.get(w.item));
    });
  }

  /** The stored content hash of an article (undefined: not stored). */
  storedHash(id: string): Promise<string | undefined> {
    return this.lookups.run(id);
  }

  /** Store one coded article; resolves once its group has committed. */
  put(item: StoredArticle): Promise<PutStatus> {
    return this.writes.run(item);
  }

  async drain(): Promise<void> {
    await this.lookups.drain();
    await this.writes.drain();
  }

  private async write(group: Waiting<StoredArticle, PutStatus>[]): Promise<void> {
    const put = (items: StoredArticle[]) => withStoreRetry(() => this.store.putAnalyses(items), this.retry);
    try {
      const statuses = await put(group.map((w) => w.item));
      group.forEach((w, i) => w.resolve(statuses[i] ?? 'unchanged'));
    } catch (e) {
      if (group.length === 1 || isTransient(e)) throw e;
      for (const w of group) {
        try {
          const [s] = await put([w.item]);
          w.resolve(s ?? 'unchanged');
        } catch (err) {
          w.reject(err);
        }
      }
    }
  }
}
