// The HTTP API and the web UI in one Fastify process. Every route declares a JSON schema for its
// input (Ajv rejects wrong types, out-of-range numbers and unknown parameters with a 400); the same
// schemas feed /openapi.json. Reads can be open or keyed; writes always need a key with write
// scope. Responses carry a strict Content-Security-Policy (no inline script, Trusted Types on, so
// the UI cannot turn article text into HTML even by mistake).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type RouteShorthandOptions } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { contentHash } from '../ingest/hash.js';
import type { CodeFn } from '../ingest/coder.js';
import { formatterFor } from '../output/index.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { Store } from '../store/store.js';
import type { Article } from '../types.js';
import { ERROR_SCHEMA, HttpError, errorBody } from './errors.js';
import { KeyRing, migrateKeys, type KeyScope } from './keys.js';
import { openApiDocument, type RouteDoc } from './openapi.js';
import { readerDb } from './reader.js';
import { FILTER_PROPERTIES, ISO3, decodeCursor, encodeCursor, eventQuery, type FilterParams } from './params.js';
import {
  allEvents, eventLocations, networkEdges, searchArticles, searchEventsJson, timeSeries, topActors,
  type GroupBy, type Interval,
} from './queries.js';

export interface ServerOptions {
  store: Store;
  /** Codes POSTed articles; without it POST /api/articles answers 503. */
  code?: CodeFn | null;
  /** Require a key for reads too (writes always need one). */
  readAuth?: boolean;
  /** Directory of the built UI (index.html + assets); default build/web if it exists; null: no UI. */
  webRoot?: string | null;
  /** Largest request body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Requests per minute per client IP (default 600); false disables rate limiting (benchmarks). */
  rateLimit?: number | false;
  /** POSTs per minute per client IP (default 60). */
  writeRateLimit?: number;
  /** Allowed CORS origin (default: none, i.e. no CORS headers at all). */
  corsOrigin?: string | null;
  /** Do not create the api_keys table (read-only store). */
  readonly?: boolean;
  logger?: boolean;
}

export const DEFAULT_WEB_ROOT = join(PACKAGE_ROOT, 'build', 'web');
export const MAX_PAGE = 500;
export const MAX_ARTICLE_CHARS = 200_000;

