// `dyad serve`: the HTTP API and the web UI over a store. Listens on loopback by default; reads are
// open unless --read-auth, writes (POST /api/articles) always need a key from `dyad keys add`.
import { EXIT_OK, EXIT_SOME_FAILED, UsageError, parse } from './args.js';
import { STORE_HELP, dbOption, intOption } from './ingest.js';
import { processIO, reportNotice, type CliIO } from './io.js';

export const serveHelp = `Usage: dyad serve [options]

Serve the event store over HTTP: a JSON API (described at /openapi.json) and the web UI (events
table, dyad time series, map, actor network, article pages with highlighted evidence).

${STORE_HELP}
Options:
  --host HOST            address to listen on (default 127.0.0.1; use 0.0.0.0 to expose it)
  -p, --port N           port (default 8080; 0 picks a free one)
  --read-auth            require an API key for reads too (writes always need one)
  --read-only            open the store read-only: no POST /api/articles, no coder loaded
  --rate-limit N         requests per minute per client IP (default 600; 0 disables)
  --write-rate-limit N   POSTs per minute per client IP (default 60)
  --body-limit BYTES     largest request body (default 1048576)
  --cors ORIGIN          allow this origin cross-site (default: CORS off)
  --web DIR              directory of the built UI (default build/web)
  --log                  log requests (JSON lines on stdout)
  -h, --help             show this help

API keys: dyad keys add NAME (see dyad keys --help). Send as "Authorization: Bearer <key>".
`;

export async function runServe(argv: string[], io: CliIO = processIO()): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    host: { type: 'string' },
    port: { type: 'string', short: 'p' },
    'read-auth': { type: 'boolean' },
    'read-only': { type: 'boolean' },
    'rate-limit': { type: 'string' },
    'write-rate-limit': { type: 'string' },
    'body-limit': { type: 'string' },
    cors: { type: 'string' },
    web: { type: 'string' },
    log: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(serveHelp);
    return EXIT_OK;
  }
  const db = dbOption(values.db);
  const port = intOption('port', values.port, 0, 8080);
  if (port > 65535) throw new UsageError(`--port must be <= 65535, got ${port}`);
  const rate = intOption('rate-limit', values['rate-limit'], 0, 600);
  const writeRate = intOption('write-rate-limit', values['write-rate-limit'], 1, 60);
  const bodyLimit = intOption('body-limit', values['body-limit'], 1024, 1024 * 1024);
  const readonly = values['read-only'] === true;

  const [{ openStore }, { buildServer }, { loadCoder }] = await Promise.all([
    import('../store/store.js'), import('../server/app.js'), import('../ingest/coder.js'),
  ]);
  const store = await openStore(db, { readonly });
  const code = readonly ? null : await loadCoder();
  const app = await buildServer({
    store, code, readonly, readAuth: values['read-auth'] === true,
    rateLimit: rate === 0 ? false : rate, writeRateLimit: writeRate, bodyLimit,
    corsOrigin: (values.cors as string | undefined) ?? null,
    ...(values.web !== undefined ? { webRoot: values.web as string } : {}),
    logger: values.log === true,
  });
  let address: string;
  try {
    address = await app.listen({ host: (values.host as string | undefined) ?? '127.0.0.1', port });
  } catch (e) {
    await store.close();
    reportNotice(io, `cannot listen: ${(e as Error).message}`);
    return EXIT_SOME_FAILED;
  }
  const { articles, events } = await store.counts();
  reportNotice(io, `serving ${store.where} (${articles} articles, ${events} events) at ${address}`);
  await new Promise<void>((resolve) => {
    const stop = () => { process.off('SIGINT', stop); process.off('SIGTERM', stop); resolve(); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await app.close();
  await store.close();
  return EXIT_OK;
}
