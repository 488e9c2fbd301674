/**
 * `ai-energy-mc worker --queue URL [--workers W]`: a long-running process that runs the jobs of any
 * run on the queue, W at a time, each on a worker thread of its own (the engine's thread runner,
 * one thread per job slot, kept per model and reused job after job, run after run), with one
 * more job taken ahead so that no thread waits for the queue.
 *
 * A job names its run; the run record gives the model (source and SHA-256: built-in models are
 * checked against this installation's copy, others are written to a private temporary folder),
 * the overrides, and the versions. A record from another engine, Node or V8 version is refused
 * with a message that says which (V8's Math functions are part of the result). A run whose record
 * is gone (its coordinator was interrupted, or died and its heartbeat lapsed) is cancelled: its
 * remaining jobs are removed.
 *
 * BullMQ holds a lock on each active job and renews it while the job runs (the event loop here is
 * free: chunks run on threads); a worker killed outright stops renewing, the lock expires, and
 * another worker's stalled-job check puts the job back on the queue.
 */
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Task, TaskResult } from '../../../workers/protocol.ts';
import { toErrorData } from '../../errors.ts';
import { loadModel, type ModelHandle } from '../../model/load.ts';
import { createRunner, type Runner } from '../../engine/runner.ts';
import { encode } from '../codec.ts';
import { decodeJobTasks } from './job-codec.ts';
import { canonicalJson, materialise, versionMismatch } from '../fingerprint.ts';
import { bullConnection, connectChecked } from './connection.ts';
import { settledWithin } from './coordinator.ts';
import type { QueueUrl } from './redis-url.ts';
import { randomUUID } from 'node:crypto';
import { CANCELLED, cancelKey, ERROR_PREFIX, jobsKey, QUEUE_NAME, recordKey, RESULT_TTL_SECONDS, resultKey, STORED, type JobData, type JobReturn, type RunRecord } from './protocol.ts';

/** This process, as the results it returns name it. */
const WORKER_ID = randomUUID();

/** Lock on an active job (ms): a worker that stops renewing it loses the job after this long. */
export function lockDuration(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.AI_ENERGY_MC_QUEUE_LOCK_MS);
  return Number.isInteger(ms) && ms >= 500 ? ms : 30_000;
}

/** Models whose threads stay loaded at once (a worker usually serves one run, sometimes two in turn). */
const RUNS_KEPT = 2;

interface LoadedRun {
  readonly handle: ModelHandle;
  readonly idle: Runner[];
  readonly dispose: () => void;
}

export interface WorkerProcess {
  /** Resolves once the worker has stopped (after `stop`). */
  readonly stopped: Promise<void>;
  stop(): Promise<void>;
}

