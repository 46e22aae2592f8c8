// Where a result came from: command, git commit (with +dirty), date, Node version and machine. Shared by
// the evaluation and the benchmark reports.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { PACKAGE_ROOT } from '../src/paths.js';

export interface Provenance {
  command: string;
  commit: string;
  date: string;
  node: string;
  machine: string;
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: PACKAGE_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** `git rev-parse --short HEAD`, plus "+dirty" when the working tree has changes; "unknown" outside git. */
export function gitCommit(): string {
  const head = git(['rev-parse', '--short', 'HEAD']);
  if (!head) return 'unknown';
  const status = git(['status', '--porcelain']);
  return status ? `${head}+dirty` : head;
}

export function provenance(command: string): Provenance {
  const c = cpus();
  const model = c[0]?.model.trim().replace(/\s+/g, ' ') ?? 'unknown CPU';
  return {
    command,
    commit: gitCommit(),
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    node: process.version,
    machine: `${process.platform}/${process.arch}, ${c.length} cores (${model}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
  };
}

/** The provenance block at the top of a generated Markdown file. */
export function provenanceMarkdown(p: Provenance): string {
  return [
    `- Command: \`${p.command}\``,
    `- Commit: \`${p.commit}\``,
    `- Date: ${p.date}`,
    `- Node: ${p.node}`,
    `- Machine: ${p.machine}`,
  ].join('\n');
}
