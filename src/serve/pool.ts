/**
 * The warm pool of `serve`: worker threads started once and shared by every request, each
 * keeping its loaded models (`pool-worker.ts`), so a rerun with new overrides pays no thread
 * start-up and no model import (the engine's own runner, `src/engine/runner.ts`, starts threads
 * per run and terminates them on abort, which is right for a CLI command and wrong here).
 *
 * The pool plugs into the engine as its runner factory (`setRunnerFactory`): planning, seeds and
 * chunk-ordered aggregation stay the engine's, only where chunks run changes, so a run through
 * the pool gives the same bytes as `run` (chunk k depends only on (seed, k)).
 *
 * Cancelling keeps the threads: the run stops being fed, its promise rejects at once, and the
 * results of its tasks still running come back tagged with its id and are dropped. Idle threads
 * take work from the newest run first, so the latest request is not queued behind an older one.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fromErrorData, RunError } from '../errors.ts';
import { abortReason, type Runner, type RunnerFactory } from '../engine/runner.ts';
import { runnableFile, type ModelHandle } from '../model/load.ts';
import { COMPILED, PACKAGE_ROOT } from '../package-root.ts';
import type { Task, TaskResult, WorkerInit } from '../../workers/protocol.ts';
import { modelKey, type PoolMessage, type PoolTask } from './pool-protocol.ts';

const WORKER_FILE = COMPILED ? join(PACKAGE_ROOT, 'dist', 'src', 'serve', 'pool-worker.js') : join(PACKAGE_ROOT, 'src', 'serve', 'pool-worker.mjs');

interface Slot {
  worker: Worker;
  /** The run whose task this thread is running, if any. */
  busy?: number;
}

interface PoolRun {
  readonly key: string;
  readonly init: WorkerInit;
  readonly tasks: readonly Task[];
  next: number;
  done: number;
  readonly onResult: (result: TaskResult) => void;
  readonly settle: (err?: unknown) => void;
}

export class WarmPool {
  private readonly slots: Slot[] = [];
  /** Runs with work left or running, oldest first. */
  private readonly runs = new Map<number, PoolRun>();
  private lastRunId = 0;
  private closed = false;

  /** `size` threads, started at once (at least one: a model runs on the pool's threads, never in the server's). */
  constructor(readonly size: number) {
    for (let i = 0; i < Math.max(1, size); i++) this.slots.push({ worker: this.spawn() });
  }

  /** The threads' ids, for tests that a cancelled run left the same threads. */
  get threadIds(): number[] {
    return this.slots.map((s) => s.worker.threadId);
  }

  /** The engine's runner for a model, on these threads; closing it keeps them. */
  readonly factory: RunnerFactory = async (handle: ModelHandle) => {
    const scenario = handle.model.scenario;
    const init: WorkerInit = { file: runnableFile(handle.file), overrides: handle.overrides, ...(scenario !== undefined ? { scenario } : {}) };
    const key = modelKey(init);
    const runner: Runner = {
      workers: this.slots.length,
      run: (tasks, onResult, signal) => this.run(key, init, tasks, onResult, signal),
      close: async () => {},
    };
    return runner;
  };

  async close(): Promise<void> {
    this.closed = true;
    for (const run of [...this.runs.values()]) run.settle(new RunError('the server is shutting down'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_FILE, { execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    worker.on('message', (m: PoolMessage) => this.received(worker, m));
    worker.on('error', (err: Error) => this.lost(worker, err.message));
    worker.on('exit', (code: number) => this.lost(worker, `exit code ${code}`));
    return worker;
  }

  /** A thread died (a model called process.exit, ran out of heap): its run fails, a new thread takes its place. */
  private lost(worker: Worker, what: string): void {
    const slot = this.slots.find((s) => s.worker === worker);
    if (!slot || this.closed) return;
    const runId = slot.busy;
    slot.busy = undefined;
    slot.worker = this.spawn();
    if (runId !== undefined) this.runs.get(runId)?.settle(new RunError(`a worker thread stopped while running the model (${what}); compute must return its outputs, never end the thread`));
    this.pump();
  }

  private run(key: string, init: WorkerInit, tasks: readonly Task[], onResult: (r: TaskResult) => void, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.closed) return reject(new RunError('the server is shutting down'));
      if (signal?.aborted) return reject(abortReason(signal));
      if (tasks.length === 0) return resolve();
      const id = ++this.lastRunId;
      const onAbort = () => settle(abortReason(signal!));
      const settle = (err?: unknown) => {
        if (!this.runs.delete(id)) return;
        signal?.removeEventListener('abort', onAbort);
        if (err === undefined) resolve();
        else reject(err);
      };
      this.runs.set(id, { key, init, tasks, next: 0, done: 0, onResult, settle });
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pump();
    });
  }

  /** Hands idle threads the next tasks, newest run first. */
  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy !== undefined) continue;
      const entry = [...this.runs].reverse().find(([, r]) => r.next < r.tasks.length);
      if (!entry) return;
      const [runId, run] = entry;
      const task = run.tasks[run.next++];
      slot.busy = runId;
      const message: PoolTask = { runId, key: run.key, init: run.init, task };
      slot.worker.postMessage(message, task.kind === 'evaluate' ? [task.unit.buffer as ArrayBuffer] : []);
    }
  }

  private received(worker: Worker, m: PoolMessage): void {
    const slot = this.slots.find((s) => s.worker === worker);
    if (slot) slot.busy = undefined;
    // A cancelled run's late result finds no run: dropped.
    const run = this.runs.get(m.runId);
    if (run) {
      if (m.type === 'error') run.settle(fromErrorData(m.error));
      else {
        try {
          run.onResult(m.result);
          if (++run.done === run.tasks.length) run.settle();
        } catch (err) {
          run.settle(err);
        }
      }
    }
    this.pump();
  }
}
