/**
 * Messages between the warm pool (`pool.ts`) and its threads (`pool-worker.ts`). Every task
 * carries its run's id and the model it needs (file, overrides, scenario): a thread keeps the
 * models it has loaded and switches between them by message, without a restart. Results carry
 * the run id back, so the pool can drop those of a run that was cancelled while they ran.
 */
import type { ErrorData } from '../errors.ts';
import type { Task, TaskResult, WorkerInit } from '../../workers/protocol.ts';

export interface PoolTask {
  readonly runId: number;
  /** Which loaded model runs the task: `modelKey(init)`. */
  readonly key: string;
  readonly init: WorkerInit;
  readonly task: Task;
}

export type PoolMessage =
  | { readonly type: 'result'; readonly runId: number; readonly result: TaskResult }
  | { readonly type: 'error'; readonly runId: number; readonly error: ErrorData };

/** One key per distinct model a thread may hold: the same file with other overrides is another model. */
export function modelKey(init: WorkerInit): string {
  const overrides = Object.entries(init.overrides).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([init.file, init.scenario ?? null, overrides]);
}
