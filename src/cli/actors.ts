// `dyad actors`: actor phrases (one per line on stdin, or arguments) → {text, code, country, sectors, name}.
import { createInterface } from 'node:readline';
import type { ActorCode } from '../types.js';
import { OutputSink } from '../output/sink.js';
import { EXIT_OK, dateOption, parse } from './args.js';
import { ACTORS_HELP } from './help.js';
import type { CliIO } from './io.js';

export type ActorResolver = (text: string, date: string | null) => ActorCode;

export async function loadActorResolver(): Promise<ActorResolver> {
  const [{ resolveActorText }, { loadActorKnowledge }] = await Promise.all([
    import('../extract/actors.js'),
    import('../knowledge/actors.js'),
  ]);
  const k = loadActorKnowledge();
  return (text, date) => resolveActorText(text, date, k);
}

export async function runActors(argv: string[], io: CliIO, load: () => Promise<ActorResolver> = loadActorResolver): Promise<number> {
  const { values, positionals } = parse(argv, { date: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) { io.stdout.write(ACTORS_HELP); return EXIT_OK; }
  const date = dateOption(values.date) ?? null;
  const resolve = await load();
  const sink = new OutputSink(io.stdout);
  const emit = async (line: string) => {
    const text = line.trim();
    if (text.length === 0) return;
    const a = resolve(text, date);
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
