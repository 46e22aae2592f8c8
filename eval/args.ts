// Command-line options of `npm run eval` (kept apart from main.ts so tests need not load the coder).

export interface EvalArgs {
  sets: string[];
  limit?: number;
  write?: boolean;
  help: boolean;
}

/** Parse the command-line options (pure; throws on a bad option). */
export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  const out: EvalArgs = { sets: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--set' || a.startsWith('--set=')) out.sets.push(...value().split(',').filter(Boolean));
    else if (a === '--limit' || a.startsWith('--limit=')) {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) throw new Error(`--limit needs a whole number, got ${argv[i]}`);
      out.limit = n;
    } else if (a === '--write') out.write = true;
    else if (a === '--no-write') out.write = false;
    else if (a === '--help' || a === '-h') out.help = true;
    else throw new Error(`unknown option ${a}`);
  }
  return out;
}
