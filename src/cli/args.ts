// Argument parsing shared by the commands (node:util parseArgs), with usage errors (exit 2) kept
// apart from data errors (exit 1).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { INPUT_FORMATS, type InputFormat, type ReadOptions } from '../article/result.js';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS } from '../article/fetch.js';
import { normaliseDate } from '../article/dates.js';

export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;

type Options = NonNullable<ParseArgsConfig['options']>;

export function parse(argv: string[], options: Options) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** Validate --date: YYYY-MM-DD (20210824 is accepted too). */
export function dateOption(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  const d = normaliseDate(v);
  if (!d) throw new UsageError(`--date must be YYYY-MM-DD, got "${String(v)}"`);
  return d;
}

export function inputFormatOption(v: unknown): InputFormat {
  if (v === undefined) return 'auto';
  if (!INPUT_FORMATS.includes(v as InputFormat)) {
    throw new UsageError(`--input-format must be one of ${INPUT_FORMATS.join(', ')}, got "${String(v)}"`);
  }
  return v as InputFormat;
}

export function choice<T extends string>(name: string, v: unknown, allowed: readonly T[], fallback: T): T {
  if (v === undefined) return fallback;
  if (!allowed.includes(v as T)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got "${String(v)}"`);
  return v as T;
}

/** Options every reading command shares. */
export const INPUT_OPTIONS = {
  date: { type: 'string' },
  'input-format': { type: 'string' },
  timeout: { type: 'string' },
  'max-bytes': { type: 'string' },
  'max-redirects': { type: 'string' },
  'follow-links': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/** --timeout in seconds (fractions allowed) → milliseconds. */
export function timeoutOption(v: unknown): number {
  if (v === undefined) return DEFAULT_TIMEOUT_MS;
  const n = Number(v);
  if (typeof v !== 'string' || v.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`--timeout must be a number of seconds > 0, got "${String(v)}"`);
  return Math.max(1, Math.round(n * 1000));
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** --max-bytes: bytes, or with a unit (512K, 20M, 1G; powers of 1024). */
export function sizeOption(name: string, v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  const s = String(v).trim().toLowerCase();
  let i = 0;
  while (i < s.length && ((s[i]! >= '0' && s[i]! <= '9') || s[i] === '.')) i++;
  const n = Number(s.slice(0, i));
  const unit = SIZE_UNITS[s.slice(i).trim()];
  if (i === 0 || !Number.isFinite(n) || unit === undefined || n * unit < 1) throw new UsageError(`--${name} must be a size like 1048576, 512K, 20M or 1G, got "${String(v)}"`);
  return Math.floor(n * unit);
}

/** The ReadOptions of parsed INPUT_OPTIONS values (--date, --input-format and the fetch limits). */
export function readOptionsOf(values: Record<string, unknown>): ReadOptions {
  const maxRedirects = values['max-redirects'] === undefined ? DEFAULT_MAX_REDIRECTS : Number(values['max-redirects']);
  if (!Number.isInteger(maxRedirects) || maxRedirects < 0) throw new UsageError(`--max-redirects must be an integer >= 0, got "${String(values['max-redirects'])}"`);
  return {
    date: dateOption(values.date),
    format: inputFormatOption(values['input-format']),
    fetch: { timeoutMs: timeoutOption(values.timeout), maxBytes: sizeOption('max-bytes', values['max-bytes'], DEFAULT_MAX_BYTES), maxRedirects },
    followLinks: values['follow-links'] === true,
  };
}

/** PETRARCH-format dictionaries instead of, or on top of, the built-in ones. */
export const DICTIONARY_OPTIONS = {
  dictionaries: { type: 'string' },
  verbs: { type: 'string' },
  actors: { type: 'string' },
  agents: { type: 'string' },
  discards: { type: 'string' },
} as const satisfies Options;

/** The dictionary flags of parsed values. */
export function dictionaryFlags(values: Record<string, unknown>): { verbs?: string; actors?: string; agents?: string; discards?: string; dictionaries?: string } {
  const pick = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  return { verbs: pick('verbs'), actors: pick('actors'), agents: pick('agents'), discards: pick('discards'), dictionaries: pick('dictionaries') };
}
