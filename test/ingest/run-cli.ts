// Runs one of this area's commands in a child process (tests spawn it, then kill it), mapping
// usage errors to exit code 2 as src/cli/main.ts does:
// node dist/test/ingest/run-cli.js <ingest|export|enqueue|worker|watch> args...
import { UsageError } from '../../src/cli/args.js';

const [command, ...args] = process.argv.slice(2);
const modules: Record<string, () => Promise<(argv: string[]) => Promise<number>>> = {
  ingest: async () => (await import('../../src/cli/ingest.js')).runIngest,
  export: async () => (await import('../../src/cli/export.js')).runExport,
  enqueue: async () => (await import('../../src/cli/enqueue.js')).runEnqueue,
  worker: async () => (await import('../../src/cli/worker.js')).runWorker,
};
const load = command ? modules[command] : undefined;
if (!load) {
  process.stderr.write(`run-cli: unknown command ${command}\n`);
  process.exit(2);
}
const run = await load();
try {
  process.exitCode = await run(args);
} catch (e) {
  process.stderr.write(`dyad ${command}: ${(e as Error).message}\n`);
  process.exitCode = e instanceof UsageError ? 2 : 1;
}