/** CSP for the UI and the API: only our own scripts, styles, images and fetches; no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'geolocation=(), camera=(), microphone=()',
};

const PAGE_PROPS = {
  limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 50, description: `page size (1-${MAX_PAGE})` },
  cursor: { type: 'string', maxLength: 2000, pattern: '^[A-Za-z0-9_-]+$', description: 'opaque cursor from the previous page' },
} as const;

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', additionalProperties: false, properties, required });

const ARTICLE_SCHEMA = obj({
  id: { type: 'string', minLength: 1, maxLength: 300, pattern: '^[^\\u0000-\\u001f]+$' },
  date: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
  text: { type: 'string', minLength: 1, maxLength: MAX_ARTICLE_CHARS },
  title: { type: 'string', maxLength: 1000 },
  url: { type: 'string', maxLength: 2000, pattern: '^https?://' },
  source: { type: 'string', maxLength: 300 },
}, ['date', 'text']);

function keyFrom(req: FastifyRequest): string | null {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) return auth.slice(7).trim();
  const x = req.headers['x-api-key'];
  return typeof x === 'string' ? x.trim() : null;
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const { store } = opts;
  const dialect = store.dialect;
  if (!opts.readonly) await migrateKeys(store.db);
  const keys = KeyRing.of(store.db);
  const db = readerDb(store);
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    // Unknown query parameters are errors, not silently ignored (a typo must not widen a filter).
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true, allErrors: false } },
    routerOptions: { maxParamLength: 500 },
  });
  const docs: RouteDoc[] = [];
  if (db !== store.db) app.addHook('onClose', async () => db.destroy());

  app.addHook('onSend', async (req, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    if (opts.corsOrigin) reply.header('access-control-allow-origin', opts.corsOrigin).header('vary', 'Origin');
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  // Ajv lets "1e400" through as Infinity for integer parameters; no route wants a non-finite number.
  app.addHook('preHandler', async (req) => {
    const q = req.query as Record<string, unknown> | undefined;
    if (!q) return;
    for (const [k, v] of Object.entries(q)) {
      if (typeof v === 'number' && !Number.isFinite(v)) throw new HttpError(400, `invalid querystring: ${k} must be a finite number`);
    }
  });

  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown; validationContext?: string; code?: string }, req, reply) => {
    let status = err instanceof HttpError ? err.statusCode : err.statusCode ?? 500;
    let message = err.message;
    if (err.validation) {
      status = 400;
      const first = (err.validation as { instancePath?: string; message?: string; params?: { additionalProperty?: string } }[])[0];
      const where = (first?.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
      const extra = first?.params?.additionalProperty;
      message = extra !== undefined
        ? `invalid ${err.validationContext ?? 'request'}: unknown parameter "${extra}"`
        : `invalid ${err.validationContext ?? 'request'}: ${where ? `${where} ` : ''}${first?.message ?? err.message}`;
    }
    if (status < 400 || status > 599) status = 500;
    if (status >= 500) {
      req.log.error(err);
      message = err instanceof HttpError ? err.message : 'internal error';
    }
    reply.code(status).type('application/json; charset=utf-8').send(errorBody(status, message));
  });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).type('application/json; charset=utf-8').send(errorBody(404, `no route ${req.method} ${req.url.split('?')[0]}`));
  });

  if (opts.rateLimit !== false) {
    await app.register(rateLimit, {
      global: true,
      max: opts.rateLimit ?? 600,
      timeWindow: 60_000,
      errorResponseBuilder: (_req, ctx) => ({ ...errorBody(429, `rate limit exceeded: ${ctx.max} requests per ${ctx.after}`), statusCode: 429 }),
    });
  }

  const requireKey = async (req: FastifyRequest, scope: KeyScope): Promise<void> => {
    const presented = keyFrom(req);
    if (!presented) throw new HttpError(401, 'an API key is required (Authorization: Bearer <key> or X-API-Key)');
    const info = await keys.verify(presented).catch(() => null);
    if (!info) throw new HttpError(401, 'invalid or revoked API key');
    if (scope === 'write' && info.scope !== 'write') throw new HttpError(403, 'this API key may only read');
  };
  const readGuard = opts.readAuth ? { preHandler: async (req: FastifyRequest) => requireKey(req, 'read') } : {};

  function get<Q>(url: string, doc: Omit<RouteDoc, 'method' | 'url'>, handler: (req: FastifyRequest<{ Querystring: Q; Params: Record<string, string> }>, reply: FastifyReply) => Promise<unknown>): void {
    docs.push({ method: 'get', url, ...doc });
    const schema: RouteShorthandOptions['schema'] = {};
    if (doc.query) schema.querystring = doc.query;
    if (doc.params) schema.params = doc.params;
    app.get(url, { schema, ...readGuard }, handler as never);
  }

  // --- events -------------------------------------------------------------------------------
  const eventsQuery = obj({ ...FILTER_PROPERTIES, ...PAGE_PROPS, order: { type: 'string', enum: ['desc', 'asc'], default: 'desc' } });
  get<FilterParams & { limit: number; cursor?: string; order: 'asc' | 'desc' }>('/api/events', {
    summary: 'Search events (newest first) with filters; page with the returned cursor',
    query: eventsQuery,
    response: { type: 'object', properties: { events: { type: 'array', items: { type: 'object' } }, next: { type: ['string', 'null'] } } },
  }, async (req, reply) => {
    const { limit, cursor, order, ...filters } = req.query;
    const f = eventQuery(filters);
    const after = cursor ? decodeCursor(cursor, order) : null;
    // The JSON of { events: [{ ...record, article }], next }, written from the rows (searchEventsJson).
    const page = await searchEventsJson(db, dialect, ISO3, f, limit, after, order);
    const next = page.next ? JSON.stringify(encodeCursor(page.next, order)) : 'null';
    return reply.type('application/json; charset=utf-8').send(`{"events":${page.events},"next":${next}}`);
  });

  const exportQuery = obj({ ...FILTER_PROPERTIES, format: { type: 'string', enum: ['csv', 'gdelt', 'jsonl'], default: 'csv' }, header: { type: 'boolean', default: false } });
  get<FilterParams & { format: 'csv' | 'gdelt' | 'jsonl'; header: boolean }>('/api/export', {
    summary: 'Stream every matching event, oldest first, as CSV, GDELT 2.0 (tab-separated) or JSON lines',
    query: exportQuery,
    produces: ['text/csv', 'text/tab-separated-values', 'application/x-ndjson'],
  }, async (req, reply) => {
    const { format, header, ...filters } = req.query;
    const f = eventQuery(filters);
    const formatter = formatterFor(format, { header });
    const lines = async function* () {
      const h = formatter.header();
      if (h !== null) yield h;
      let buf = '';
      for await (const hit of allEvents(db, dialect, ISO3, f)) {
        buf += formatter.format(hit.record, hit.article);
        if (buf.length > 64 * 1024) { yield buf; buf = ''; }
      }
      if (buf) yield buf;
    };
    const type = format === 'csv' ? 'text/csv; charset=utf-8' : format === 'gdelt' ? 'text/tab-separated-values; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
    const ext = format === 'csv' ? 'csv' : format === 'gdelt' ? 'tsv' : 'jsonl';
    reply.type(type).header('content-disposition', `attachment; filename="events.${ext}"`);
    return reply.send(Readable.from(lines()));
  });

  // --- aggregates ---------------------------------------------------------------------------
  get<FilterParams & { interval: Interval; by: GroupBy }>('/api/aggregates/series', {
    summary: 'Event counts and Goldstein sums per day/week/month/year, per quad class or PLOVER type',
    query: obj({ ...FILTER_PROPERTIES, interval: { type: 'string', enum: ['day', 'week', 'month', 'year'], default: 'month' }, by: { type: 'string', enum: ['quad', 'plover', 'none'], default: 'quad' } }),
  }, async (req) => {
    const { interval, by, ...filters } = req.query;
    return { interval, by, series: await timeSeries(db, dialect, ISO3, eventQuery(filters), interval, by) };
  });

  const levelProp = { type: 'string', enum: ['actor', 'country'], default: 'actor' } as const;
  get<FilterParams & { role: 'source' | 'target'; level: 'actor' | 'country'; limit: number }>('/api/aggregates/actors', {
    summary: 'Most frequent source or target actors (codes or countries)',
    query: obj({ ...FILTER_PROPERTIES, role: { type: 'string', enum: ['source', 'target'], default: 'source' }, level: levelProp, limit: { type: 'integer', minimum: 1, maximum: 200, default: 20 } }),
  }, async (req) => {
    const { role, level, limit, ...filters } = req.query;
    return { role, level, actors: await topActors(db, dialect, ISO3, eventQuery(filters), role, level, limit) };
  });

  get<FilterParams & { level: 'actor' | 'country'; limit: number }>('/api/aggregates/network', {
    summary: 'Directed actor network: edges weighted by event count, one per quad class',
    query: obj({ ...FILTER_PROPERTIES, level: levelProp, limit: { type: 'integer', minimum: 1, maximum: 1000, default: 150 } }),
  }, async (req) => {
    const { level, limit, ...filters } = req.query;
    return { level, edges: await networkEdges(db, dialect, ISO3, eventQuery(filters), level, limit) };
  });

  get<FilterParams & { limit: number }>('/api/aggregates/locations', {
    summary: 'Event locations with counts per quad class (for the map)',
    query: obj({ ...FILTER_PROPERTIES, limit: { type: 'integer', minimum: 1, maximum: 5000, default: 1000 } }),
  }, async (req) => {
    const { limit, ...filters } = req.query;
    return { locations: await eventLocations(db, dialect, ISO3, eventQuery(filters), limit) };
  });

  // --- articles -----------------------------------------------------------------------------
  get<{ q?: string; limit: number; cursor?: string }>('/api/articles', {
    summary: 'List articles, newest first; with q, only those whose title or text contain all the words',
    query: obj({ q: FILTER_PROPERTIES.q, ...PAGE_PROPS }),
  }, async (req) => {
    const { q, limit, cursor } = req.query;
    if (q !== undefined && !/[\p{L}\p{N}]/u.test(q)) throw new HttpError(400, 'q must contain at least one letter or digit');
    let after: { date: string; id: string } | null = null;
    if (cursor) {
      const k = decodeCursor(cursor, 'desc');
      after = { date: k[0], id: k[1] };
    }
    const rows = await searchArticles(db, dialect, q, limit + 1, after);
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const last = page[page.length - 1];
    return { articles: page, next: more && last ? encodeCursor([last.date, last.id, ''], 'desc') : null };
  });

  get<Record<string, never>>('/api/articles/:id', {
    summary: 'One article with its text and full Analysis (entities, places, timexes, quotes, events)',
    params: obj({ id: { type: 'string', minLength: 1, maxLength: 300 } }, ['id']),
  }, async (req) => {
    const got = await store.getArticle(req.params.id!);
    if (!got) throw new HttpError(404, `no article with id "${req.params.id}"`);
    return { article: got.article, analysis: got.analysis };
  });

  docs.push({
    method: 'post', url: '/api/articles', auth: true,
    summary: 'Code and store articles (API key with write scope required): one article or {articles: [...]}, at most 50',
    body: { anyOf: [ARTICLE_SCHEMA, obj({ articles: { type: 'array', minItems: 1, maxItems: 50, items: ARTICLE_SCHEMA } }, ['articles'])] },
  });
  app.post('/api/articles', {
    schema: { body: docs[docs.length - 1]!.body },
    config: { rateLimit: { max: opts.writeRateLimit ?? 60, timeWindow: 60_000 } },
    preValidation: async (req) => requireKey(req, 'write'),
  }, async (req, reply) => {
    const code = opts.code;
    if (!code) throw new HttpError(503, 'this server cannot code articles (started read-only or without the coder)');
    const body = req.body as { articles?: Partial<Article>[] } & Partial<Article>;
    const inputs = body.articles ?? [body];
    const items = inputs.map((a) => {
      const date = a.date!;
      if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
        throw new HttpError(400, `article date is not a real date: "${date}"`);
      }
      const article: Article = { id: a.id ?? `api-${contentHash({ id: '', date, text: a.text! }).slice(0, 20)}`, date, text: a.text! };
      if (a.title !== undefined) article.title = a.title;
      if (a.url !== undefined) article.url = a.url;
      if (a.source !== undefined) article.source = a.source;
      return article;
    });
    const coded = items.map((article) => ({ article, hash: contentHash(article), analysis: code(article) }));
    const statuses = await store.putAnalyses(coded);
    const results = coded.map((c, i) => ({ id: c.article.id, status: statuses[i], events: c.analysis.events.length }));
    reply.code(statuses.some((s) => s !== 'unchanged') ? 201 : 200);
    return { articles: results };
  });

  get<Record<string, never>>('/api/health', { summary: 'Liveness and store size' }, async () => ({ ok: true, ...(await store.counts()) }));

  const doc = openApiDocument(docs, ERROR_SCHEMA);
  app.get('/openapi.json', async () => doc);

  const webRoot = opts.webRoot === undefined ? DEFAULT_WEB_ROOT : opts.webRoot;
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      index: 'index.html',
      wildcard: true,
      setHeaders: (res, path) => {
        res.header('cache-control', path.includes(join('assets', '')) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  } else {
    app.get('/', async (_req, reply) => reply.type('text/plain; charset=utf-8')
      .send('Dyad API: see /openapi.json. The web UI is not built (npm run build:web).\n'));
  }
  return app;
}
