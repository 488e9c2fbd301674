/**
 * Ctrl-C: the first SIGINT aborts the run (workers are terminated, nothing is written);
 * a second one exits at once.
 */
let controller: AbortController | undefined;

export function interruptSignal(): AbortSignal {
  if (!controller) {
    controller = new AbortController();
    process.once('SIGINT', () => {
      controller?.abort();
      process.once('SIGINT', () => process.exit(130));
    });
  }
  return controller.signal;
}