export async function startWorker(url: QueueUrl, options: { readonly workers: number; readonly log: (line: string) => void }): Promise<WorkerProcess> {
  const client: Redis = await connectChecked(url);
  // BullMQ leaves connections it was given open on close: they are ours to end.
  const connections = [bullConnection(url), bullConnection(url)];
  const queue = new Queue(QUEUE_NAME, { connection: connections[0] });
  queue.on('error', () => {});
  const runs = new Map<string, Promise<LoadedRun>>();

  // Keyed by the model as run (file, overrides, scenario), not by run: the next run of the same model reuses the threads.
  const load = (record: RunRecord): Promise<LoadedRun> => {
    const { source: _source, files: _files, ...id } = record.model; // the SHA-256 stands for the text
    const run = canonicalJson(id);
    let loaded = runs.get(run);
    if (!loaded) {
      loaded = (async () => {
        const { file, dispose } = materialise(record.model);
        try {
          const handle = await loadModel(file, record.model.overrides, record.model.scenario !== undefined ? { scenario: record.model.scenario } : {});
          return { handle, idle: [], dispose };
        } catch (err) {
          dispose();
          throw err;
        }
      })();
      runs.set(run, loaded);
      loaded.catch(() => runs.delete(run));
      while (runs.size > RUNS_KEPT) {
        const [oldest, old] = runs.entries().next().value as [string, Promise<LoadedRun>];
        runs.delete(oldest);
        void old.then(async (r) => {
          await Promise.all(r.idle.map((t) => t.close()));
          r.dispose();
        }, () => {});
      }
    }
    return loaded;
  };

  const cancel = async (run: string): Promise<void> => {
    const ids = await client.smembers(jobsKey(run));
    await Promise.all(ids.map((id) => queue.remove(id).catch(() => 0)));
    await client.del(jobsKey(run), ...ids.map((id) => resultKey(run, id)));
  };

  // One job more than threads is taken from the queue: it waits here for a thread, so that a thread
  // goes on to the next job while the last one's results are encoded and stored (~50 ms a job).
  const threads = slots(options.workers);

  const process_ = async (job: Job<JobData, string>): Promise<string> => {
    const { run, first, last } = job.data;
    const [text, cancelled] = await Promise.all([client.get(recordKey(run)), client.exists(cancelKey(run))]);
    if (text === null || cancelled) {
      await cancel(run);
      options.log(`job ${job.id}: run ${run.slice(0, 8)} was cancelled; its jobs are removed`);
      return CANCELLED;
    }
    const record = JSON.parse(text) as RunRecord;
    const mismatch = versionMismatch(record.versions);
    if (mismatch) {
      const message = `this worker cannot run jobs of run ${run.slice(0, 8)}: its engine, Node or V8 differs from the coordinator's (${mismatch}), and V8's Math functions are part of the result; run the same versions on every machine`;
      options.log(`job ${job.id}: refused: ${mismatch}`);
      throw new UnrecoverableError(ERROR_PREFIX + JSON.stringify({ kind: 'Error', message }));
    }
    let started = Date.now();
    try {
      const loaded = await load(record);
      const results: TaskResult[] = [];
      const tasks = decodeJobTasks(job.data.tasks);
      const release = await threads.acquire();
      try {
        started = Date.now();
        const runner = loaded.idle.pop() ?? (await createRunner(loaded.handle, 1));
        await runner.run(tasks, (r) => results.push(r));
        loaded.idle.push(runner);
      } finally {
        release();
      }
      results.sort((a, b) => (a.kind === 'select' || b.kind === 'select' ? 0 : a.chunk - b.chunk));
      const again = job.stalledCounter > 0 || job.attemptsStarted > 1 ? ' (run again: its first worker stopped)' : '';
      const what = tasks[0]?.kind === 'refine' ? 'chunks again for exact percentiles' : tasks[0]?.kind === 'evaluate' ? 'design chunks' : 'chunks';
      options.log(`job ${job.id}: ${record.model.fileName} ${what} ${first}–${last} in ${((Date.now() - started) / 1000).toFixed(2)} s${again}`);
      await client.set(resultKey(run, job.id!), encode({ worker: WORKER_ID, results } satisfies JobReturn), 'EX', RESULT_TTL_SECONDS);
      return STORED;
    } catch (err) {
      options.log(`job ${job.id}: failed: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
      throw new UnrecoverableError(ERROR_PREFIX + JSON.stringify(toErrorData(err)));
    }
  };

  const lock = lockDuration();
  const worker = new Worker<JobData, string>(QUEUE_NAME, process_, {
    connection: connections[1],
    concurrency: options.workers + 1,
    lockDuration: lock,
    stalledInterval: Math.max(250, Math.floor(lock / 2)),
    maxStalledCount: 3,
  });
  worker.on('error', () => {});
  await worker.waitUntilReady();

  let stopping: Promise<void> | undefined;
  let resolveStopped!: () => void;
  const stopped = new Promise<void>((r) => (resolveStopped = r));
  return {
    stopped,
    stop() {
      stopping ??= (async () => {
        await settledWithin(lock + 30_000, worker.close()); // waits for the jobs under way (bounded: a lost server never answers)
        await settledWithin(2000, queue.close()); // bounded: a lost server never answers
        for (const loaded of runs.values()) {
          await loaded.then(async (r) => {
            await Promise.all(r.idle.map((t) => t.close()));
            r.dispose();
          }, () => {});
        }
        for (const c of connections) c.disconnect();
        client.disconnect();
        resolveStopped();
      })();
      return stopping;
    },
  };
}

/** At most `n` holders at once; `acquire` resolves with the function that gives the place back. */
function slots(n: number): { acquire(): Promise<() => void> } {
  let free = n;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free++;
  };
  return {
    acquire() {
      if (free > 0) {
        free--;
        return Promise.resolve(release);
      }
      return new Promise((resolve) => waiting.push(() => resolve(release)));
    },
  };
}
