// Waiting in tests that drive other processes: poll a condition, or bound a promise, with a deadline.

/** Poll `cond` every 50 ms until it holds; throws after `ms`. */
export async function until(cond: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `p`, or a rejection after `ms`. */
export async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let t: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<T>((_, rej) => { t = setTimeout(() => rej(new Error(`timed out: ${what}`)), ms); })]);
  } finally {
    clearTimeout(t);
  }
}
