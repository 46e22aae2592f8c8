// `dyad keys add|list|revoke`: API keys for `dyad serve`, stored hashed (salted SHA-256) in the
// store's own database (table api_keys), so one file or one PostgreSQL schema holds everything.
import { EXIT_OK, EXIT_SOME_FAILED, UsageError, choice, parse } from './args.js';
import { STORE_HELP, dbOption } from './ingest.js';
import { processIO, reportNotice, type CliIO } from './io.js';

export const keysHelp = `Usage: dyad keys add NAME [--scope write|read] | dyad keys list | dyad keys revoke ID

Manage the API keys of \`dyad serve\`. "add" prints the new key once on stdout (only a salted hash
is kept); "list" prints id, name, scope, created and revoked times; "revoke" disables a key.

${STORE_HELP}
Options:
  --scope S              write (default: may POST articles and read) or read (reads only)
  -h, --help             show this help
`;

export async function runKeys(argv: string[], io: CliIO = processIO()): Promise<number> {
  const { values, positionals } = parse(argv, {
    db: { type: 'string' },
    scope: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(keysHelp);
    return EXIT_OK;
  }
  const [action, arg, ...extra] = positionals;
  if (!action || !['add', 'list', 'revoke'].includes(action)) throw new UsageError('expected add, list or revoke');
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  if ((action === 'add' || action === 'revoke') && !arg) throw new UsageError(`keys ${action} needs ${action === 'add' ? 'a NAME' : 'an ID'}`);
  const scope = choice('scope', values.scope, ['write', 'read'] as const, 'write');
  const [{ openStore }, { KeyRing, migrateKeys }] = await Promise.all([import('../store/store.js'), import('../server/keys.js')]);
  const store = await openStore(dbOption(values.db));
  try {
    await migrateKeys(store.db);
    const ring = KeyRing.of(store.db);
    if (action === 'add') {
      const { key, info } = await ring.add(arg!, scope);
      io.stdout.write(`${key}\n`);
      reportNotice(io, `added key ${info.id} (${info.name}, ${info.scope}); it is shown only now`);
      return EXIT_OK;
    }
    if (action === 'list') {
      for (const k of await ring.list()) io.stdout.write(`${k.id}\t${k.name}\t${k.scope}\t${k.created_at}\t${k.revoked_at ?? ''}\n`);
      return EXIT_OK;
    }
    if (await ring.revoke(arg!)) {
      reportNotice(io, `revoked key ${arg}`);
      return EXIT_OK;
    }
    reportNotice(io, `no active key with id ${arg}`);
    return EXIT_SOME_FAILED;
  } finally {
    await store.close();
  }
}
