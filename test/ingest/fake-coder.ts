// A stand-in coder for ingestion and queue tests (loaded through DYAD_CODER_MODULE): deterministic
// analyses from test/store/fixtures.ts, an optional per-article delay (DYAD_FAKE_DELAY_MS) so a
// run can be killed mid-way, and a failure for any article whose text contains POISON.
import type { Article } from '../../src/types.js';
import { fakeAnalysis } from '../store/fixtures.js';

export function loadCoder() {
  const delay = Number(process.env.DYAD_FAKE_DELAY_MS ?? 0);
  const cell = delay > 0 ? new Int32Array(new SharedArrayBuffer(4)) : null;
  return (a: Article) => {
    if (cell) Atomics.wait(cell, 0, 0, delay);
    if (a.text.includes('POISON')) throw new Error('poisoned article');
    return fakeAnalysis(a);
  };
}
