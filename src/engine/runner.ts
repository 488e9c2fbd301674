/**
 * Runners execute chunk tasks and hand back their results. Two implementations share one
 * interface and one chunk function (`workers/chunk.ts`), so they give identical results:
 * - `inProcessRunner`: same thread, for tests and tiny runs;
 * - `poolRunner`: up to one long-lived worker thread per requested worker, spawned through
 *   worker-threads-pool (which caps concurrency), each fed chunk after chunk: the first thread at
 *   once, the others only once a run proves long enough to pay for their start-up
 *   (`moreThreadsPay`), so a short run does not pay for threads it cannot use.
 * Results arrive in completion order; callers that need determinism index them by chunk.
 *
 * A worker that dies (compute calls `process.exit`, the heap runs out, an exception escapes
 * from a timer the model left behind) fails the run with one sentence naming the model, what
 * happened and what to do (`workerFailure`), and every thread is terminated before the run's
 * promise settles, so the process can exit.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import Pool from 'worker-threads-pool';
import { fromErrorData, InputError, ModelError, RunError } from '../errors.ts';
import { COMPILED, PACKAGE_ROOT } from '../package-root.ts';
import { runnableFile, type ModelHandle } from '../model/load.ts';
import { createChunkRunner } from '../../workers/chunk.ts';
import type { Task, TaskResult, WorkerInit, WorkerMessage } from '../../workers/protocol.ts';

export interface Runner {
  /** Number of threads started so far (0 for the in-process runner); at most the number asked for. */
  readonly workers: number;
  /**
   * Runs every task; `onResult` sees each result once. Rejects on the first failure or on abort
   * (with the signal's reason when it is an error of ours, else an AbortedError).
   */
  run(tasks: readonly Task[], onResult: (result: TaskResult) => void, signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

export class AbortedError extends Error {
  override readonly name = 'AbortedError';
  constructor() {
    super('run interrupted');
  }
}

export interface RunnerOptions {
  /** V8 limits of each worker thread (default: a small young generation, V8's default heap). */
  readonly resourceLimits?: ResourceLimits;
  /** Start every thread at once instead of when a run is long enough (tests of the threads' interplay). */
  readonly threadsAtOnce?: boolean;
  /**
   * Whether the main thread is busy with work of its own for now (first-touching the exact
   * buffers: `aggregate.ts`): it then takes a core, and more threads start only for the others.
   */
  readonly mainThreadBusy?: () => boolean;
}

export async function createRunner(handle: ModelHandle, workers: number, options: RunnerOptions = {}): Promise<Runner> {
  if (runnerFactory) return runnerFactory(handle, workers);
  return workers === 0 ? inProcessRunner(handle) : poolRunner(handle, workers, options);
}

/**
 * Makes the runners of a command in place of this process's threads (src/distributed: a queue of
 * other machines, a merge of shards). `remote`: the chunks run on other machines, so an exact run
 * keeps no values here: chunks return counts and are run again for the values the selections
 * need (`remote-select.ts`), rather than every value travelling back. `designsFromSpec`: the
 * runners make an evaluate task's rows from its `design` (spec and first row) and never read its
 * `unit`, so a sensitivity study need not hold its designs here (`designRowsWanted`).
 */
export type RunnerFactory = ((handle: ModelHandle, workers: number) => Promise<Runner>) & { readonly remote?: boolean; readonly designsFromSpec?: boolean };
let runnerFactory: RunnerFactory | undefined;

/**
 * How evaluate tasks should hold their design rows for this process's runners: 'shared' — views of
 * one SharedArrayBuffer, which this process's threads receive without a copy; 'spec' — none, the
 * factory's runners make a task's rows from its `design` (`RunnerFactory.designsFromSpec`: a queue's
 * workers); 'own' — a buffer of each task's own (another factory's runners may transfer it).
 */
export function designRowsWanted(): 'shared' | 'spec' | 'own' {
  if (runnerFactory === undefined) return 'shared';
  return runnerFactory.designsFromSpec === true ? 'spec' : 'own';
}

/** Whether this process's runs go to a remote factory's runners (`RunnerFactory.remote`). */
export function chunksRunRemotely(): boolean {
  return runnerFactory?.remote === true;
}

/**
 * Every run and design evaluation of this process goes through `factory` until it is unset: the
 * planning, checkpoints and chunk-ordered aggregation stay the engine's own, only where chunks
 * run changes, so a distributed run gives the same bytes as a local one.
 */
export function setRunnerFactory(factory: RunnerFactory | undefined): void {
  runnerFactory = factory;
}

export function inProcessRunner(handle: ModelHandle): Runner {
  const chunks = createChunkRunner(handle.model);
  return {
    workers: 0,
    async run(tasks, onResult, signal) {
      for (const task of tasks) {
        if (signal?.aborted) throw abortReason(signal);
        onResult(chunks.run(task));
        // Yield so that progress bars draw and Ctrl-C is heard between chunks.
        await new Promise((r) => setImmediate(r));
      }
    },
    async close() {},
  };
}

/** Why a run stopped on abort: the reason given to `abort()` when it is an error of ours (a timeout, a signal). */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error && reason.name !== 'AbortError' ? reason : new AbortedError();
}

