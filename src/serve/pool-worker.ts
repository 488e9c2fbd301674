/**
 * A thread of the warm pool (`pool.ts`): unlike `workers/entry.ts`, which loads one model for its
 * whole life, it loads whichever model a task names and keeps the last few loaded, so new
 * overrides reach it by message. Tasks run one at a time in arrival order; a model that fails
 * to load or to run fails that task only, and the thread stays for the next run.
 *
 * New overrides are data, not new code: each model file is imported once (`importModel`) and
 * resolved again for each set of overrides, so every set runs the same compute function; and the
 * generated kernels are kept (`KernelCache`), so a new distribution is sampled and run through
 * code V8 has already optimised, into scratch memory already mapped (`ScratchBuffers`). The
 * results are those of a fresh thread (see both).
 */
import { parentPort } from 'node:worker_threads';
import { toErrorData } from '../errors.ts';
import { importModel, loadImported, type ModelModule } from '../model/load.ts';
import { createChunkRunner, ScratchBuffers, type ChunkRunner } from '../../workers/chunk.ts';
import { KernelCache } from '../../workers/kernel.ts';
import { transferList } from '../../workers/protocol.ts';
import type { PoolMessage, PoolTask } from './pool-protocol.ts';

const port = parentPort;
if (!port) throw new Error('src/serve/pool-worker.ts runs only as a worker thread');

/** Loaded models by key, most recently used last; a few, so that A → B → A does not reload A. */
const loaded = new Map<string, Promise<ChunkRunner>>();
const KEEP = 8;
/** Model files as imported, by path: imported once for the thread's life (as `serve`'s own, src/serve/api.ts). */
const modules = new Map<string, Promise<ModelModule>>();
const kernels = new KernelCache();
const scratch = new ScratchBuffers();

function moduleOf(file: string): Promise<ModelModule> {
  let module = modules.get(file);
  if (!module) {
    module = importModel(file);
    modules.set(file, module);
    module.catch(() => modules.delete(file)); // a file that failed to import is tried again next time
  }
  return module;
}

function runnerFor(message: PoolTask): Promise<ChunkRunner> {
  let runner = loaded.get(message.key);
  if (runner) loaded.delete(message.key);
  else {
    const { file, overrides, scenario } = message.init;
    runner = moduleOf(file)
      .then((module) => loadImported(module, overrides, scenario === undefined ? {} : { scenario }))
      .then(({ model }) => createChunkRunner(model, kernels, scratch));
    // A model that failed to load is not kept: the next task tries again.
    runner.catch(() => loaded.delete(message.key));
  }
  loaded.set(message.key, runner);
  while (loaded.size > KEEP) loaded.delete(loaded.keys().next().value as string);
  return runner;
}

// One task at a time, in order: a task waits for the model load of the one before it.
let queue: Promise<void> = Promise.resolve();
port.on('message', (message: PoolTask) => {
  queue = queue.then(async () => {
    let reply: PoolMessage;
    try {
      const runner = await runnerFor(message);
      reply = { type: 'result', runId: message.runId, result: runner.run(message.task) };
    } catch (err) {
      reply = { type: 'error', runId: message.runId, error: toErrorData(err) };
    }
    port.postMessage(reply, reply.type === 'result' ? transferList(reply.result) : []);
  });
});
