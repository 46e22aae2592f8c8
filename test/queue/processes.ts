// A `dyad` CLI child process with the fake coder (test/ingest/fake-coder.ts), for the queue tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUN = fileURLToPath(new URL('../ingest/run-cli.js', import.meta.url));
const FAKE = fileURLToPath(new URL('../ingest/fake-coder.js', import.meta.url));

export interface Proc { child: ChildProcess; exited: Promise<number | null>; err: () => string }

/** Start `dyad <args>` coding each article in `delayMs`; stderr is collected for assertions. */
export function start(args: string[], delayMs: number): Proc {
  const child = spawn(process.execPath, [RUN, ...args], {
    env: { ...process.env, DYAD_CODER_MODULE: FAKE, DYAD_FAKE_DELAY_MS: String(delayMs) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (b) => { err += b; });
  const exited = new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
  return { child, exited, err: () => err };
}
