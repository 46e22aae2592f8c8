// Child process for the HTTP bench: serve a store on loopback (no rate limit, no UI) and print
// the address on stdout, so the load generator does not share the server's event loop. It applies
// the V8 setting `dyad serve` gets from the CLI at start (src/runtime.ts).
import { tuneV8ForCoding } from '../src/runtime.js';
import { openStore } from '../src/store/store.js';
import { buildServer } from '../src/server/app.js';

tuneV8ForCoding();
const db = process.argv[2];
if (!db) throw new Error('usage: http-server.js DB');
const store = await openStore(db, { readonly: true });
const app = await buildServer({ store, code: null, readonly: true, rateLimit: false, webRoot: null });
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${address}\n`);
process.on('SIGTERM', () => { void app.close().then(() => store.close()).then(() => process.exit(0)); });
