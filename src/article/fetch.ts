// Fetching inputs over http(s), politely and within bounds: a timeout per request, a body size
// limit (the download is aborted beyond it, so a feed that never ends stops there), a redirect
// limit with loop detection, http and https only, a User-Agent naming dyad, and at most one
// request in flight per host (later requests to the same host wait in a small per-host queue).
// Bodies are buffered (never more than the limit) so the host is released before the caller
// fetches the pages a feed links to, which are often on the same host.

export interface FetchOptions {
  /** Milliseconds for one request (connect, headers and body). Default 30 s. */
  timeoutMs?: number;
  /** Largest body accepted, in bytes (after content decoding). Default 50 MB. */
  maxBytes?: number;
  /** Redirects followed per URL. Default 5. */
  maxRedirects?: number;
  userAgent?: string;
}

export interface Fetched {
  /** The final URL after redirects. */
  url: string;
  status: number;
  /** Content-Type header, lower-cased ('' if absent). */
  contentType: string;
  body: Buffer;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
export const USER_AGENT = 'dyad/0.1 (political event coder; one request per host at a time)';

/** A fetch that failed; the message is the reason (the caller names the URL). */
export class FetchError extends Error {}

/** True for inputs that are URLs to fetch rather than paths. */
export function isUrl(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
}

function checkScheme(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(`unsupported URL scheme "${url.protocol}" (only http and https)`);
  }
}

function parseUrl(raw: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new FetchError(`not a valid URL: "${raw.slice(0, 200)}"`);
  }
  checkScheme(url);
  return url;
}

function formatBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / 1024 / 1024} MB` : n % 1024 === 0 ? `${n / 1024} KB` : `${n} bytes`;
}

/** Why a low-level fetch failed, from undici's error and its cause. */
function networkReason(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  const cause = err.cause;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN') return 'host not found';
  if (cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET') return 'connection reset';
  if (cause?.message) return cause.message;
  if (err.message === 'bad port') return 'port blocked for fetching (a "bad port" in the Fetch standard)';
  return err.message ?? String(e);
}

export class Fetcher {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly userAgent: string;
  /** The tail of each host's queue: a request starts when the previous one on its host settled. */
  private readonly hosts = new Map<string, Promise<void>>();
  /** Requests on the wire, so close() can abort them. */
  private readonly inflight = new Set<AbortController>();
  private closed = false;

  constructor(options: FetchOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    this.userAgent = options.userAgent ?? USER_AGENT;
  }

  /**
   * Abort every request in flight and refuse new ones (the reader was abandoned, e.g. stdout
   * closed), so the process does not wait for pages nobody will read.
   */
  close(): void {
    this.closed = true;
    for (const c of this.inflight) c.abort();
  }

  /** GET a URL, following redirects; throws FetchError with the reason. */
  async get(raw: string, accept = '*/*'): Promise<Fetched> {
    let url = parseUrl(raw);
    const seen = new Set<string>([url.href]);
    for (let hop = 0; ; hop++) {
      const r = await this.onHost(url.hostname.toLowerCase(), () => this.once(url, accept));
      if ('location' in r) {
        if (hop >= this.maxRedirects) throw new FetchError(`more than ${this.maxRedirects} redirects (--max-redirects)`);
        const next = parseUrl(r.location, url.href);
        if (seen.has(next.href)) throw new FetchError(`redirect loop at ${next.href}`);
        seen.add(next.href);
        url = next;
        continue;
      }
      return r;
    }
  }

  /** Run `job` when no other request to `host` is in flight. */
  private async onHost<T>(host: string, job: () => Promise<T>): Promise<T> {
    const previous = this.hosts.get(host) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => { release = resolve; });
    const tail = previous.then(() => mine);
    this.hosts.set(host, tail);
    await previous;
    try {
      return await job();
    } finally {
      release();
      if (this.hosts.get(host) === tail) this.hosts.delete(host);
    }
  }

  /** One request, no redirect following: the response, or where it redirects to. */
  private async once(url: URL, accept: string): Promise<Fetched | { location: string }> {
    if (this.closed) throw new FetchError('cancelled');
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; controller.abort(); }, this.timeoutMs);
    this.inflight.add(controller);
    try {
      let res: Response;
      try {
        res = await fetch(url, { redirect: 'manual', signal: controller.signal, headers: { 'user-agent': this.userAgent, accept } });
      } catch (e) {
        throw new FetchError(timedOut ? `timed out after ${this.timeoutMs / 1000} s (--timeout)` : networkReason(e));
      }
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        await res.body?.cancel().catch(() => undefined);
        const location = res.headers.get('location');
        if (!location) throw new FetchError(`HTTP ${res.status} redirect without a Location header`);
        return { location };
      }
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel().catch(() => undefined);
        throw new FetchError(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (declared > this.maxBytes && !res.headers.get('content-encoding')) {
        await res.body?.cancel().catch(() => undefined);
        throw new FetchError(`body of ${declared} bytes is larger than ${formatBytes(this.maxBytes)} (--max-bytes)`);
      }
      const parts: Buffer[] = [];
      let size = 0;
      try {
        if (res.body) {
          for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
            size += chunk.byteLength;
            if (size > this.maxBytes) {
              controller.abort();
              throw new FetchError(`body larger than ${formatBytes(this.maxBytes)} (--max-bytes); download stopped`);
            }
            parts.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          }
        }
      } catch (e) {
        if (e instanceof FetchError) throw e;
        throw new FetchError(timedOut ? `timed out after ${this.timeoutMs / 1000} s (--timeout) with ${size} bytes read` : networkReason(e));
      }
      return { url: url.href, status: res.status, contentType: (res.headers.get('content-type') ?? '').toLowerCase(), body: Buffer.concat(parts, size) };
    } finally {
      clearTimeout(timer);
      this.inflight.delete(controller);
    }
  }
}
