// Typed fetches of the Dyad API (same origin). Errors come back as {statusCode, error, message}.

export interface Actor { text: string; start: number; end: number; code: string | null; country: string | null; sectors: string[]; name: string | null }
export interface EventRec {
  id: string; article_id: string; sentence: number; text: string; date: string; date_precision: string;
  event: { plover: string; mode: string | null; cameo: string; quad: 1 | 2 | 3 | 4; goldstein: number; negated: boolean; aux: string | null };
  source: Actor; target: Actor | null;
  location: { text: string; name: string; country: string | null; lat: number; lon: number } | null;
  evidence: { trigger: string; start: number; end: number; rule: string };
  article?: { id: string; date: string; title?: string; url?: string; source?: string };
}
export interface Span { text: string; start: number; end: number }
export interface Analysis {
  article: { id: string; date: string; title?: string; url?: string; source?: string };
  entities: (Span & { type: string })[];
  places: (Span & { name: string; country: string | null; lat: number; lon: number })[];
  timexes: (Span & { value: string })[];
  quotes: { speaker: (Span & { name?: string | null }) | null; cue: Span | null; content: Span; direct: boolean }[];
  events: EventRec[];
}
export interface ArticleView { article: { id: string; date: string; text: string; title?: string; url?: string; source?: string }; analysis: Analysis }
export interface SeriesPoint { period: string; key: string; count: number; goldstein: number }
export interface Edge { source: string; target: string; quad: number; count: number; goldstein: number }
export interface Loc { name: string; country: string | null; lat: number; lon: number; count: number; quads: [number, number, number, number] }

export class ApiError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

export async function api<T>(path: string, params: Record<string, string | undefined> = {}): Promise<T> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, v);
  const url = qs.size > 0 ? `${path}?${qs}` : path;
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const body = await res.json().catch(() => null) as (T & { message?: string }) | null;
  if (!res.ok) throw new ApiError(res.status, body?.message ?? `HTTP ${res.status}`);
  return body as T;
}

/** The filter parameters the API shares between search, aggregates and export. */
export const FILTER_KEYS = ['from', 'to', 'source', 'target', 'actor', 'country', 'type', 'cameo', 'quad', 'bbox', 'q'] as const;
export type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

export function pickFilters(p: URLSearchParams): Filters {
  const f: Filters = {};
  for (const k of FILTER_KEYS) { const v = p.get(k); if (v) f[k] = v; }
  return f;
}

export const QUAD_NAMES = ['', 'verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
export const QUAD_COLORS = ['#888', '#2b8cbe', '#31a354', '#fd8d3c', '#de2d26'];
export const PLOVER_TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
