// `dyad actors`: actor phrases (one per line on stdin, or arguments) → {text, code, country, sectors, name}.
import { createInterface } from 'node:readline';
import type { ActorCode } from '../types.js';
import { OutputSink } from '../output/sink.js';
import { DICTIONARY_OPTIONS, EXIT_OK, dateOption, dictionaryFlags, parse } from './args.js';
import type { DictionaryFlags } from './dictionaries.js';
import { ACTORS_HELP } from './help.js';
import type { CliIO } from './io.js';

export type ActorResolver = (text: string, date: string | null, context?: string | null) => ActorCode;

export async function loadActorResolver(flags: DictionaryFlags = {}): Promise<ActorResolver> {
  const custom = !!(flags.actors || flags.agents || flags.dictionaries);
  const [{ resolveActorText }, { loadActorKnowledge }, { loadGazetteer }, { placeCountryLookup }, dictionaries] = await Promise.all([
    import('../extract/actors.js'),
    import('../knowledge/actors.js'),
    import('../knowledge/gazetteer.js'),
    import('../knowledge/place-actors.js'),
    import('./dictionaries.js'),
  ]);
  // Only the actor dictionaries and the gazetteer (place names) matter here: load the built-in ones
  // alone unless PETRARCH files are given.
  const k = custom
    ? dictionaries.knowledgeFromFlags({ actors: flags.actors, agents: flags.agents, dictionaries: flags.dictionaries }).actors
    : { ...loadActorKnowledge(), placeCountry: placeCountryLookup(loadGazetteer()) };
  return (text, date, context) => resolveActorText(text, date, k, context ?? null);
}

export async function runActors(argv: string[], io: CliIO, load: (flags: DictionaryFlags) => Promise<ActorResolver> = loadActorResolver): Promise<number> {
  const { values, positionals } = parse(argv, {
    date: { type: 'string' },
    context: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    actors: DICTIONARY_OPTIONS.actors,
    agents: DICTIONARY_OPTIONS.agents,
    dictionaries: DICTIONARY_OPTIONS.dictionaries,
  });
  if (values.help) { io.stdout.write(ACTORS_HELP); return EXIT_OK; }
  const date = dateOption(values.date) ?? null;
  const resolve = await load(dictionaryFlags(values));
  const sink = new OutputSink(io.stdout);
  const emit = async (line: string) => {
    const text = line.trim();
    if (text.length === 0) return;
    const a = resolve(text, date, typeof values.context === 'string' ? values.context : null);
    await sink.write(JSON.stringify({ text, code: a.code, country: a.country, sectors: a.sectors, name: a.name }) + '\n');
  };
  if (positionals.length > 0) {
    for (const p of positionals) await emit(p);
  } else {
    for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
      if (sink.isClosed) break;
      await emit(line);
    }
  }
  await sink.flush();
  return EXIT_OK;
}
