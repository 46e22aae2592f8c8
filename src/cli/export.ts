// `dyad export`: stream events out of the store in jsonl, csv, gdelt or plover, filtered by date
// range, country and type; `--clustered` gives one row per cross-article event with GDELT's
// NumMentions / NumSources / NumArticles, and `--format mentions` GDELT's Mentions table.
import { normaliseDate } from '../article/dates.js';
import { GDELT_COLUMNS, gdeltRow, gdeltTimestamp, numericEventId } from '../output/gdelt.js';
import { OUTPUT_FORMATS, formatterFor, type OutputFormat } from '../output/index.js';
import { canonicalEvent } from '../output/jsonl.js';
import { OutputSink } from '../output/sink.js';
import { createEventWriter, type ArticleMeta } from '../output/writer.js';
import { openStore, type EventFilter, type Store } from '../store/store.js';
import type { EventRecord } from '../types.js';
import { EXIT_OK, EXIT_SOME_FAILED, UsageError, choice, parse } from './args.js';
import { STORE_HELP, dbOption } from './ingest.js';
import { processIO, reportError, reportNotice, type CliIO } from './io.js';

type ExportFormat = OutputFormat | 'mentions';
const EXPORT_FORMATS: readonly ExportFormat[] = [...OUTPUT_FORMATS, 'mentions'];

export const exportHelp = `Usage: dyad export [options]

Write the stored events to stdout, oldest first, streamed (memory stays flat).

${STORE_HELP}
Options:
  -f, --format F         jsonl (default), csv, gdelt, plover, or mentions (GDELT Mentions table:
                         one row per mention, keyed by the cross-article event id)
  --from YYYY-MM-DD      events on or after this date
  --to YYYY-MM-DD        events on or before this date
  --country ISO3         events whose source, target or location is in this country (e.g. RUS)
  --type T               a PLOVER type (CONSULT) or a CAMEO code prefix (04, 042)
  --clustered            one row per cross-article event (same date, dyad, type and location),
                         with mention, source and article counts (gdelt and jsonl)
  --header               with --format gdelt or mentions: write a header row
  -h, --help             show this help
`;

/** GDELT 2.0 Mentions table columns. */
export const GDELT_MENTION_COLUMNS: readonly string[] = [
  'GLOBALEVENTID', 'EventTimeDate', 'MentionTimeDate', 'MentionType', 'MentionSourceName', 'MentionIdentifier',
  'SentenceID', 'Actor1CharOffset', 'Actor2CharOffset', 'ActionCharOffset', 'InRawText', 'Confidence',
  'MentionDocLen', 'MentionDocTone', 'MentionDocTranslationInfo', 'Extras',
];

const tsv = (cells: (string | number | null | undefined)[]) =>
  cells.map((c) => (c === null || c === undefined ? '' : String(c).replace(/[\t\r\n]+/g, ' '))).join('\t') + '\n';

function dateTime(date: string): string {
  return `${date.slice(0, 4)}${date.slice(5, 7) || '01'}${date.slice(8, 10) || '01'}000000`;
}

/** The cross-article event id, shared by the clustered export and the mentions table. */
export function clusterEventId(cluster: string): string {
  return numericEventId(`cluster:${cluster}`);
}

function mentionRow(r: EventRecord, a: ArticleMeta, cluster: string): string {
  return tsv([
    clusterEventId(cluster), dateTime(r.date), dateTime(a.date), 1, a.source ?? '', a.url ?? r.article_id,
    r.sentence + 1, r.source.start, r.target?.start ?? -1, r.evidence.start, 1, 100, '', 0, '', '',
  ]);
}

