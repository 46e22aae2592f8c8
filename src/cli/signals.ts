// Ctrl-C / SIGTERM for long-running commands (ingest, watch): the first signal asks the work to
// finish and commit what is in flight; a second one exits at once.

/** Exit code of a run stopped by a signal (128 + SIGINT, as shells report it). */
export const EXIT_INTERRUPTED = 130;

/** Abort `controller` on SIGINT/SIGTERM; returns a function that removes the handlers. */
export function interruptOnSignals(controller: AbortController): () => void {
  const handler = () => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    controller.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => { process.off('SIGINT', handler); process.off('SIGTERM', handler); };
}
