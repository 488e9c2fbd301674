#!/usr/bin/env node
// The command-line entry: registers tsx so that the engine and users' TypeScript models load
// without a build step, then hands over to src/cli/main.ts.
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

const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
