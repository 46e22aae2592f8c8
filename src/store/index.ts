// The event store (SQLite or PostgreSQL behind one Kysely schema).
export { Store, openStore, isPostgresLocation, redactLocation } from './store.js';
export type { OpenOptions, StoredArticle, PutStatus, EventFilter, StoredEvent, StoredCluster, SearchHit } from './store.js';
export { StoreError, storeError, isTransient } from './errors.js';
export { clusterKey } from './cluster.js';
export type { Database } from './schema.js';
