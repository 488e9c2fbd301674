#!/usr/bin/env node
// The command-line entry: registers tsx so that the engine and users' TypeScript models load
// without a build step, then hands over to src/cli/main.ts.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
