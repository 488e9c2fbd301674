/**
 * The worker thread: loads the model once, then runs chunk after chunk until terminated.
 * Results go back with their typed arrays transferred, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorData } from '../src/errors.ts';
import { loadModel } from '../src/model/load.ts';
import { createChunkRunner, type ChunkRunner } from './chunk.ts';
import { transferList, type Task, type WorkerInit, type WorkerMessage } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('workers/entry.ts runs only as a worker thread');

const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

let runner: ChunkRunner | undefined;
try {
  const init = workerData as WorkerInit;
  const { model } = await loadModel(init.file, init.overrides);
  runner = createChunkRunner(model);
  post({ type: 'ready' });
} catch (err) {
  post({ type: 'error', error: toErrorData(err) });
}

port.on('message', (task: Task) => {
  if (!runner) return;
  try {
    const result = runner.run(task);
    post({ type: 'result', result }, transferList(result));
  } catch (err) {
    post({ type: 'error', error: toErrorData(err) });
  }
});
