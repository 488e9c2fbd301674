/**
 * The worker thread: loads the model once, then runs chunk after chunk until terminated.
 * Results go back with their typed arrays transferred, not copied.
 *
 * A model's compute may leave work behind that fails later: a promise it rejected without a
 * handler, a timer that throws. Those failures would end the thread with Node's generic report;
 * here they become a ModelError naming the model and what compute must not do. A chunk's result
 * is posted one turn of the event loop after the chunk ran (`setImmediate`), once Node has
 * reported any rejection left unhandled by that chunk, so such a failure is never outrun by the
 * result of the chunk that caused it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ModelError, toErrorData } from '../src/errors.ts';
import { loadModel } from '../src/model/load.ts';
import { createChunkRunner, type ChunkRunner } from './chunk.ts';
import { transferList, type Task, type WorkerInit, type WorkerMessage } from './protocol.ts';
import type { WarmInit } from '../src/engine/runner.ts';

const port = parentPort;
if (!port) throw new Error('workers/entry.ts runs only as a worker thread');

const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

let runner: ChunkRunner | undefined;
let modelName = 'the model';
/** Set once a failure has been posted: nothing more is sent, the main thread terminates us. */
let failed = false;

const failWith = (err: unknown) => {
  if (failed) return;
  failed = true;
  post({ type: 'error', error: toErrorData(err) });
};
const reason = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0];
process.on('unhandledRejection', (err) =>
  failWith(new ModelError(`model ${modelName}: compute started a promise that failed ("${reason(err)}") and nothing handled it; compute must be synchronous: return the outputs, start no promises`)),
);
process.on('uncaughtException', (err) =>
  failWith(new ModelError(`model ${modelName}: "${reason(err)}" was thrown from a timer or callback that compute left behind; compute must do all its work before it returns`)),
);

try {
  // A thread the bin started ahead of the CLI (a warm worker, src/engine/runner.ts) learns its model from its first message.
  const asked = performance.now();
  const init = (workerData as WorkerInit | undefined) ?? (await new Promise<WorkerInit>((resolve) => port.once('message', (m: WarmInit) => resolve(m.init))));
  const waitedMs = workerData ? 0 : performance.now() - asked;
  const { model } = await loadModel(init.file, init.overrides, init.scenario === undefined ? {} : { scenario: init.scenario });
  modelName = model.name;
  runner = createChunkRunner(model);
  post({ type: 'ready', waitedMs });
} catch (err) {
  failWith(err);
}

port.on('message', (task: Task) => {
  if (!runner || failed) return;
  try {
    const result = runner.run(task);
    setImmediate(() => {
      if (!failed) post({ type: 'result', result }, transferList(result));
    });
  } catch (err) {
    failWith(err);
  }
});