/**
 * What a worker thread starts from: the compiled entry when this code runs from the build (no
 * tsx); from the sources (tests, tsx scripts), a bootstrap that registers tsx first. Found from
 * the package root: in the build this module lies in a shared chunk, not in dist/src/engine.
 */
const WORKER_FILE = COMPILED ? join(PACKAGE_ROOT, 'dist', 'workers', 'entry.js') : join(PACKAGE_ROOT, 'workers', 'worker.mjs');
/**
 * A small young generation per worker: what a chunk allocates dies within the chunk, so
 * frequent cheap scavenges cost nothing measurable, and peak memory stays well inside bounds
 * even at 10^9 samples (V8's default lets each worker's nursery grow to tens of MB). The old
 * generation keeps V8's default (a share of the machine's memory): a chunk keeps nothing, so a
 * worker that reaches it is holding on to data it should not, and says so (`workerFailure`).
 */
const WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 8 };

/**
 * A worker thread the CLI's bin started for a `run` or `sensitivity` command before loading the
 * CLI itself (bin/ai-energy-mc.mjs), so that the thread's own start-up (Node's bootstrap of a new
 * thread, the engine's code) overlaps the main thread's. It waits for a `WarmInit` message naming
 * the model; until a runner adopts it, it is unreferenced and keeps no process alive.
 */
export const WARM_WORKER = Symbol.for('ai-energy-mc.warm-worker');

export interface WarmWorker {
  readonly worker: Worker;
  readonly limits: ResourceLimits;
  /** Set if the thread failed or exited before it was adopted. */
  failed?: boolean;
  /** `performance.now()` when the bin started it: with the wait it reports, its start-up time. */
  readonly startedAt?: number;
}

/** The warm thread, told which model to load, if there is one that fits these limits; taken once. */
function adoptWarmWorker(limits: ResourceLimits, init: WorkerInit): { worker: Worker; startedAt?: number } | undefined {
  const holder = globalThis as { [WARM_WORKER]?: WarmWorker };
  const warm = holder[WARM_WORKER];
  if (!warm) return undefined;
  delete holder[WARM_WORKER];
  const fits = JSON.stringify(warm.limits) === JSON.stringify(limits) && COMPILED;
  if (!fits || warm.failed) {
    void warm.worker.terminate();
    return undefined;
  }
  warm.worker.ref();
  warm.worker.postMessage({ kind: 'init', init } satisfies WarmInit);
  return { worker: warm.worker, ...(warm.startedAt !== undefined ? { startedAt: warm.startedAt } : {}) };
}

