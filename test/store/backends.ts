// The back ends every store test runs against: a fresh SQLite file, and PostgreSQL in a schema of
// its own (dropped afterwards). PostgreSQL is required: CI starts it (.ci/services.sh); tests fail
// with a clear message when it is unreachable rather than skipping silently.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_URL = process.env.DYAD_TEST_PG ?? 'postgres://root@127.0.0.1:5432/test';
export const REDIS_URL = process.env.DYAD_TEST_REDIS ?? 'redis://127.0.0.1:6379';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty location on each call. */
  fresh(): Promise<string>;
  cleanup(): Promise<void>;
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-store-'));
  let n = 0;
  return {
    name: 'sqlite',
    fresh: async () => join(dir, `db${n++}.sqlite`),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Fails (throws) with a clear message if PostgreSQL cannot be reached. */
export async function assertPostgres(url = PG_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (e) {
    throw new Error(`PostgreSQL is required for this test but ${url} is unreachable (${(e as Error).message}); start it with .ci/services.sh or set DYAD_TEST_PG`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function postgresBackend(): Backend {
  const schemas: string[] = [];
  return {
    name: 'postgres',
    async fresh() {
      await assertPostgres();
      const s = uniqueName('dyad_t');
      schemas.push(s);
      return `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${s}`;
    },
    async cleanup() {
      if (schemas.length === 0) return;
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      try {
        for (const s of schemas) await client.query(`drop schema if exists "${s}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

export function allBackends(): Backend[] {
  return [sqliteBackend(), postgresBackend()];
}
