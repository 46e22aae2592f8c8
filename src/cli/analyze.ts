// `dyad analyze`: one Analysis JSON per article.
import { formatAnalysis } from '../output/analysis.js';
import { OutputSink } from '../output/sink.js';
import { DICTIONARY_OPTIONS, EXIT_OK, INPUT_OPTIONS, dictionaryFlags, UsageError, parse, readOptionsOf } from './args.js';
import { runBatch } from './batch.js';
import { ANALYZE_HELP } from './help.js';
import type { CliIO } from './io.js';
import { loadPipeline, type Pipeline } from './pipeline.js';
import type { DictionaryFlags } from './dictionaries.js';

export async function runAnalyze(argv: string[], io: CliIO, load: (flags: DictionaryFlags) => Promise<Pipeline> = loadPipeline): Promise<number> {
  const { values, positionals } = parse(argv, { ...INPUT_OPTIONS, ...DICTIONARY_OPTIONS, pretty: { type: 'boolean' } });
  if (values.help) { io.stdout.write(ANALYZE_HELP); return EXIT_OK; }
  const readOptions = readOptionsOf(values);
  if (positionals.length === 0) throw new UsageError('no input (give files, directories, or - for stdin)');
  const pipeline = await load(dictionaryFlags(values));
  const sink = new OutputSink(io.stdout);
  const pretty = values.pretty === true;
  const { code } = await runBatch(positionals, readOptions, io, sink, async (article) => {
    await sink.write(formatAnalysis(pipeline.analyze(article), pretty));
    return 1;
  });
  return code;
}
