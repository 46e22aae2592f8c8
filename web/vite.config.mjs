// Vite build of the web UI into build/web (served by `dyad serve`). No inline scripts or styles
// are emitted, so the strict Content-Security-Policy (script-src 'self') holds.
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default {
  root: here('.'),
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: here('../build/web'),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 1000,
  },
};
