// Bytes → text with the checks every reader needs: binary (NUL bytes) and invalid UTF-8 are
// reported instead of being decoded into replacement characters.

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

/** Decode a whole buffer as UTF-8 (a leading BOM is dropped). */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  if (bytes.indexOf(0) !== -1) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: `invalid UTF-8 (at byte ${firstInvalidUtf8(bytes)})` };
  }
}

/** Byte offset of the first invalid UTF-8 sequence, or -1. A linear scan, for error messages only. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n: number;
    let min: number;
    if (c < 0x80) { i++; continue; }
    else if (c >= 0xc2 && c <= 0xdf) { n = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { n = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { n = 3; min = 0x10000; }
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}
