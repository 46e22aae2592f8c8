// Ingestion into the store: content hashes, the coding thread pool, the orchestrator, progress.
export { ingest, defaultThreads, type IngestOptions, type IngestStats } from './ingest.js';
export { CoderPool, type CodeResult } from './pool.js';
export { loadCoder, type CodeFn } from './coder.js';
export { contentHash } from './hash.js';
export { ProgressLine, progressLine, type ProgressCounts } from './progress.js';
export { estimateArticles } from './count.js';
