// A coding worker thread: loads the coder once, then codes the batches of articles it is sent.
// One bad article never takes the batch down: its error is returned in its place.
import { parentPort } from 'node:worker_threads';
import type { Article } from '../types.js';
import { loadCoder } from './coder.js';
import type { CodeResult, ToThread } from './pool.js';

const port = parentPort;
if (!port) throw new Error('thread.js must run in a worker thread');

try {
  const code = await loadCoder();
  port.on('message', (msg: ToThread) => {
    const results: CodeResult[] = msg.articles.map((a: Article) => {
      try {
        return { ok: true, analysis: code(a) };
      } catch (e) {
        return { ok: false, reason: (e as Error)?.message ?? String(e) };
      }
    });
    port.postMessage({ type: 'done', id: msg.id, results });
  });
  port.postMessage({ type: 'ready' });
} catch (e) {
  port.postMessage({ type: 'fatal', message: (e as Error)?.message ?? String(e) });
}
