// `dyad explain "<sentence>"`: how a sentence is coded, for dictionary editors: tokens, verb groups,
// actor matches, each candidate pattern (file and line) and why it did or did not fire, and the events.
import { EXIT_OK, DICTIONARY_OPTIONS, UsageError, dateOption, dictionaryFlags, parse } from './args.js';
import { EXPLAIN_HELP } from './help.js';
import type { CliIO } from './io.js';
import { OutputSink } from '../output/sink.js';

export async function runExplain(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...DICTIONARY_OPTIONS,
    date: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) { io.stdout.write(EXPLAIN_HELP); return EXIT_OK; }
  const text = positionals.join(' ').trim();
  if (!text) throw new UsageError('give the sentence to explain, e.g. dyad explain "Russia attacked Ukraine."');
  const date = dateOption(values.date) ?? new Date().toISOString().slice(0, 10);
  const [{ explainText, formatExplanation }, { knowledgeFromFlags }] = await Promise.all([import('../events/explain.js'), import('./dictionaries.js')]);
  const k = knowledgeFromFlags(dictionaryFlags(values));
  const explanation = explainText({ id: 'explain', date, text }, k);
  const sink = new OutputSink(io.stdout);
  await sink.write(values.json ? JSON.stringify(explanation) + '\n' : formatExplanation(explanation));
  await sink.flush();
  return EXIT_OK;
}
