// Process-wide V8 settings for batch coding, applied by our own entry points (the CLI and the bench)
// and exported for library users who code large batches; never applied on import.
import { setFlagsFromString } from 'node:v8';

let applied = false;

/**
 * Turn off V8's allocation-site pretenuring. wink-nlp allocates each document's token and sentence
 * arrays at a few allocation sites; once a long article keeps them alive across scavenges, V8 decides
 * those sites are long-lived and from then on allocates every document's arrays in old space, where
 * they pile up as garbage until a full collection. Measured on the bench corpora, turning it off keeps
 * the heap near its live size (peak RSS about a third lower) and codes 10-20% faster. The flag is read
 * when V8 makes the decision, so this must run before the first article is coded; later calls are no-ops.
 */
export function tuneV8ForCoding(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString('--no-allocation-site-pretenuring');
}
