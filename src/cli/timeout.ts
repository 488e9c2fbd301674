/**
 * `--timeout SECONDS` on `run` and `sensitivity`: a bound on the whole command, from loading the
 * model to the last file written. When it passes, the command stops where it is, the way a signal
 * stops it (`interrupt.ts`): one line on stderr, then `process.exit(124)` (124 as coreutils'
 * timeout(1)). Exiting ends our worker threads, a compute that never returns included, and the
 * 'exit' hook of `results/cleanup.ts` removes the temporary folder; nothing is written.
 *
 * A timer cannot fire while the main thread itself is stuck, which happens only in the model's
 * preflight (compute at a few points before sampling): that runs under `vm` with the same
 * --timeout (`loadModel`'s `timeoutSeconds`) and fails with exit 124 by itself.
 */
/** What a command stopped by --timeout exits with. */
export const EXIT_TIMEOUT = 124;

/** Runs `command` under an optional deadline; the timer is cleared when the command settles. */
export async function withTimeout<T>(seconds: number | undefined, what: string, command: () => Promise<T>): Promise<T> {
  if (seconds === undefined) return command();
  const timer = setTimeout(() => expire(seconds, what), seconds * 1000);
  try {
    return await command();
  } finally {
    clearTimeout(timer);
  }
}

/** `stopped by --timeout 2: the run had not finished after 2 s; nothing written; …` */
export function timeoutMessage(seconds: number, what: string): string {
  return `stopped by --timeout ${seconds}: the ${what} had not finished after ${seconds} s, so nothing was written; allow more time (--timeout) or ask for less work (--samples)`;
}

function expire(seconds: number, what: string): never {
  // On a terminal the progress bar may own the line: start a new one.
  process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}error: ${timeoutMessage(seconds, what)}\n`);
  process.exit(EXIT_TIMEOUT);
}
