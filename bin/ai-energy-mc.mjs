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
