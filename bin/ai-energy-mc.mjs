#!/usr/bin/env node
// The command-line entry: hands over to the compiled CLI (dist/src/cli/main.js, built by
// `npm run build`, which `npm ci` runs through `prepare`). No tsx here: it is loaded only for a
// user's TypeScript model (src/model/load.ts).
//
// Until a command installs its own handlers (src/cli/interrupt.ts, which replaces these), a signal
// finds nothing written and nothing to clean up: it still gets one line and the usual exit code.
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
for (const [signal, code] of Object.entries(EXIT_CODES)) {
  process.on(signal, () => {
    process.stderr.write(`interrupted (${signal}): no results written\n`);
    process.exit(code);
  });
}

// A run or a sensitivity study needs at least one worker thread: start it now, so that its own
// start-up overlaps the CLI's loading, and let the runner adopt it (src/engine/runner.ts,
// WARM_WORKER; same limits as the runner's). Unreferenced until then: a command that stops before
// sampling still exits at once.
const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
if (command === 'run' || command === 'sensitivity') {
  const { Worker } = await import('node:worker_threads');
  const limits = { maxYoungGenerationSizeMb: 8 };
  const startedAt = performance.now();
  const warm = { worker: new Worker(new URL('../dist/workers/entry.js', import.meta.url), { execArgv: [], resourceLimits: limits }), limits, failed: false, startedAt };
  warm.worker.unref();
  warm.worker.on('error', () => (warm.failed = true));
  warm.worker.on('exit', () => (warm.failed = true));
  globalThis[Symbol.for('ai-energy-mc.warm-worker')] = warm;
}

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
let cli;
try {
  cli = await import(entry.href);
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes(entry.pathname)) throw err;
  process.stderr.write('error: the compiled engine (dist/) is missing; run `npm run build` (`npm ci` builds it too)\n');
  process.exit(1);
}
process.exitCode = await cli.main(process.argv.slice(2));
