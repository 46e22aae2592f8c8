// All the knowledge the pipeline needs, loaded once at start-up and shared read-only.
import { loadActorKnowledge, type ActorKnowledge } from './actors.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { placeCountryLookup } from './place-actors.js';
import { loadOntology, type Ontology } from '../events/ontology.js';
import { loadPatterns, type PatternSet } from '../events/patterns.js';
import { loadLexicon, type Lexicon } from '../events/lexicon.js';
import { loadEntityKnowledge, type EntityKnowledge } from '../extract/entities.js';
import { loadIntentTable, type IntentTable } from '../events/intent.js';
import type { Discards } from './petrarch/discards.js';

export interface Knowledge {
  actors: ActorKnowledge;
  gazetteer: Gazetteer;
  ontology: Ontology;
  patterns: PatternSet;
  lexicon: Lexicon;
  entities: EntityKnowledge;
  intents: IntentTable;
  /** PETRARCH discards (sentences and stories to leave uncoded), when such a dictionary is loaded. */
  discards: Discards | null;
}

let cached: Knowledge | null = null;

/** Build a knowledge object; parts may be replaced (e.g. PETRARCH dictionaries instead of ours). */
export function buildKnowledge(parts: Partial<Knowledge> = {}): Knowledge {
  const ontology = parts.ontology ?? loadOntology();
  const gazetteer = parts.gazetteer ?? loadGazetteer();
  const actors = parts.actors ?? loadActorKnowledge();
  return {
    actors: actors.placeCountry ? actors : { ...actors, placeCountry: placeCountryLookup(gazetteer) },
    gazetteer,
    ontology,
    patterns: parts.patterns ?? loadPatterns(ontology),
    lexicon: parts.lexicon ?? loadLexicon(),
    entities: parts.entities ?? loadEntityKnowledge(),
    intents: parts.intents ?? loadIntentTable(),
    discards: parts.discards ?? null,
  };
}

/** The built-in dictionaries and gazetteer, loaded once. */
export function loadKnowledge(): Knowledge {
  if (!cached) cached = buildKnowledge();
  return cached;
}