/** The first message to a warm worker thread: the model to load (what `workerData` carries otherwise). */
export interface WarmInit {
  readonly kind: 'init';
  readonly init: WorkerInit;
}

/** What a worker thread was doing when it failed, for the message. */
type Activity = 'loading' | 'idle' | Task['kind'];

export async function poolRunner(handle: ModelHandle, workers: number, options: RunnerOptions = {}): Promise<Runner> {
  const model = handle.model.name;
  // A thread imports the model from its file: compute, a function, cannot be sent to it.
  if (handle.file === '') throw new InputError('workers', workers, 'a model given as an object runs in-process (workers: 0); give the path of its model file to run it on worker threads');
  const limits = { ...WORKER_LIMITS, ...options.resourceLimits };
  const pool = new Pool({ max: workers });
  const scenario = handle.model.scenario;
  // A built-in model goes to the threads as its compiled twin, which this thread has already found
  // current: each thread would otherwise hash every model source again to find it (~10–40 ms).
  const init: WorkerInit = { file: runnableFile(handle.file), overrides: handle.overrides, ...(scenario !== undefined ? { scenario } : {}) };
  const warm = adoptWarmWorker(limits, init);
  const acquire = () =>
    new Promise<Worker>((resolve, reject) => {
      try {
        pool.acquire(WORKER_FILE, { workerData: init, execArgv: [], resourceLimits: limits }, (err, worker) => (err ? reject(err) : resolve(worker)));
      } catch (err) {
        reject(err);
      }
    });
  /** Every thread started so far (the first at once, the others when a run is long enough: `moreThreadsPay`). */
  const threads: Worker[] = [];
  const activity = new Map<Worker, Activity>();
  // Each thread's heap limit as V8 set it (read while it runs: a thread that has exited reports none).
  const heapMb = new Map<Worker, number | undefined>();
  const limitsOf = (worker: Worker): ResourceLimits => ({ ...limits, maxOldGenerationSizeMb: heapMb.get(worker) ?? limits.maxOldGenerationSizeMb });
  let closed = false;
  /** The first failure of any thread while no run was listening; the next run rejects with it. */
  let failure: Error | undefined;
  /** Threads whose model is loaded, in the order they announced it. */
  const ready: Worker[] = [];
  // Listeners stay attached for the threads' whole life: an 'error' event with no listener would
  // throw in the main thread. Each stage (loading, a run) points `deliver`, `fail` and `joined` at itself.
  let deliver: (worker: Worker, message: WorkerMessage) => void = () => {};
  let fail: (err: Error) => void = (err) => void (failure ??= err);
  /** A thread has loaded the model: a run in progress hands it work at once. */
  let joined: (worker: Worker) => void = () => {};
  /** The first thread's start-up, ms from its spawn to its model loaded (less any wait for the model's name). */
  let startupMs = TYPICAL_STARTUP_MS;
  const attach = (worker: Worker, startedAt?: number) => {
    if (closed) return void worker.terminate();
    threads.push(worker);
    activity.set(worker, 'loading');
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') {
        if (ready.length === 0 && startedAt !== undefined) startupMs = Math.max(0, performance.now() - startedAt - (m.waitedMs ?? 0));
        activity.set(worker, 'idle');
        heapMb.set(worker, worker.resourceLimits?.maxOldGenerationSizeMb);
        ready.push(worker);
        joined(worker);
      } else if (m.type === 'error' && activity.get(worker) === 'loading') {
        fail(fromErrorData(m.error));
      } else deliver(worker, m);
    });
    worker.on('error', (err: Error) => fail(workerFailure(model, activity.get(worker) ?? 'idle', { error: err, limits: limitsOf(worker) })));
    worker.on('exit', (code: number) => {
      if (!closed) fail(workerFailure(model, activity.get(worker) ?? 'idle', { exitCode: code, limits: limitsOf(worker) }));
    });
  };
  const close = async () => {
    if (closed) return;
    closed = true;
    // worker-threads-pool's destroy() relies on a deprecated terminate callback: terminate directly.
    await Promise.all(threads.map((t) => t.terminate()));
  };
  let started = 1;
  /** Starts the threads not started yet; each joins the run in progress once it has loaded the model. */
  const startTheRest = () => {
    for (; started < workers; started++) acquire().then((w) => attach(w), (err: Error) => fail(err));
  };
  try {
    const spawnedAt = performance.now();
    if (warm) attach(warm.worker, warm.startedAt);
    else attach(await acquire(), spawnedAt);
    if (options.threadsAtOnce) startTheRest();
  } catch (err) {
    await close();
    throw err;
  }

  // Work starts as soon as the first thread has loaded the model (or fails with its error). The
  // others start only when a run proves long enough to use them (`moreThreadsPay`) and join it
  // once loaded, so a late thread never keeps a ready one waiting. Which thread runs which chunk
  // does not change a result (chunks are aggregated in chunk order).
  try {
    await new Promise<void>((resolve, reject) => {
      joined = () => resolve();
      fail = reject;
    });
  } catch (err) {
    await close();
    throw err;
  } finally {
    joined = () => {};
    fail = (err) => void (failure ??= err);
  }

  return {
    get workers() {
      return started;
    },
    run(tasks, onResult, signal) {
      return new Promise<void>((resolve, reject) => {
        let next = 0;
        let done = 0;
        let settled = false;
        const t0 = performance.now();
        /** When the last results arrived (up to PACE_RESULTS + 1): the pace is read off the latest ones. */
        const arrivals: number[] = [];
        const consider = () => {
          // Selections at the end share out over the threads there are (and the main thread): too late to start more.
          if (started >= workers || tasks[0]?.kind === 'select' || started + (options.mainThreadBusy?.() ? 1 : 0) >= CORES) return;
          // The pace of the latest results, not since the start: a thread's first chunk runs cold
          // code, and early chunks share the cores with the main thread's page-touching.
          const paced = arrivals.length - 1;
          const elapsed = paced > 0 ? arrivals[paced] - arrivals[0] : performance.now() - t0;
          if (moreThreadsPay(tasks.length - done, paced, elapsed, startupMs)) startTheRest();
        };
        // No result yet after that long: the first chunks alone outlast a few start-ups.
        const timer = started < workers ? setTimeout(consider, STARTUPS_WORTH * startupMs).unref() : undefined;
        const finish = (err?: unknown) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          deliver = () => {};
          joined = () => {};
          fail = (e) => void (failure ??= e);
          if (err !== undefined) void close().then(() => reject(err), () => reject(err));
          else resolve();
        };
        const onAbort = () => finish(abortReason(signal!));
        if (closed || failure) return finish(failure ?? new Error('the worker pool is closed'));
        signal?.addEventListener('abort', onAbort, { once: true });
        if (signal?.aborted) return onAbort();
        if (tasks.length === 0) return finish();
        const feed = (worker: Worker) => {
          if (next >= tasks.length) return void activity.set(worker, 'idle');
          const task = tasks[next++];
          activity.set(worker, task.kind);
          // A design's rows in a SharedArrayBuffer are shared as they are (and cannot be transferred).
          worker.postMessage(task, task.kind === 'evaluate' && !(task.unit.buffer instanceof SharedArrayBuffer) ? [task.unit.buffer as ArrayBuffer] : []);
        };
        deliver = (worker, m) => {
          if (m.type === 'error') return finish(fromErrorData(m.error));
          if (m.type !== 'result') return;
          try {
            onResult(m.result);
          } catch (err) {
            return finish(err);
          }
          if (++done === tasks.length) return finish();
          arrivals.push(performance.now());
          if (arrivals.length > PACE_RESULTS + 1) arrivals.shift();
          feed(worker);
          consider();
        };
        fail = finish;
        joined = feed;
        for (const worker of [...ready]) feed(worker);
      });
    },
    close,
  };
}

