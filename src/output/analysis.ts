// `dyad analyze` output: one Analysis object per line (or indented with --pretty).
import type { Analysis } from '../types.js';

export function formatAnalysis(a: Analysis, pretty = false): string {
  return (pretty ? JSON.stringify(a, null, 2) : JSON.stringify(a)) + '\n';
}
