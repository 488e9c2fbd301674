/**
 * A thread of the warm pool (`pool.ts`): unlike `workers/entry.ts`, which loads one model for its
 * whole life, it loads whichever model a task names and keeps the last few loaded, so new
 * overrides reach it by message. Tasks run one at a time in arrival order; a model that fails
 * to load or to run fails that task only, and the thread stays for the next run.
 */
import { parentPort } from 'node:worker_threads';
import { toErrorData } from '../errors.ts';
import { loadModel } from '../model/load.ts';
import { createChunkRunner, type ChunkRunner } from '../../workers/chunk.ts';
import { transferList } from '../../workers/protocol.ts';
import type { PoolMessage, PoolTask } from './pool-protocol.ts';

const port = parentPort;
if (!port) throw new Error('src/serve/pool-worker.ts runs only as a worker thread');

/** Loaded models by key, most recently used last; a few, so that A → B → A does not reload A. */
const loaded = new Map<string, Promise<ChunkRunner>>();
const KEEP = 8;

function runnerFor(message: PoolTask): Promise<ChunkRunner> {
  let runner = loaded.get(message.key);
  if (runner) loaded.delete(message.key);
  else {
    const { file, overrides, scenario } = message.init;
    runner = loadModel(file, overrides, scenario === undefined ? {} : { scenario }).then(({ model }) => createChunkRunner(model));
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
