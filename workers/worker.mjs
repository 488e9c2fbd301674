// Worker bootstrap when the engine runs from its TypeScript sources (tests, tsx scripts): on
// Node 20 a worker thread cannot load TypeScript by itself, whatever execArgv says, so it
// registers tsx first. The build starts its workers from dist/workers/entry.js instead, without
// tsx (src/engine/runner.ts), and loads tsx only for a TypeScript model (src/model/load.ts).
import { register } from 'tsx/esm/api';

register();
await import('./entry.ts');
