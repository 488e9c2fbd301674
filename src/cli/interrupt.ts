/**
 * SIGINT (Ctrl-C), SIGTERM and SIGHUP at any moment of a command that writes: one line on stderr,
 * everything this command made removed (temporary folders, reserved names, a results folder
 * swapped in but not yet announced, with an old one put back), and exit 128 + the signal's number.
 *
 * The handler cleans up synchronously and exits at once rather than asking each stage to stop:
 * importing a model, rasterising a chart or writing a report never look at an AbortSignal, and a
 * Ctrl-C that waits for them is a Ctrl-C that is ignored. `process.exit` ends our own worker threads
 * with the process; nothing else is signalled (no process group). The AbortSignal is still raised
 * first, for code that can stop cooperatively between two steps of the same tick.
 *
 * A signal after the command has finished (its results renamed into place and announced) says so
 * instead of claiming that nothing was written. A second signal while the first is being handled
 * is the same path again: cleanup is idempotent and the exit immediate.
 *
 * A compute that never returns on the main thread blocks every JavaScript handler, this one
 * included; code that runs a model on the main thread has to guard that itself (e.g. `vm` with
 * `breakOnSigint`, whose error main.ts reports through `interruptedMessage`).
 */
import { InterruptedError } from '../errors.ts';
import { abandonAll, keptPaths } from '../results/cleanup.ts';
import { takeOverSignals } from './signals.ts';

export type InterruptSignal = InterruptedError['signal'];
const SIGNALS: readonly InterruptSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

let controller: AbortController | undefined;

/** Installs the handlers (once) and returns the signal that cooperative stages watch. */
export function interruptSignal(): AbortSignal {
  if (!controller) {
    controller = new AbortController();
    // The bin's early handlers only report; from here on the handler also cleans up.
    takeOverSignals(SIGNALS, (signal) => stop(signal as InterruptSignal));
  }
  return controller.signal;
}

function stop(signal: InterruptSignal): never {
  const error = new InterruptedError(signal);
  if (controller && !controller.signal.aborted) controller.abort(error);
  abandonAll();
  // On a terminal the progress bar may own the line: start a new one.
  process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}${interruptedMessage(signal)}\n`);
  process.exit(error.exitCode);
}

/** The one line printed for an interrupt (also by main.ts for an InterruptedError thrown by a stage). */
export function interruptedMessage(signal: InterruptSignal): string {
  const kept = keptPaths();
  return kept.length > 0
    ? `interrupted (${signal}) after the command had finished: ${kept.join(', ')} complete`
    : `interrupted (${signal}): no results written`;
}
