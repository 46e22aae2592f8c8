#!/usr/bin/env node
// The `dyad` command: dispatch to one module per command, map usage errors to exit code 2.
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, UsageError } from './args.js';
import { MAIN_HELP } from './help.js';
import { processIO, type CliIO } from './io.js';
import { tuneV8ForCoding } from '../runtime.js';

const COMMANDS: Record<string, (argv: string[], io: CliIO) => Promise<number>> = {
  code: async (argv, io) => (await import('./code.js')).runCode(argv, io),
  analyze: async (argv, io) => (await import('./analyze.js')).runAnalyze(argv, io),
  actors: async (argv, io) => (await import('./actors.js')).runActors(argv, io),
  explain: async (argv, io) => (await import('./explain.js')).runExplain(argv, io),
  ingest: async (argv, io) => (await import('./ingest.js')).runIngest(argv, io),
  watch: async (argv, io) => (await import('./watch.js')).runWatch(argv, io),
  export: async (argv, io) => (await import('./export.js')).runExport(argv, io),
  enqueue: async (argv, io) => (await import('./enqueue.js')).runEnqueue(argv, io),
  worker: async (argv, io) => (await import('./worker.js')).runWorker(argv, io),
  serve: async (argv, io) => (await import('./serve.js')).runServe(argv, io),
  keys: async (argv, io) => (await import('./keys.js')).runKeys(argv, io),
};

function version(): string {
  // dist/src/cli/main.js → package.json three levels up (src/cli/main.ts two levels when run from src).
  for (const rel of ['../../../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'dyad' && pkg.version) return pkg.version;
    } catch { /* try the next location */ }
  }
  return 'unknown';
}

/** Run the CLI; returns the exit code. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    if (command === 'help' && rest[0] && COMMANDS[rest[0]]) return main([rest[0], '--help'], io);
    (command === undefined ? io.stderr : io.stdout).write(MAIN_HELP);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (command === '--version' || command === '-v' || command === '-V') {
    io.stdout.write(`${version()}\n`);
    return EXIT_OK;
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    io.stderr.write(`dyad: unknown ${command.startsWith('-') ? 'option' : 'command'} "${command}" (commands: ${Object.keys(COMMANDS).join(', ')}; see dyad --help)\n`);
    return EXIT_USAGE;
  }
  try {
    return await run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`dyad ${command}: ${e.message} (see dyad ${command} --help)\n`);
      return EXIT_USAGE;
    }
    const err = e as Error;
    io.stderr.write(`dyad: ${process.env.DYAD_DEBUG ? err?.stack : err?.message ?? String(e)}\n`);
    return EXIT_SOME_FAILED;
  }
}

function invokedDirectly(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  tuneV8ForCoding();
  // Quiet on a closed pipe (`dyad code x | head`): nothing more can be written, so just stop.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT_OK);
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
