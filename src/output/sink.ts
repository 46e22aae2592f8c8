// A string sink over a Writable that respects backpressure, so writing millions of records keeps
// memory flat, and that stops quietly once the reader has gone away (EPIPE: `dyad code x | head`).
import type { Writable } from 'node:stream';

export class OutputSink {
  private closed = false;
  private buffer: string[] = [];
  private size = 0;

  constructor(private readonly stream: Writable, private readonly batchBytes = 64 * 1024) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      this.closed = true;
      if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') this.error = e;
    });
  }

  /** A non-EPIPE write error, if one happened. */
  error: Error | null = null;

  /** True once the stream can no longer be written (e.g. the pipe was closed). */
  get isClosed(): boolean {
    return this.closed || this.stream.destroyed;
  }

  /** Queue text; flushes in batches and waits for 'drain' when the stream is full. */
  async write(text: string): Promise<void> {
    if (this.isClosed) return;
    this.buffer.push(text);
    this.size += text.length;
    if (this.size >= this.batchBytes) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0 || this.isClosed) { this.buffer = []; this.size = 0; return; }
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => { this.stream.off('drain', done); this.stream.off('close', done); this.stream.off('error', done); resolve(); };
        this.stream.on('drain', done);
        this.stream.on('close', done);
        this.stream.on('error', done);
      });
    }
  }
}
