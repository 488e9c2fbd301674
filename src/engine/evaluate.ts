/**
 * Evaluation of a design: the model at given points of the unit hypercube, as the sensitivity
 * methods (Saltelli, Morris, tornado) need. Column j of a row is mapped through the j-th
 * non-constant parameter's inverse CDF; constants keep their value. Rows are cut into chunks
 * of fixed size and reassembled by chunk index, so results are identical for any worker count.
 */
import type { ModelHandle } from '../model/load.ts';
import type { EvaluateResult, EvaluateTask } from '../../workers/protocol.ts';
import { DEFAULT_CHUNK_SIZE } from './plan.ts';
import { createRunner } from './runner.ts';

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
  /** The design's spec, when `unit` can be regenerated from it (sensitivity/design-spec.ts): the tasks name it and their first row. */
  readonly design?: string;
}

/** The number of unit-hypercube columns a design for this model has. */
export function designDimension(handle: ModelHandle): number {
  return handle.model.parameters.filter((p) => !p.dist.isConstant).length;
}

export async function evaluateDesign(handle: ModelHandle, unit: Float64Array, options: EvaluateOptions): Promise<DesignEvaluation> {
  const { model } = handle;
  const k = designDimension(handle);
  if (k === 0) throw new Error(`model ${model.name} has no uncertain parameters to design over`);
  if (unit.length % k !== 0) throw new Error(`a design for ${model.name} has ${k} columns; got ${unit.length} values`);
  const rows = unit.length / k;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const tasks: EvaluateTask[] = [];
  for (let start = 0, chunk = 0; start < rows; start += chunkSize, chunk++) {
    const n = Math.min(chunkSize, rows - start);
    const design = options.design !== undefined ? { design: { spec: options.design, first: start } } : {};
    tasks.push({ kind: 'evaluate', chunk, rows: n, unit: unit.slice(start * k, (start + n) * k), ...design });
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