/**
 * A thread's start-up (Node's bootstrap of a thread, the engine's code, the model) takes ~0.1 s on
 * an idle 2-core machine; the runner measures it on its first thread, this is the figure when it
 * cannot (a warm thread from elsewhere than the bin).
 */
export const TYPICAL_STARTUP_MS = 100;
/**
 * Start-ups' worth of work that must be left for more threads to pay. A thread costs more CPU than
 * its start-up's wall time says: its heap and code are fresh pages too (on the 2-core VM of the
 * README, 15–30 µs per 4 KB page), so it pays only for work well beyond that. Measured on
 * edunov-2023 at 10^6 samples: both threads started at once were slower than one (and with 3
 * start-ups, the second thread joining once the main thread had touched the exact buffers still
 * was, by ~0.2 s); at 10^7 a second thread pays.
 */
export const STARTUPS_WORTH = 6;

/**
 * Whether to start the remaining threads of a run that has `left` tasks not yet finished, having
 * finished `done` tasks in `elapsedMs` (the latest few results, timed from the one before them):
 * when the work left at that pace is more than STARTUPS_WORTH thread start-ups (`startupMs`
 * each); with no pace yet, once that long has passed. The runner asks only while a core is free
 * (`RunnerOptions.mainThreadBusy`).
 *
 * @example
 * moreThreadsPay(30, 1, 20, 100); // false: 600 ms left at 20 ms a chunk, for a 100 ms start-up: not more
 * moreThreadsPay(150, 1, 20, 100); // true
 */
