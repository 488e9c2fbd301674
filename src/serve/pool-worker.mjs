// The pool's thread when the engine runs from its TypeScript sources (tests, tsx): registers tsx
// first, as workers/worker.mjs does. The build starts dist/src/serve/pool-worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./pool-worker.ts');
