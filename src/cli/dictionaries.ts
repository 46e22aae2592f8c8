// --verbs / --actors / --agents / --discards / --dictionaries: PETRARCH-format dictionaries for the
// code, analyze and actors commands. Alone, each file replaces the corresponding built-in part;
// `--dictionaries builtin+petrarch` adds them to the built-in ones instead. `--actors` takes several
// files separated by commas (PETRARCH splits countries, international and non-state actors).
import { loadKnowledge, type Knowledge } from '../knowledge/index.js';
import { formatErrors, loadPetrarchKnowledge } from '../knowledge/petrarch/index.js';
import { DICTIONARY_MODES, type DictionaryFlags } from './dictionary-flags.js';

export { builtinOnly, DICTIONARY_MODES, type DictionaryFlags } from './dictionary-flags.js';

/** How many malformed lines are listed on stderr before "... and N more". */
const SHOWN_ERRORS = 10;

/**
 * The knowledge the flags ask for. No PETRARCH file and no mode (or `builtin`): the built-in knowledge.
 * Malformed dictionary lines are reported on stderr as file:line and skipped; a missing file, an
 * unknown mode, or a PETRARCH mode without files throws.
 */
export function knowledgeFromFlags(values: DictionaryFlags, warn: (line: string) => void = (l) => process.stderr.write(l + '\n')): Knowledge {
  const mode = (values.dictionaries ?? '').trim() || null;
  if (mode !== null && !(DICTIONARY_MODES as readonly string[]).includes(mode)) {
    throw new Error(`--dictionaries must be one of ${DICTIONARY_MODES.join(', ')} (got '${mode}')`);
  }
  const actors = values.actors?.split(',').map((s) => s.trim()).filter(Boolean);
  const any = !!(values.verbs || actors?.length || values.agents || values.discards);
  if (!any) {
    if (mode !== null && mode !== 'builtin') throw new Error(`--dictionaries ${mode} needs --verbs, --actors, --agents or --discards`);
    return loadKnowledge();
  }
  if (mode === 'builtin') throw new Error('--dictionaries builtin cannot be combined with PETRARCH files (use builtin+petrarch)');
  const r = loadPetrarchKnowledge(
    { verbs: values.verbs, actors, agents: values.agents, discards: values.discards },
    { merge: mode === 'builtin+petrarch' },
  );
  if (r.errors.length) {
    const lines = formatErrors(r.errors);
    warn(`dyad: ${lines.length} malformed dictionary line(s) skipped:`);
    for (const l of lines.slice(0, SHOWN_ERRORS)) warn(`  ${l}`);
    if (lines.length > SHOWN_ERRORS) warn(`  ... and ${lines.length - SHOWN_ERRORS} more`);
  }
  return r.knowledge;
}