export function parseFilter(values: Record<string, unknown>): EventFilter {
  const f: EventFilter = {};
  for (const k of ['from', 'to'] as const) {
    const v = values[k];
    if (v === undefined) continue;
    const d = normaliseDate(v);
    if (!d) throw new UsageError(`--${k} must be YYYY-MM-DD, got "${String(v)}"`);
    f[k] = d;
  }
  if (values.country !== undefined) {
    const c = String(values.country).toUpperCase();
    if (!/^[A-Z]{3}$/.test(c)) throw new UsageError(`--country must be an ISO 3166-1 alpha-3 code (e.g. RUS), got "${String(values.country)}"`);
    f.country = c;
  }
  if (values.type !== undefined) {
    const t = String(values.type);
    if (!/^[A-Za-z_]+$|^[0-9]{1,4}$/.test(t)) throw new UsageError(`--type must be a PLOVER type (CONSULT) or a CAMEO code prefix (04), got "${t}"`);
    f.type = t;
  }
  return f;
}

async function writeEvents(store: Store, filter: EventFilter, format: ExportFormat, header: boolean, sink: OutputSink): Promise<number> {
  let n = 0;
  if (format === 'mentions') {
    if (header) await sink.write(GDELT_MENTION_COLUMNS.join('\t') + '\n');
    for await (const e of store.events(filter)) {
      if (sink.isClosed) break;
      await sink.write(mentionRow(e.record, e.article, e.cluster));
      n++;
    }
    await sink.flush();
    return n;
  }
  const w = createEventWriter(formatterFor(format, { header }), sink);
  for await (const e of store.events(filter)) {
    if (sink.isClosed) break;
    await w.write(e.record, e.article);
    n++;
  }
  await w.end();
  return n;
}

async function writeClusters(store: Store, filter: EventFilter, format: ExportFormat, header: boolean, sink: OutputSink): Promise<number> {
  const added = gdeltTimestamp(new Date());
  const iMentions = GDELT_COLUMNS.indexOf('NumMentions');
  let n = 0;
  if (format === 'gdelt' && header) await sink.write(GDELT_COLUMNS.join('\t') + '\n');
  for await (const c of store.clusters(filter)) {
    if (sink.isClosed) break;
    if (format === 'gdelt') {
      const row = gdeltRow(c.record, c.article, added);
      row[0] = clusterEventId(c.cluster);
      row[iMentions] = c.numMentions;
      row[iMentions + 1] = c.numSources;
      row[iMentions + 2] = c.numArticles;
      await sink.write(tsv(row));
    } else {
      await sink.write(JSON.stringify({
        cluster: c.cluster, event_id: clusterEventId(c.cluster),
        num_mentions: c.numMentions, num_sources: c.numSources, num_articles: c.numArticles,
        first_mention: canonicalEvent(c.record),
      }) + '\n');
    }
    n++;
  }
  await sink.flush();
  return n;
}

export async function runExport(argv: string[], io: CliIO = processIO()): Promise<number> {
  const { values, positionals } = parse(argv, {
    db: { type: 'string' },
    format: { type: 'string', short: 'f' },
    from: { type: 'string' },
    to: { type: 'string' },
    country: { type: 'string' },
    type: { type: 'string' },
    clustered: { type: 'boolean' },
    header: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) { io.stdout.write(exportHelp); return EXIT_OK; }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" (the store is given with --db)`);
  const db = dbOption(values.db);
  const format = choice<ExportFormat>('format', values.format, EXPORT_FORMATS, 'jsonl');
  const filter = parseFilter(values);
  const clustered = values.clustered === true;
  if (clustered && format !== 'gdelt' && format !== 'jsonl') throw new UsageError('--clustered works with --format gdelt or jsonl');
  let store: Store;
  try {
    store = await openStore(db, { readonly: true });
  } catch (e) {
    reportNotice(io, (e as Error).message);
    return EXIT_SOME_FAILED;
  }
  const sink = new OutputSink(io.stdout);
  try {
    if (clustered) await writeClusters(store, filter, format, values.header === true, sink);
    else await writeEvents(store, filter, format, values.header === true, sink);
  } catch (e) {
    reportNotice(io, (e as Error).message);
    return EXIT_SOME_FAILED;
  } finally {
    await store.close();
  }
  if (sink.error) { reportError(io, 'stdout', sink.error.message); return EXIT_SOME_FAILED; }
  return EXIT_OK;
}
