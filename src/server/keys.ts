// API keys, kept in the store's own database (table api_keys, created by this module's migration
// with its own migration table, so the store's schema is untouched). A key is shown once, at
// creation: "dyad_<id>_<secret>". Only a salted SHA-256 of the secret is stored; the secret is 32
// random bytes, so a slow password hash would add nothing against guessing but cost every request.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Migrator, type Kysely, type Migration } from 'kysely';
import type { Database } from '../store/schema.js';

export interface ApiKeysTable {
  id: string;
  name: string;
  salt: string;
  hash: string;
  /** 'read' may only read; 'write' may also POST articles. */
  scope: string;
  created_at: string;
  revoked_at: string | null;
}

export type KeysDb = Kysely<Database & { api_keys: ApiKeysTable }>;
export type KeyScope = 'read' | 'write';

export interface KeyInfo {
  id: string;
  name: string;
  scope: KeyScope;
  created_at: string;
  revoked_at: string | null;
}

const createKeys: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('api_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('salt', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
  },
};

// Once the API's query indexes; the store's own migration 0002_query_indexes now creates them (and
// drops these narrower ones), so this step is empty but keeps its name: stores that ran it stay valid.
const queryIndexes: Migration = {
  async up() {},
};

/**
 * The server's own migrations (api_keys table, query indexes), tracked in their own migration
 * table so the store's schema history is untouched. Safe to run concurrently and repeatedly.
 */
export async function migrateKeys(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ '0001_api_keys': createKeys, '0002_query_indexes': queryIndexes }) },
    migrationTableName: 'dyad_server_migrations',
    migrationLockTableName: 'dyad_server_migrations_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

function digest(salt: string, secret: string): string {
  return createHash('sha256').update(salt).update('\u0000').update(secret).digest('hex');
}

const KEY_RE = /^dyad_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export class KeyRing {
  constructor(private readonly db: KeysDb) {}

  static of(db: Kysely<Database>): KeyRing {
    return new KeyRing(db.withTables<{ api_keys: ApiKeysTable }>());
  }

  /** Create a key; returns the full key (shown once) and its record. */
  async add(name: string, scope: KeyScope = 'write'): Promise<{ key: string; info: KeyInfo }> {
    const id = randomBytes(8).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    const salt = randomBytes(16).toString('hex');
    const info: KeyInfo = { id, name, scope, created_at: new Date().toISOString(), revoked_at: null };
    await this.db.insertInto('api_keys').values({ ...info, salt, hash: digest(salt, secret) }).execute();
    return { key: `dyad_${id}_${secret}`, info };
  }

  async list(): Promise<KeyInfo[]> {
    const rows = await this.db.selectFrom('api_keys').select(['id', 'name', 'scope', 'created_at', 'revoked_at']).orderBy('created_at').execute();
    return rows.map((r) => ({ ...r, scope: r.scope as KeyScope }));
  }

  /** Revoke by id; returns false if there is no such active key. */
  async revoke(id: string): Promise<boolean> {
    const rows = await this.db.updateTable('api_keys').set({ revoked_at: new Date().toISOString() })
      .where('id', '=', id).where('revoked_at', 'is', null).returning('id').execute();
    return rows.length > 0;
  }

  async count(): Promise<number> {
    const [r] = await this.db.selectFrom('api_keys').select((eb) => eb.fn.countAll<number>().as('n')).where('revoked_at', 'is', null).execute();
    return Number(r?.n ?? 0);
  }

  /** The key's record if `presented` is a valid, unrevoked key; else null. Constant-time compare. */
  async verify(presented: string): Promise<KeyInfo | null> {
    const m = KEY_RE.exec(presented);
    if (!m) return null;
    const [, id, secret] = m as unknown as [string, string, string];
    const [row] = await this.db.selectFrom('api_keys').selectAll().where('id', '=', id).execute();
    if (!row || row.revoked_at !== null) return null;
    const want = Buffer.from(row.hash, 'hex');
    const got = Buffer.from(digest(row.salt, secret), 'hex');
    if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
    // No cache: a primary-key lookup is cheap, and a revoked key must stop working at once.
    return { id: row.id, name: row.name, scope: row.scope as KeyScope, created_at: row.created_at, revoked_at: null };
  }
}
