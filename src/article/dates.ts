// Normalise the date spellings found in inputs (2021-08-24, 2021-08-24T10:00:00Z, 20210824,
// 2021/08/24) to YYYY-MM-DD, rejecting impossible calendar dates.

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  if (d > DAYS_IN_MONTH[m - 1]!) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return !(m === 2 && d === 29 && !leap);
}

/** YYYY-MM-DD for a recognised date string, else null. */
export function normaliseDate(input: unknown): string | null {
  if (typeof input === 'number' && Number.isInteger(input)) input = String(input);
  if (typeof input !== 'string') return null;
  let s = input.trim();
  // Drop a time part: 2021-08-24T10:00:00Z, "2021-08-24 10:00".
  const t = s.search(/[T ]/);
  if (t >= 8) s = s.slice(0, t);
  let y: string, m: string, d: string;
  if (s.length === 8 && isDigits(s)) {
    y = s.slice(0, 4); m = s.slice(4, 6); d = s.slice(6, 8);
  } else if (s.length === 10 && (s[4] === '-' || s[4] === '/') && s[7] === s[4]) {
    y = s.slice(0, 4); m = s.slice(5, 7); d = s.slice(8, 10);
  } else {
    return null;
  }
  if (!isDigits(y) || !isDigits(m) || !isDigits(d)) return null;
  if (!valid(Number(y), Number(m), Number(d))) return null;
  return `${y}-${m}-${d}`;
}

/** The local calendar date of a Date as YYYY-MM-DD (for file mtimes). */
export function localDate(when: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${when.getFullYear()}-${p(when.getMonth() + 1)}-${p(when.getDate())}`;
}
