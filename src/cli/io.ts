// The streams a command talks to (injectable for tests) and the error-line convention:
// `dyad: <record>: <reason>` on stderr.
import type { Readable, Writable } from 'node:stream';

export interface CliIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

export const processIO = (): CliIO => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });

/** Single-line form of a message (record ids and reasons may contain line breaks). */
function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ');
}

export function reportError(io: CliIO, record: string, reason: string): void {
  io.stderr.write(`dyad: ${oneLine(record)}: ${oneLine(reason)}\n`);
}

export function reportNotice(io: CliIO, message: string): void {
  io.stderr.write(`dyad: ${oneLine(message)}\n`);
}
