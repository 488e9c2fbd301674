/**
 * What a queued run keeps in Redis, besides BullMQ's own keys:
 * - the run record `ai-energy-mc:run:<id>` (stored once, refreshed while the coordinator lives,
 *   expiring soon after it dies): the model's source and SHA-256, overrides, scenario, seed,
 *   sampling, percentile method and the engine, Node and V8 versions;
 * - `ai-energy-mc:run:<id>:jobs`, the ids of its jobs (for removal when the run is cancelled);
 * - `ai-energy-mc:run:<id>:cancelled`, set when the coordinator is interrupted;
 * - `ai-energy-mc:run:<id>:result:<job id>`, a job's results, encoded (`encode`: binary, not base64),
 *   until the coordinator reads them.
 * A job is a batch of consecutive chunk tasks of one run: its data names the run and the chunks,
 * the tasks travel encoded (`codec.ts`). Its results are stored under their own key and its return
 * value only says so (`STORED`): BullMQ copies a return value into its event stream as well as the
 * job, and every listener of the stream then receives it — a third copy of the largest data.
 */
import type { TaskResult } from '../../../workers/protocol.ts';
import type { ModelSource, EngineVersions } from '../fingerprint.ts';

/** One queue for every run: workers serve whichever run has work. */
export const QUEUE_NAME = 'ai-energy-mc';

export const recordKey = (run: string) => `ai-energy-mc:run:${run}`;
export const jobsKey = (run: string) => `ai-energy-mc:run:${run}:jobs`;
export const cancelKey = (run: string) => `ai-energy-mc:run:${run}:cancelled`;
export const resultKey = (run: string, jobId: string) => `ai-energy-mc:run:${run}:result:${jobId}`;

/** Seconds a run record outlives its coordinator's last heartbeat. */
export const RECORD_TTL_SECONDS = 60;

export interface RunRecord {
  readonly id: string;
  readonly model: ModelSource;
  readonly versions: EngineVersions;
  /** What the coordinator was asked (for a reader of the queue; every task carries its own seed and method). */
  readonly seed?: string;
  readonly sampling?: string;
  readonly percentileMethod?: string;
  readonly createdAt: string;
}

export interface JobData {
  readonly run: string;
  /** The chunks of the batch, first and last (for the worker's log line). */
  readonly first: number;
  readonly last: number;
  /** The tasks, encoded (`encodeText`). */
  readonly tasks: string;
}

/** What a job returns, encoded (`encode`) under `resultKey`: the batch's results and which worker process computed them (for summary.json's `queue.workers`). */
export interface JobReturn {
  /** A random id per worker process (no host name or address: summary.json travels). */
  readonly worker: string;
  readonly results: readonly TaskResult[];
}

/** A job refused or failed on a worker: its error as data, so that the coordinator raises the same error (and exit code). */
export const ERROR_PREFIX = 'ai-energy-mc-error:';

/** What a job returns once its results are stored under `resultKey`. */
export const STORED = 'stored';

/** Seconds a job's stored results wait for the coordinator (as long as BullMQ keeps a finished job). */
export const RESULT_TTL_SECONDS = 86_400;

/** What a job returns for a run that was cancelled before the job ran. */
export const CANCELLED = 'cancelled';
