// The dictionary flags of code, analyze, explain and actors (see dictionaries.ts), without the
// PETRARCH loader: a run on the built-in dictionaries need not load it.

export interface DictionaryFlags {
  verbs?: string;
  actors?: string;
  agents?: string;
  discards?: string;
  dictionaries?: string;
}

export const DICTIONARY_MODES = ['builtin', 'petrarch', 'builtin+petrarch'] as const;

/** Whether the flags ask for the built-in knowledge alone (no PETRARCH file; no mode, or `builtin`). */
export function builtinOnly(values: DictionaryFlags): boolean {
  const mode = (values.dictionaries ?? '').trim() || null;
  const actors = values.actors?.split(',').map((s) => s.trim()).filter(Boolean);
  const any = !!(values.verbs || actors?.length || values.agents || values.discards);
  return !any && (mode === null || mode === 'builtin');
}
