/**
 * The coordinator of a queued run: the process that runs `run|sensitivity … --queue URL`. It plugs
 * a runner into the engine (`setRunnerFactory`), so planning, precision checkpoints and the
 * chunk-ordered aggregation stay exactly those of a one-machine run; only the chunks run elsewhere.
 *
 * Each runner the engine asks for stores a run record once and turns each batch of chunk tasks
 * it is handed into jobs of `batch` consecutive chunks. The engine hands over one batch per
 * precision checkpoint (and the whole plan without --precision), so job edges include every
 * checkpoint and the plan does not depend on the number of workers. Results are read by job id,
 * from their own key (`protocol.ts`), when BullMQ announces a job complete (and by a periodic
 * sweep, since the event stream is trimmed), then removed; a chunk already received is dropped
 * (a job run twice after its worker died). Exact percentiles keep no values here: the workers
 * return counts, then run the chunks again for the values the selections need (refine tasks,
 * engine/remote-select.ts).
 *
 * A heartbeat refreshes the run records and watches the connection: Redis lost for longer than
 * LOST_AFTER_MS fails the run with one line naming the URL. An interrupt (Ctrl-C) marks the runs
 * cancelled synchronously, as the process exits at once (src/cli/interrupt.ts); the workers then
 * remove their remaining jobs.
 */
import { randomUUID } from 'node:crypto';
import { Job, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Task, TaskResult } from '../../../workers/protocol.ts';
import { fromErrorData, RunError, type ErrorData } from '../../errors.ts';
import { abortReason, type Runner, type RunnerFactory } from '../../engine/runner.ts';
import { selectOne } from '../../engine/select.ts';
import { onAbandon } from '../../results/cleanup.ts';
import type { QueuePlacement } from '../../results/types.ts';
import { decode } from '../codec.ts';
import { encodeJobTasks } from './job-codec.ts';
import { engineVersions, modelSource } from '../fingerprint.ts';
import { bullConnection, connectChecked, unreachable } from './connection.ts';
import type { QueueUrl } from './redis-url.ts';
import { cancelKey, ERROR_PREFIX, jobsKey, QUEUE_NAME, RECORD_TTL_SECONDS, recordKey, resultKey, STORED, type JobData, type JobReturn, type RunRecord } from './protocol.ts';

/** Chunks per job by default: ~16 × 20 ms of work against a few ms of messaging (≤ 1–2%). */
export const DEFAULT_BATCH = 16;
const HEARTBEAT_MS = 2000;
const LOST_AFTER_MS = 10_000;
const SWEEP_MS = 1000;
const CLOSE_MS = 2000;

export interface CoordinatorOptions {
  readonly batch: number;
  /** Seconds to wait for a worker to connect (default: as long as it takes). */
  readonly queueTimeout?: number;
  /** What the command was asked, for the run record. */
  readonly describe?: { readonly seed?: string; readonly sampling?: string; readonly percentileMethod?: string };
  /** One line for the user (progress notes): stderr by default. */
  readonly note?: (line: string) => void;
}

export interface Coordinator {
  readonly factory: RunnerFactory;
  /** Jobs run again after the worker that held them stopped. */
  readonly retried: number;
  /** summary.json's `queue` for the jobs read since the last call (then counted afresh). */
  placement(): QueuePlacement;
  /** Bytes of job data sent (base64 text, in BullMQ's JSON) and results received (binary, under their own keys). */
  readonly bytes: { sent: number; received: number };
  close(): Promise<void>;
}

