/**
 * A job's tasks as they travel, and back. What a task carries that another machine can make
 * itself stays home:
 * - a simulate task's shared buffers (a queued exact run has none: its chunks return counts per
 *   key digit, and refine tasks, which carry their wanted cells once per job, fetch the values the
 *   selections need: engine/remote-select.ts);
 * - an evaluate task's design rows, when the design can be regenerated from its spec (every
 *   sensitivity design: sensitivity/design-spec.ts). The job carries the spec and the first row;
 *   the worker makes those rows alone (the same code on the same seed, so the same bits), so
 *   neither a job's size nor a worker's memory grows with the study's N.
 */
import type { EvaluateTask, Task } from '../../../workers/protocol.ts';
import { designRowsOf, type DesignSpec } from '../../sensitivity/design-spec.ts';
import { decodeText, encodeText } from '../codec.ts';

/** An evaluate task without its rows: the spec and first row say where they come from. */
type EvaluateByRef = Omit<EvaluateTask, 'unit' | 'design'> & { readonly design: NonNullable<EvaluateTask['design']> };

/** A task as it travels. */
export type WireTask = Exclude<Task, EvaluateTask> | EvaluateTask | EvaluateByRef;

/** One job's tasks, encoded for a BullMQ job's data. */
export function encodeJobTasks(tasks: readonly Task[]): string {
  return encodeText(tasks.map(portable));
}

function portable(task: Task): WireTask {
  if (task.kind === 'simulate' && task.shared) {
    const { shared: _shared, ...rest } = task;
    return rest;
  }
  if (task.kind === 'evaluate' && task.design) {
    const { unit: _unit, ...rest } = task;
    return { ...rest, design: task.design };
  }
  return task;
}

/** A job's tasks as the worker runs them: evaluate tasks get their rows back (`rows` regenerates them). */
export function decodeJobTasks(text: string, rows: (spec: string, first: number, count: number) => Float64Array = designRows): Task[] {
  return decodeText<WireTask[]>(text).map((t) => (t.kind === 'evaluate' && !('unit' in t) ? { ...t, unit: rows(t.design.spec, t.design.first, t.rows) } : (t as Task)));
}

/** Rows [first, first + count) of the designs of `spec` (a DesignSpec as JSON), made alone where the design allows. */
export function designRows(spec: string, first: number, count: number): Float64Array {
  return designRowsOf(JSON.parse(spec) as DesignSpec, first, count);
}
