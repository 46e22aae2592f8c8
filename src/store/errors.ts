// Database failures turned into one clear sentence for the user (locked, read-only, full disk,
// not a database, server unreachable), keeping the driver's code for programs.
export class StoreError extends Error {
  constructor(message: string, readonly code: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** node-postgres reports a connection lost mid-query or a connect timeout without a code. */
const PG_CONNECTION_LOST = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed/i;

/** Wrap a driver error (better-sqlite3 SqliteError or pg error) with a message naming the store. */
export function storeError(e: unknown, where: string): StoreError {
  if (e instanceof StoreError) return e;
  const err = e as { code?: string; message?: string; errno?: string };
  const code = String(err?.code ?? 'UNKNOWN');
  const msg = err?.message ?? String(e);
  let text: string;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    text = `database ${where} is locked by another process (${code}); wait for it to finish or raise --busy-timeout`;
  } else if (code.startsWith('SQLITE_READONLY')) {
    text = `database ${where} is read-only (${code}): check the permissions of the file and its directory`;
  } else if (code === 'SQLITE_CANTOPEN') {
    text = `cannot open database ${where} (${code}): the directory must exist and be writable`;
  } else if (code === 'SQLITE_FULL') {
    text = `database ${where}: disk full (${code}); the last batch was rolled back, the database is consistent`;
  } else if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    text = `${where} is not a Dyad database or is corrupt (${code})`;
  } else if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR')) {
    text = `database ${where}: I/O error (${code}): ${msg}`;
  } else if (code === 'UNKNOWN' && PG_CONNECTION_LOST.test(msg)) {
    text = `lost the connection to PostgreSQL at ${where}: ${msg}`;
  } else if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'ECONNRESET' || code === '57P01' || code === '57P03') {
    text = `cannot reach PostgreSQL at ${where} (${code}): ${msg}`;
  } else if (code === '53100') {
    text = `PostgreSQL at ${where}: disk full (${code}); the last batch was rolled back`;
  } else if (code === '3D000' || code === '28P01' || code === '28000') {
    text = `PostgreSQL at ${where}: ${msg} (${code})`;
  } else {
    text = `database ${where}: ${msg}${code !== 'UNKNOWN' ? ` (${code})` : ''}`;
  }
  return new StoreError(text, code, { cause: e });
}

/** Errors worth retrying later (the server went away, a lock, a serialization conflict). */
export function isTransient(e: unknown): boolean {
  const err = e as { code?: string; message?: string; cause?: unknown };
  if (e instanceof StoreError && err.code === 'UNKNOWN' && err.cause !== undefined) return isTransient(err.cause);
  const code = String(err?.code ?? '');
  if (!code && PG_CONNECTION_LOST.test(String(err?.message ?? ''))) return true;
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '40001', '40P01', '08006', '08001', '08003'].includes(code);
}
