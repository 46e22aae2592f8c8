// A store for the API tests: the example article (read from ../shared at test time) coded by the
// real pipeline, plus a server over it with one write key and one read-only key.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadCoder, type CodeFn } from '../../src/ingest/coder.js';
import { contentHash } from '../../src/ingest/hash.js';
import { SHARED_DIR } from '../../src/paths.js';
import { buildServer, type ServerOptions } from '../../src/server/app.js';
import { KeyRing, migrateKeys } from '../../src/server/keys.js';
import { openStore, type Store } from '../../src/store/store.js';
import type { Article } from '../../src/types.js';

export const EXAMPLE_ID = 'armenia-russia-arms-2021-08-24';

export function exampleArticle(): Article {
  const text = readFileSync(join(SHARED_DIR, 'examples', 'armenia-russia-arms-2021-08-24.txt'), 'utf8');
  return { id: EXAMPLE_ID, date: '2021-08-24', title: 'Armenia and Russia: arms', text };
}

export interface Fixture {
  dir: string;
  store: Store;
  app: FastifyInstance;
  code: CodeFn;
  writeKey: string;
  readKey: string;
  close(): Promise<void>;
}

let coder: Promise<CodeFn> | null = null;
export const sharedCoder = (): Promise<CodeFn> => (coder ??= loadCoder());

/** A server over a fresh store: a SQLite file in a temporary directory, or `location` (PostgreSQL). */
export async function fixture(options: Partial<ServerOptions> = {}, location?: string): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-server-'));
  const store = await openStore(location ?? join(dir, 'api.sqlite'));
  const code = await sharedCoder();
  const a = exampleArticle();
  await store.putAnalyses([{ article: a, hash: contentHash(a), analysis: code(a) }]);
  await migrateKeys(store.db);
  const ring = KeyRing.of(store.db);
  const writeKey = (await ring.add('tests', 'write')).key;
  const readKey = (await ring.add('reader', 'read')).key;
  const app = await buildServer({ store, code, webRoot: null, ...options });
  return {
    dir, store, app, code, writeKey, readKey,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
