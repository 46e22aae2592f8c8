// Argument parsing shared by the commands (node:util parseArgs), with usage errors (exit 2) kept
// apart from data errors (exit 1).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { INPUT_FORMATS, type InputFormat } from '../article/result.js';
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
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

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
