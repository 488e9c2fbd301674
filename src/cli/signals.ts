/**
 * Handing a signal over from one handler to the next without losing it.
 *
 * Node keeps one libuv signal handle per signal while the signal has at least one listener, and
 * closes it when the last listener goes. `removeAllListeners(signal)` followed by `on(signal, …)`
 * therefore closes the handle and opens a new one: a signal that arrived just before (caught by
 * libuv, not yet dispatched by the event loop) was addressed to the closed handle and is dropped,
 * and between the two calls the signal's default action is back. That is how a worker signalled
 * within milliseconds of printing "serving" kept serving. Adding the new listener before removing
 * the old ones keeps the handle open throughout, so a pending signal reaches the new handler.
 */

/** Makes `handler` the only listener of each signal; a signal already pending is delivered to it. */
export function takeOverSignals(signals: readonly NodeJS.Signals[], handler: (signal: NodeJS.Signals) => void): void {
  for (const signal of signals) {
    const previous = process.listeners(signal);
    process.on(signal, () => handler(signal));
    for (const listener of previous) process.removeListener(signal, listener);
  }
}