export async function openCoordinator(url: QueueUrl, options: CoordinatorOptions): Promise<Coordinator> {
  const client = await connectChecked(url);
  const note = options.note ?? ((line: string) => process.stderr.write(`${line}\n`));
  // BullMQ leaves connections it was given open on close: they are ours to end.
  const connections = [bullConnection(url), bullConnection(url)];
  const queue = new Queue(QUEUE_NAME, { connection: connections[0] });
  const events = new QueueEvents(QUEUE_NAME, { connection: connections[1] });
  queue.on('error', () => {});
  events.on('error', () => {});
  const runs = new Set<string>();
  const bytes = { sent: 0, received: 0 };
  let retried = 0;
  // For summary.json's `queue`: what ran since the last summary asked (one summary per run or scenario).
  let since = { jobs: 0, retried: 0, workers: new Set<string>() };
  let lost: Error | undefined;
  let lastOk = Date.now();
  const listeners = new Set<(err: Error) => void>();
  const heartbeat = setInterval(() => {
    if (Date.now() - lastOk > LOST_AFTER_MS && !lost) {
      lost = new RunError(`lost the connection to the Redis server at ${url.display} for more than ${LOST_AFTER_MS / 1000} s; the run is abandoned`);
      for (const l of listeners) l(lost);
    }
    const multi = client.multi();
    for (const run of runs) multi.expire(recordKey(run), RECORD_TTL_SECONDS);
    multi.ping();
    multi.exec().then(() => (lastOk = Date.now()), () => {});
  }, HEARTBEAT_MS);
  heartbeat.unref();
  // Synchronous on purpose: an interrupt exits at once, and these writes reach the socket before it does.
  const unregister = onAbandon(() => {
    for (const run of runs) {
      void client.set(cancelKey(run), '1', 'EX', 86_400).catch(() => {});
      void client.del(recordKey(run)).catch(() => {});
    }
  });
  await events.waitUntilReady().catch((err: unknown) => {
    throw unreachable(url, err);
  });

  // Remote: an exact run keeps no values here; its chunks return counts and run again for the values its selections need (engine/remote-select.ts).
  // Designs from their spec: the workers make a study's rows (job-codec.ts), so this process holds only the designs its analyses read.
  const factory: RunnerFactory = Object.assign(async (handle: Parameters<RunnerFactory>[0]): Promise<Runner> => {
    const id = randomUUID();
    const record: RunRecord = {
      id,
      model: modelSource(handle),
      versions: engineVersions(),
      ...options.describe,
      createdAt: new Date().toISOString(),
    };
    await client.set(recordKey(id), JSON.stringify(record), 'EX', RECORD_TTL_SECONDS);
    runs.add(id);
    let seq = 0;
    let waitedForWorker = false;
    const runner: Runner = {
      workers: 0,
      run(tasks, onResult, signal) {
        return new Promise<void>((resolve, reject) => {
          const here = tasks.filter((t) => t.kind === 'select');
          const remote = tasks.filter((t) => t.kind !== 'select');
          // summary.json's `jobs` counts the run's batches of chunks, not the refinement passes that run them again.
          const counted = remote[0]?.kind !== 'refine';
          const outstanding = new Map<string, number>(); // job id → tasks in it
          const seen = new Set<string>();
          let settled = false;
          let sweep: NodeJS.Timeout | undefined;
          let waiting: NodeJS.Timeout | undefined;
          const finish = (err?: Error) => {
            if (settled) return;
            settled = true;
            if (sweep) clearInterval(sweep);
            if (waiting) clearInterval(waiting);
            events.off('completed', onCompleted);
            events.off('failed', onFailed);
            signal?.removeEventListener('abort', onAbort);
            listeners.delete(finish);
            if (err) {
              void removeJobs([...outstanding.keys()]);
              reject(err);
            } else resolve();
          };
          const onAbort = () => finish(abortReason(signal!));
          const deliver = (result: TaskResult) => {
            const key = result.kind === 'select' ? `s${result.id}` : `c${result.chunk}`;
            if (seen.has(key)) return; // the same chunk from a job run twice
            seen.add(key);
            onResult(result);
          };
          const collect = async (jobId: string): Promise<void> => {
            if (!outstanding.has(jobId) || settled) return;
            const job = await Job.fromId<JobData, string>(queue, jobId);
            if (!job || settled || !outstanding.has(jobId)) return;
            if (job.failedReason && job.finishedOn) return finish(jobError(job.failedReason));
            if (!job.finishedOn || job.returnvalue !== STORED) return;
            const stored = await client.getBuffer(resultKey(id, jobId));
            if (stored === null || settled || !outstanding.has(jobId)) {
              if (stored === null && !settled) finish(new RunError(`the results of job ${jobId} are missing from the Redis server at ${url.display} (evicted or deleted); the run is abandoned`));
              return;
            }
            outstanding.delete(jobId);
            bytes.received += stored.length;
            const again = job.stalledCounter > 0 || job.attemptsStarted > 1;
            if (again) retried++;
            const { worker, results } = decode<JobReturn>(stored);
            if (counted) since.jobs++;
            if (again) since.retried++;
            since.workers.add(worker);
            try {
              for (const r of results) deliver(r);
            } catch (err) {
              return finish(err as Error);
            }
            void job.remove().catch(() => {});
            void client.multi().srem(jobsKey(id), jobId).del(resultKey(id, jobId)).exec().catch(() => {});
            if (outstanding.size === 0) finish();
          };
          const onCompleted = ({ jobId }: { jobId: string }) => void collect(jobId).catch((err: unknown) => finish(err as Error));
          const onFailed = ({ jobId, failedReason }: { jobId: string; failedReason: string }) => {
            if (outstanding.has(jobId)) finish(jobError(failedReason));
          };
          if (signal?.aborted) return onAbort();
          signal?.addEventListener('abort', onAbort, { once: true });
          listeners.add(finish);
          try {
            for (const t of here) deliver(runHere(t));
          } catch (err) {
            return finish(err as Error);
          }
          if (remote.length === 0) return finish();
          events.on('completed', onCompleted);
          events.on('failed', onFailed);
          const jobs = batches(remote, options.batch).map((batch) => {
            const jobId = `${id}.${seq++}`;
            const data: JobData = { run: id, first: chunkOf(batch[0]), last: chunkOf(batch[batch.length - 1]), tasks: encodeJobTasks(batch) };
            bytes.sent += data.tasks.length;
            outstanding.set(jobId, batch.length);
            return { name: 'chunks', data, opts: { jobId, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 86_400 }, attempts: 1 } };
          });
          (async () => {
            await client.sadd(jobsKey(id), ...jobs.map((j) => j.opts.jobId));
            await client.expire(jobsKey(id), 86_400);
            await queue.addBulk(jobs);
            if (!waitedForWorker) {
              waitedForWorker = true;
              await awaitWorker();
            }
          })().catch((err: unknown) => finish(err instanceof RunError ? err : unreachable(url, err)));
          sweep = setInterval(() => {
            for (const jobId of [...outstanding.keys()].slice(0, 64)) void collect(jobId).catch((err: unknown) => finish(err as Error));
          }, SWEEP_MS);

          /** Says so when no worker is connected, and gives up after --queue-timeout. */
          async function awaitWorker(): Promise<void> {
            if ((await queue.getWorkersCount()) > 0) return;
            note(`waiting for a worker on ${url.display} (start one with: ai-energy-mc worker --queue ${url.display})`);
            const since = Date.now();
            await new Promise<void>((done) => {
              waiting = setInterval(() => {
                if (settled) return done();
                queue.getWorkersCount().then((n) => {
                  if (n > 0) {
                    clearInterval(waiting);
                    return done();
                  }
                  if (options.queueTimeout !== undefined && Date.now() - since > options.queueTimeout * 1000) {
                    clearInterval(waiting);
                    finish(new RunError(`no worker connected to the queue at ${url.display} within --queue-timeout ${options.queueTimeout} s; start one with: ai-energy-mc worker --queue ${url.display}`));
                    done();
                  }
                }, () => {});
              }, 500);
            });
          }
        });
      },
      async close() {},
    };
    return runner;
  }, { remote: true, designsFromSpec: true });

  async function removeJobs(ids: readonly string[]): Promise<void> {
    await Promise.all(ids.map((jobId) => queue.remove(jobId).catch(() => 0)));
  }

  return {
    factory,
    get retried() {
      return retried;
    },
    placement() {
      const p: QueuePlacement = { url: url.display, workers: since.workers.size, jobs: since.jobs, retried: since.retried };
      since = { jobs: 0, retried: 0, workers: new Set<string>() };
      return p;
    },
    bytes,
    async close() {
      clearInterval(heartbeat);
      unregister();
      // Bounded: with the server gone, BullMQ's close would wait for a reconnection that never comes.
      // A run that stopped early (an error) may leave stored results of jobs it never read.
      const forget = async (run: string) => {
        const jobs = await client.smembers(jobsKey(run));
        await client.del(recordKey(run), jobsKey(run), ...jobs.map((jobId) => resultKey(run, jobId)));
      };
      await settledWithin(CLOSE_MS, Promise.all([...runs].map((run) => forget(run).catch(() => 0))));
      await settledWithin(CLOSE_MS, Promise.allSettled([events.close(), queue.close()]));
      for (const c of connections) c.disconnect();
      client.disconnect();
    },
  };
}

/** Waits for `promise`, at most `ms`. */
export async function settledWithin(ms: number, promise: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise.catch(() => {}), new Promise<void>((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
}

/** A select task carries its values: selected here. (None comes from the engine: this factory is remote, so exact runs select by refinement passes.) */
function runHere(task: Task): TaskResult {
  if (task.kind !== 'select') throw new Error(`task ${task.kind} cannot run on the coordinator`);
  const { x, prefixX, counts } = selectOne(task);
  return { kind: 'select', id: task.id, x, ...(prefixX ? { prefixX } : {}), ...(counts ? { counts } : {}) };
}

const chunkOf = (t: Task): number => (t.kind === 'select' ? t.id : t.chunk);

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A job's failure as the error the worker raised (a ModelError stays a ModelError: exit 3). */
function jobError(failedReason: string): Error {
  if (failedReason.startsWith(ERROR_PREFIX)) {
    try {
      const err = fromErrorData(JSON.parse(failedReason.slice(ERROR_PREFIX.length)) as ErrorData);
      return err.constructor === Error ? new RunError(err.message) : err;
    } catch {
      // fall through to the text itself
    }
  }
  return new RunError(`a worker failed a job: ${failedReason.split('\n')[0]}`);
}

