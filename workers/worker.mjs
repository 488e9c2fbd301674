// Worker bootstrap. On Node 20 a worker thread cannot load TypeScript by itself, whatever
// execArgv says, so the worker registers tsx first; the model file and the engine load as
// TypeScript from there.
import { register } from 'tsx/esm/api';

register();
await import('./entry.ts');
