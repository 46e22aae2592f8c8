// In-process CLI harness: fake stdin/stdout/stderr and a fake pipeline, so command behaviour (exit
// codes, error lines, formats) is tested without depending on the coder's output.
import { PassThrough, Writable } from 'node:stream';
import type { CliIO } from '../../src/cli/io.js';
import type { Pipeline } from '../../src/cli/pipeline.js';
import type { Analysis, Article, EventRecord } from '../../src/types.js';
import { sampleRecord } from '../output/sample.js';

export interface Captured {
  io: CliIO;
  stdout: () => string;
  stderr: () => string;
}

export function capture(stdinText = ''): Captured {
  const out: string[] = [];
  const err: string[] = [];
  const stdin = new PassThrough();
  stdin.end(stdinText);
  const stdout = new Writable({ write(c, _e, cb) { out.push(String(c)); cb(); } });
  const stderr = new Writable({ write(c, _e, cb) { err.push(String(c)); cb(); } });
  return { io: { stdin, stdout, stderr }, stdout: () => out.join(''), stderr: () => err.join('') };
}

/** One event per article (id from the article), and a failure for articles whose text says BOOM. */
export function fakePipeline(): { load: () => Promise<Pipeline>; loads: () => number } {
  let loads = 0;
  const code = (a: Article): EventRecord[] => {
    if (a.text.includes('BOOM')) throw new Error('coder exploded');
    return [sampleRecord({ id: `ev-${a.id}`, article_id: a.id, date: a.date })];
  };
  const analyze = (a: Article): Analysis => ({
    article: { id: a.id, date: a.date }, entities: [], places: [], timexes: [], quotes: [], events: code(a),
  });
  return { load: async () => { loads++; return { code, analyze }; }, loads: () => loads };
}
