/**
 * Runners execute chunk tasks and hand back their results. Two implementations share one
 * interface and one chunk function (`workers/chunk.ts`), so they give identical results:
 * - `inProcessRunner`: same thread, for tests and tiny runs;
 * - `poolRunner`: one long-lived worker thread per requested worker, spawned through
 *   worker-threads-pool (which caps concurrency), each fed chunk after chunk.
 * Results arrive in completion order; callers that need determinism index them by chunk.
 */
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import Pool from 'worker-threads-pool';
import { fromErrorData } from '../errors.ts';
import type { ModelHandle } from '../model/load.ts';
import { createChunkRunner } from '../../workers/chunk.ts';
import type { Task, TaskResult, WorkerInit, WorkerMessage } from '../../workers/protocol.ts';

export interface Runner {
  /** Number of threads running chunks (0 for the in-process runner). */
  readonly workers: number;
  /** Runs every task; `onResult` sees each result once. Rejects on the first failure or on abort. */
  run(tasks: readonly Task[], onResult: (result: TaskResult) => void, signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

export class AbortedError extends Error {
  override readonly name = 'AbortedError';
  constructor() {
    super('run interrupted');
  }
}

export async function createRunner(handle: ModelHandle, workers: number): Promise<Runner> {
  return workers === 0 ? inProcessRunner(handle) : poolRunner(handle, workers);
}

export function inProcessRunner(handle: ModelHandle): Runner {
  const chunks = createChunkRunner(handle.model);
  return {
    workers: 0,
    async run(tasks, onResult, signal) {
      for (const task of tasks) {
        if (signal?.aborted) throw new AbortedError();
        onResult(chunks.run(task));
        // Yield so that progress bars draw and Ctrl-C is heard between chunks.
        await new Promise((r) => setImmediate(r));
      }
    },
    async close() {},
  };
}

const WORKER_FILE = fileURLToPath(new URL('../../workers/worker.mjs', import.meta.url));
/**
 * A small young generation per worker: what a chunk allocates dies within the chunk, so
 * frequent cheap scavenges cost nothing measurable, and peak memory stays well inside bounds
 * even at 10^9 samples (V8's default lets each worker's nursery grow to tens of MB).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

export async function poolRunner(handle: ModelHandle, workers: number): Promise<Runner> {
  const pool = new Pool({ max: workers });
  const init: WorkerInit = { file: handle.file, overrides: handle.overrides };
  const threads = await Promise.all(
    Array.from({ length: workers }, () => new Promise<Worker>((resolve, reject) => {
      pool.acquire(WORKER_FILE, { workerData: init, execArgv: [], resourceLimits: WORKER_LIMITS }, (err, worker) => (err ? reject(err) : resolve(worker)));
    })),
  );
  let closed = false;
  // Each worker announces 'ready' once its model is loaded, or an error (e.g. the model failed to load).
  const ready = threads.map((worker) => new Promise<void>((resolve, reject) => {
    const onMessage = (m: WorkerMessage) => {
      worker.off('error', reject);
      if (m.type === 'ready') resolve();
      else if (m.type === 'error') reject(fromErrorData(m.error));
    };
    worker.once('message', onMessage);
    worker.once('error', reject);
  }));
  const close = async () => {
    if (closed) return;
    closed = true;
    // worker-threads-pool's destroy() relies on a deprecated terminate callback: terminate directly.
    await Promise.all(threads.map((t) => t.terminate()));
  };
  try {
    await Promise.all(ready);
  } catch (err) {
    await close();
    throw err;
  }

  return {
    workers,
    run(tasks, onResult, signal) {
      return new Promise<void>((resolve, reject) => {
        let next = 0;
        let done = 0;
        let failed = false;
        const cleanups: Array<() => void> = [];
        const finish = (err?: unknown) => {
          if (failed) return;
          cleanups.forEach((c) => c());
          if (err !== undefined) {
            failed = true;
            void close().then(() => reject(err));
          } else resolve();
        };
        const onAbort = () => finish(new AbortedError());
        signal?.addEventListener('abort', onAbort, { once: true });
        cleanups.push(() => signal?.removeEventListener('abort', onAbort));
        if (tasks.length === 0) return finish();
        const feed = (worker: Worker) => {
          if (next < tasks.length) {
            const task = tasks[next++];
            worker.postMessage(task, task.kind === 'evaluate' ? [task.unit.buffer as ArrayBuffer] : []);
          }
        };
        for (const worker of threads) {
          const onMessage = (m: WorkerMessage) => {
            if (failed) return;
            if (m.type === 'error') return finish(fromErrorData(m.error));
            if (m.type !== 'result') return;
            onResult(m.result);
            if (++done === tasks.length) finish();
            else feed(worker);
          };
          const onError = (err: Error) => finish(err);
          const onExit = (code: number) => finish(new Error(`a worker thread exited unexpectedly (code ${code})`));
          worker.on('message', onMessage);
          worker.on('error', onError);
          worker.on('exit', onExit);
          cleanups.push(() => {
            worker.off('message', onMessage);
            worker.off('error', onError);
            worker.off('exit', onExit);
          });
          feed(worker);
        }
        if (signal?.aborted) onAbort();
      });
    },
    close,
  };
}
