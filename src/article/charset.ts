// Bytes of a web page or XML document → text, in the character set it declares: a byte-order
// mark, else the Content-Type charset, else <meta charset> (HTML) or the XML declaration's
// encoding, else UTF-8. Unknown labels fall back to UTF-8; bytes that do not decode become U+FFFD
// (web pages are often slightly broken; one bad byte should not lose the article).
import type { Decoded } from './decode.js';

const HEAD_BYTES = 1024;

function label(after: string): string | null {
  // `after` starts right after "charset" or "encoding": optional spaces, '=', optional quote, name.
  let i = 0;
  while (i < after.length && (after[i] === ' ' || after[i] === '\t')) i++;
  if (after[i] !== '=') return null;
  i++;
  while (i < after.length && (after[i] === ' ' || after[i] === '\t' || after[i] === '"' || after[i] === "'")) i++;
  let j = i;
  while (j < after.length && /[A-Za-z0-9_.:-]/.test(after[j]!)) j++;
  return j > i ? after.slice(i, j).toLowerCase() : null;
}

function declared(text: string, key: string): string | null {
  const lower = text.toLowerCase();
  let at = lower.indexOf(key);
  while (at !== -1) {
    const l = label(text.slice(at + key.length, at + key.length + 64));
    if (l) return l;
    at = lower.indexOf(key, at + key.length);
  }
  return null;
}

function bom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** The declared character set of a document (lower-case label), or null. */
export function declaredCharset(bytes: Uint8Array, contentType = '', kind: 'html' | 'xml' | 'any' = 'any'): string | null {
  const fromBom = bom(bytes);
  if (fromBom) return fromBom;
  const fromHeader = declared(contentType, 'charset');
  if (fromHeader) return fromHeader;
  const head = Buffer.from(bytes.subarray(0, HEAD_BYTES)).toString('latin1');
  if (kind !== 'html') {
    const decl = head.trimStart().startsWith('<?xml') ? declared(head.slice(0, head.indexOf('?>') + 1 || 200), 'encoding') : null;
    if (decl) return decl;
  }
  if (kind !== 'xml') return declared(head, 'charset');
  return null;
}

/** Decode a document's bytes in its declared character set (UTF-8 by default). */
export function decodeDocument(bytes: Uint8Array, contentType = '', kind: 'html' | 'xml' | 'any' = 'any'): Decoded {
  const cs = declaredCharset(bytes, contentType, kind) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(cs);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  const text = decoder.decode(bytes);
  if (text.indexOf('\u0000') !== -1) return { ok: false, reason: 'binary content (contains NUL characters)' };
  return { ok: true, text };
}
