/**
 * Evaluation of a design: the model at given points of the unit hypercube, as the sensitivity
 * methods (Saltelli, Morris, tornado) need. Column j of a row is mapped through the j-th
 * non-constant parameter's inverse CDF; constants keep their value. Rows are cut into chunks
 * of fixed size and reassembled by chunk index, so results are identical for any worker count.
 *
 * The rows are held once: a task carries a view of them where its runner can take one (this
 * thread, or worker threads given a design in a SharedArrayBuffer, which they share rather than
 * copy), and nothing where the runner makes them from the design's spec (`designRowsWanted`); a
 * copy of its own only for a thread given an ordinary buffer (posting a view of one would clone it
 * whole) or another factory's runners.
 */
import type { ModelHandle } from '../model/load.ts';
import type { EvaluateResult, EvaluateTask } from '../../workers/protocol.ts';
import { DEFAULT_CHUNK_SIZE } from './plan.ts';
import { createRunner, designRowsWanted } from './runner.ts';

export interface DesignEvaluation {
  readonly rows: number;
  /** Raw outputs by name, one per row (NaN and ±Infinity kept: the analysis decides). */
  readonly outputs: Readonly<Record<string, Float64Array>>;
  /** Claim indicators by name: 1 where the claim held. */
  readonly claims: Readonly<Record<string, Uint8Array>>;
}

export interface EvaluateOptions {
  readonly workers: number;
  readonly chunkSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  /**
   * The design's spec, when `unit` can be regenerated from it (sensitivity/design-spec.ts): the tasks
   * name it and their first row. Then the design may be given by its row count alone, for a runner
   * that makes the rows from the spec.
   */
  readonly design?: string;
}

/** A design's rows, or (`EvaluateOptions.design` given) how many it has. */
export type DesignRows = Float64Array | { readonly rows: number };

/** What a task made from the design's spec carries for rows: nothing, the runner makes them. */
const MADE_FROM_SPEC = new Float64Array(0);

/** The number of unit-hypercube columns a design for this model has. */
export function designDimension(handle: ModelHandle): number {
  return handle.model.parameters.filter((p) => !p.dist.isConstant).length;
}

export async function evaluateDesign(handle: ModelHandle, design: DesignRows, options: EvaluateOptions): Promise<DesignEvaluation> {
  const { model } = handle;
  const k = designDimension(handle);
  if (k === 0) throw new Error(`model ${model.name} has no uncertain parameters to design over`);
  const wanted = designRowsWanted();
  const fromSpec = options.design !== undefined && wanted === 'spec';
  const unit = design instanceof Float64Array ? design : undefined;
  if (unit === undefined && !fromSpec) throw new Error(`a design for ${model.name} given by its row count alone: its runner does not make rows from a spec`);
  if (unit !== undefined && unit.length % k !== 0) throw new Error(`a design for ${model.name} has ${k} columns; got ${unit.length} values`);
  const rows = unit !== undefined ? unit.length / k : (design as { readonly rows: number }).rows;
  const views = unit !== undefined && wanted === 'shared' && (options.workers === 0 || unit.buffer instanceof SharedArrayBuffer);
  const rowsOf = (start: number, n: number): Float64Array => {
    if (fromSpec || unit === undefined) return MADE_FROM_SPEC;
    return views ? unit.subarray(start * k, (start + n) * k) : unit.slice(start * k, (start + n) * k);
  };
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const tasks: EvaluateTask[] = [];
  for (let start = 0, chunk = 0; start < rows; start += chunkSize, chunk++) {
    const n = Math.min(chunkSize, rows - start);
    const spec = options.design !== undefined ? { design: { spec: options.design, first: start } } : {};
    tasks.push({ kind: 'evaluate', chunk, rows: n, unit: rowsOf(start, n), ...spec });
  }
  const outputs = Object.fromEntries(model.outputs.map((o) => [o.name, new Float64Array(rows)]));
  const claims = Object.fromEntries(model.claims.map((c) => [c.name, new Uint8Array(rows)]));
  let done = 0;
  const runner = await createRunner(handle, Math.min(options.workers, tasks.length));
  try {
    await runner.run(
      tasks,
      (r) => {
        const result = r as EvaluateResult;
        const at = result.chunk * chunkSize;
        model.outputs.forEach((o, j) => outputs[o.name].set(result.outputs[j], at));
        model.claims.forEach((c, j) => claims[c.name].set(result.claims[j], at));
        done += result.rows;
        options.onProgress?.(done, rows);
      },
      options.signal,
    );
  } finally {
    await runner.close();
  }
  return { rows, outputs, claims };
}