export function moreThreadsPay(left: number, done: number, elapsedMs: number, startupMs: number): boolean {
  const worth = STARTUPS_WORTH * startupMs;
  if (left < 2) return false;
  if (done <= 0) return elapsedMs >= worth;
  return (left * elapsedMs) / done > worth;
}

/** Results whose pace says how long the work left will take. */
const PACE_RESULTS = 4;

/** Cores of this machine (or of its container): threads beyond them only take turns. */
const CORES = availableParallelism();

const DOING: Readonly<Record<Activity, string>> = {
  loading: 'while loading the model',
  idle: 'between two chunks',
  simulate: 'while running the model',
  evaluate: 'while running the model',
  select: 'while selecting percentiles',
  refine: 'while running the model',
};

/**
 * One sentence for a worker thread that stopped: by `process.exit` (exit code), by running out of
 * heap (ERR_WORKER_OUT_OF_MEMORY), or by an exception that escaped the worker's own handlers.
 * The model's own misbehaviour is a ModelError (exit 3); running out of memory a RunError.
 */
export function workerFailure(
  model: string,
  activity: Activity,
  what: { readonly exitCode?: number; readonly error?: Error; readonly limits?: ResourceLimits },
): Error {
  const code = (what.error as (Error & { code?: unknown }) | undefined)?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    const heap = what.limits?.maxOldGenerationSizeMb;
    return new RunError(
      `model ${model}: a worker thread ran out of memory${heap ? ` (its heap limit is ${heap} MB)` : ''} ${DOING[activity]}; ` +
        'if compute keeps data from one sample to the next (a growing array or cache), it must not; otherwise free memory or use fewer --workers',
    );
  }
  if (what.error) {
    const hint = activity === 'loading' ? 'the model loads in the main thread, so a worker that cannot load it is a surprise: run again with --debug' : 'compute must return its outputs synchronously and leave no timers or promises behind';
    return new ModelError(`model ${model}: a worker thread failed ${DOING[activity]}: ${what.error.message.split('\n')[0]}; ${hint}`);
  }
  if (activity === 'select') {
    return new RunError(`a worker thread exited with code ${what.exitCode} ${DOING[activity]} of model ${model}; run again (with --debug for details)`);
  }
  return new ModelError(
    `model ${model}: a worker thread exited with code ${what.exitCode} ${DOING[activity]} (does compute call process.exit?); ` +
      'compute must return its outputs, never end the process',
  );
}
