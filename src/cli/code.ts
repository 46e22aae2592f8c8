// `dyad code`: articles → event records in jsonl, csv, gdelt or plover.
import { OUTPUT_FORMATS, formatterFor, type OutputFormat } from '../output/index.js';
import { OutputSink } from '../output/sink.js';
import { createEventWriter } from '../output/writer.js';
import { DICTIONARY_OPTIONS, EXIT_OK, INPUT_OPTIONS, dictionaryFlags, UsageError, choice, parse, readOptionsOf } from './args.js';
import { runBatch } from './batch.js';
import { CODE_HELP } from './help.js';
import type { CliIO } from './io.js';
import { loadPipeline, type Pipeline } from './pipeline.js';
import type { DictionaryFlags } from './dictionaries.js';

export async function runCode(argv: string[], io: CliIO, load: (flags: DictionaryFlags) => Promise<Pipeline> = loadPipeline): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...INPUT_OPTIONS,
    ...DICTIONARY_OPTIONS,
    format: { type: 'string', short: 'f' },
    header: { type: 'boolean' },
  });
  if (values.help) { io.stdout.write(CODE_HELP); return EXIT_OK; }
  const format = choice<OutputFormat>('format', values.format, OUTPUT_FORMATS, 'jsonl');
  const readOptions = readOptionsOf(values);
  if (positionals.length === 0) throw new UsageError('no input (give files, directories, or - for stdin)');
  const pipeline = await load(dictionaryFlags(values));
  const sink = new OutputSink(io.stdout);
  const writer = createEventWriter(formatterFor(format, { header: values.header === true }), sink);
  const { code } = await runBatch(positionals, readOptions, io, sink, async (article) => {
    const events = pipeline.code(article);
    const meta = { id: article.id, date: article.date, title: article.title, url: article.url, source: article.source };
    for (const e of events) await writer.write(e, meta);
    return events.length;
  });
  await writer.end();
  return code;
}
