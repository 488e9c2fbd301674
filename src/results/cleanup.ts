/**
 * A process-wide list of what to undo if the process stops before a command finishes: temporary
 * folders, reserved placeholders, a results folder swapped in but not yet announced.
 *
 * Undo actions are synchronous on purpose: a signal handler (src/cli/interrupt.ts) runs them and
 * then exits at once, because some stages (chart rasterising, a model's import) never look at an
 * AbortSignal. The same list runs on 'exit', so a path that is still registered when the process
 * ends for any other reason is removed too.
 */
const pending = new Set<() => void>();
const kept: string[] = [];
let exitHookInstalled = false;

/** Registers `undo`; the returned function unregisters it (call it once the work is kept or undone). */
export function onAbandon(undo: () => void): () => void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', abandonAll);
  }
  pending.add(undo);
  return () => void pending.delete(undo);
}

/** Runs every registered undo action, newest first; one that fails does not stop the others. */
export function abandonAll(): void {
  for (const undo of [...pending].reverse()) {
    pending.delete(undo);
    try {
      undo();
    } catch {
      // Best effort: the process is stopping; what could not be removed is not worth a stack trace.
    }
  }
}

/** Records a path that is complete and stays, so that a late signal does not claim nothing was written. */
export function markKept(path: string): void {
  kept.push(path);
}

/** Paths completed by this process (see `markKept`). */
export function keptPaths(): readonly string[] {
  return kept;
}
