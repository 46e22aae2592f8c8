// The example article: a checklist of the events a human coder would take from it (our own list, in
// eval/expected/example-article.json), scored found / missed, plus how many coded events are extra.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import type { Article, EventRecord } from '../src/types.js';
import { actorMatchesAny } from './labels.js';
import { pct, type SetReport } from './report.js';
import type { EvalOptions, Scorer } from './scorer.js';

const EXAMPLE_TITLE = 'Example article checklist (Armenia–Russia arms, 2021-08-24)';
export const EXPECTED_FILE = join('eval', 'expected', 'example-article.json');

export interface ExpectedEvent {
  id: string;
  description: string;
  plover: string[];
  source?: string[];
  target?: string[];
  either_direction?: boolean;
  /** Prefix of the event date: 2021-08-23, 2020-11 or 2020. */
  date?: string;
  mode?: string[];
  /** PLOVER context (e.g. peacekeeping, which PLOVER 2021 files as a context of AID, not a mode). */
  context?: string[];
}

export interface ExpectedFile {
  article: string;
  expected: ExpectedEvent[];
}

/** A dated text file: optional leading `date YYYY-MM-DD`, the rest is the article text. */
export function parseDatedText(id: string, raw: string, fallbackDate = '1970-01-01'): Article {
  const m = /^\s*date (\d{4}-\d{2}-\d{2})\s*/.exec(raw);
  return m ? { id, date: m[1], text: raw.slice(m[0].length) } : { id, date: fallbackDate, text: raw };
}

function actorsOk(e: EventRecord, source: string[] | undefined, target: string[] | undefined): boolean {
  return (!source || actorMatchesAny(e.source, source)) && (!target || actorMatchesAny(e.target, target));
}

/** Does a coded event satisfy an expectation? */
export function eventMatches(x: ExpectedEvent, e: EventRecord): boolean {
  if (!x.plover.includes(e.event.plover)) return false;
  if (x.date !== undefined && !(e.date ?? '').startsWith(x.date)) return false;
  if (x.mode !== undefined && !x.mode.includes(e.event.mode ?? '')) return false;
  if (x.context !== undefined && !x.context.includes(e.event.context ?? '')) return false;
  return actorsOk(e, x.source, x.target) || (x.either_direction === true && actorsOk(e, x.target, x.source));
}

/**
 * Pair expectations with distinct events so that as many expectations as possible are met (maximum
 * bipartite matching by augmenting paths; ties resolved in list order, so the result is stable).
 * Returns, per expectation, the index of its event or -1.
 */
export function matchExpectations(expected: readonly ExpectedEvent[], events: readonly EventRecord[]): number[] {
  const ok = expected.map((x) => events.map((e) => eventMatches(x, e)));
  const owner = new Array<number>(events.length).fill(-1);
  const assign = new Array<number>(expected.length).fill(-1);
  const tryAssign = (i: number, seen: boolean[]): boolean => {
    for (let j = 0; j < events.length; j++) {
      if (!ok[i][j] || seen[j]) continue;
      seen[j] = true;
      if (owner[j] < 0 || tryAssign(owner[j], seen)) {
        owner[j] = i;
        assign[i] = j;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < expected.length; i++) tryAssign(i, new Array<boolean>(events.length).fill(false));
  return assign;
}

function describe(e: EventRecord): string {
  const who = (a: EventRecord['source'] | null) => (a ? a.code ?? a.country ?? `"${a.text}"` : '-');
  const ctx = e.event.context ? ` (${e.event.context})` : '';
  return `${e.event.plover}${e.event.mode ? '/' + e.event.mode : ''}${ctx} ${who(e.source)}→${who(e.target)} ${e.date}`;
}

export const exampleArticle: Scorer = {
  name: 'example',
  title: EXAMPLE_TITLE,
  run(options: EvalOptions): SetReport {
    const spec = JSON.parse(readFileSync(join(PACKAGE_ROOT, EXPECTED_FILE), 'utf8')) as ExpectedFile;
    const file = spec.article;
    const article = parseDatedText('armenia-russia-arms-2021-08-24', readFileSync(join(options.sharedDir, file), 'utf8'));
    const events = options.coder(article);
    const assign = matchExpectations(spec.expected, events);
    const found = assign.filter((j) => j >= 0).length;
    const n = spec.expected.length;
    return {
      name: 'example',
      title: EXAMPLE_TITLE,
      data: file,
      items: n,
      summary: [
        { label: 'expected events found', value: `${pct(found / n)} (${found}/${n})` },
        { label: 'events coded', value: String(events.length) },
        { label: 'extra events (not on the checklist)', value: String(events.length - found) },
      ],
      tables: [
        {
          title: 'Checklist',
          headers: ['expected', 'type', 'actors', 'date', 'result'],
          align: ['left', 'left', 'left', 'left', 'left'],
          rows: spec.expected.map((x, i) => [
            x.id,
            x.plover.join('|') + (x.mode ? `/${x.mode.join('|')}` : '') + (x.context ? ` (${x.context.join('|')})` : ''),
            `${x.source?.join('|') ?? 'any'}${x.either_direction ? '↔' : '→'}${x.target?.join('|') ?? 'any'}`,
            x.date ?? 'any',
            assign[i] >= 0 ? `found: ${describe(events[assign[i]])}` : 'missed',
          ]),
        },
      ],
      notes: [`Checklist: ${EXPECTED_FILE} (written for Dyad).`],
    };
  },
};
