/**
 * Messages between the main thread and the workers. Everything here is structured-clone
 * data; large arrays travel as transferable buffers, never as arrays of objects.
 */
import type { PrefixRanks } from '../src/stats/order-statistics.ts';
import type { ErrorData } from '../src/errors.ts';
import type { Moments } from '../src/stats/moments.ts';
import { transferList as sketchBuffers, type SketchTransfer } from '../src/stats/sketch/ddsketch.ts';
import type { PercentileMethod, Sampling } from '../src/engine/types.ts';

/** @deprecated Domain types live in `src/engine/types.ts`; re-exported for the benchmarks that still import them from here. */
export type { PercentileMethod, Sampling };

export interface SimulateTask {
  readonly kind: 'simulate';
  readonly chunk: number;
  /** Index of the chunk's first sample in the run (a Sobol chunk starts at that point of the sequence). */
  readonly start: number;
  readonly size: number;
  readonly seed: string;
  readonly sampling: Sampling;
  readonly percentileMethod: PercentileMethod;
  /**
   * Exact method, optional: one shared buffer per output, sized for the whole run. The worker
   * writes the chunk's finite values straight into it at [start, start + finite) — no copy, no
   * transfer — and the main thread closes any gaps left by non-finite values, in chunk order.
   */
  readonly shared?: readonly SharedArrayBuffer[];
  /**
   * Exact method, values kept by no one (a queue's workers: `src/engine/remote-select.ts`): return,
   * per output, the counts of the chunk's finite values per first key digit instead of the values.
   */
  readonly digits?: true;
}

/**
 * Cells of one output's radix keys (`src/stats/radix-key.ts`) wanted from chunks, as parallel
 * arrays: a cell's values, or for a cell with too many values to send, their counts per next digit.
 */
export interface RefineCells {
  readonly level: Uint8Array;
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
  /** 1: the counts per next digit (with the least and greatest value of each); 0: the values. */
  readonly counts: Uint8Array;
  /** The chunks [from, until) the cell is asked of. */
  readonly from: Uint32Array;
  readonly until: Uint32Array;
}

/**
 * A refinement pass of an exact run whose values nobody kept: the chunk runs again (the same seed
 * and chunk give the same values) and returns only what lies in the wanted cells.
 */
export interface RefineTask {
  readonly kind: 'refine';
  readonly chunk: number;
  readonly start: number;
  readonly size: number;
  readonly seed: string;
  readonly sampling: Sampling;
  /** Per output, the cells wanted: one object shared by every task of a pass (a job carries it once). */
  readonly cells: readonly RefineCells[];
}

export interface EvaluateTask {
  readonly kind: 'evaluate';
  readonly chunk: number;
  readonly rows: number;
  /** Row-major rows × k points in the unit hypercube, k = the model's non-constant parameters. */
  readonly unit: Float64Array;
  /**
   * Where these rows come from, when the design can be regenerated: the design's spec (opaque text
   * to the engine) and the first row. A queue ships this instead of `unit` (src/distributed/queue/job-codec.ts).
   */
  readonly design?: { readonly spec: string; readonly first: number };
}

/**
 * Order statistics of one output's kept values, for the end of an exact-percentile run: the
 * values live in a SharedArrayBuffer that the main thread filled, so they are shared, not sent,
 * and the workers select different outputs (and convergence prefixes) side by side.
 */
export interface SelectTask {
  readonly kind: 'select';
  readonly id: number;
  readonly values: Float64Array;
  readonly n: number;
  readonly ranks: readonly number[];
  /** Ranks wanted in shorter prefixes values[0..p.n) too, in the same passes (the convergence points). */
  readonly prefixes?: readonly PrefixRanks[];
  /** Also count the values between these bin edges (the histogram of distributions.json). */
  readonly edges?: readonly number[];
  readonly scale?: 'linear' | 'log';
}

export type Task = SimulateTask | EvaluateTask | SelectTask | RefineTask;

export interface SimulateResult {
  readonly kind: 'simulate';
  readonly chunk: number;
  readonly start: number;
  readonly size: number;
  /** Per output: how many of the chunk's values were finite (kept). */
  readonly finite: number[];
  /** Per output (exact method without shared buffers): its finite values, in sample order. */
  readonly values?: Float64Array[];
  /** Per output (`SimulateTask.digits`): its finite values counted per first key digit, packed (`src/stats/digit-table.ts`). */
  readonly digits?: Uint8Array[];
  /** Per output (ddsketch method): a sketch of its finite values. */
  readonly sketches?: SketchTransfer[];
  /** Per output: moments of its finite values (computed in the worker, merged in chunk order). */
  readonly moments: Moments[];
  readonly nonFinite: number[];
  /** Per claim: how many samples it held for. */
  readonly holds: number[];
}

export interface EvaluateResult {
  readonly kind: 'evaluate';
  readonly chunk: number;
  readonly rows: number;
  /** Per output: raw values, one per row (NaN and ±Infinity kept). */
  readonly outputs: Float64Array[];
  /** Per claim: 1 where it held. */
  readonly claims: Uint8Array[];
}

export interface SelectResult {
  readonly kind: 'select';
  readonly id: number;
  /** The values at the requested ranks, in request order. */
  readonly x: Float64Array;
  /** Per prefix asked, its values at its ranks. */
  readonly prefixX?: Float64Array[];
  /** Bin counts, when edges were given. */
  readonly counts?: number[];
}

/** Per counts cell of a RefineTask and next digit met in the chunk: how many values, the least and the greatest. */
export interface CellCounts {
  /** The cell's index in the output's RefineCells. */
  readonly cell: Uint32Array;
  readonly digit: Uint32Array;
  readonly count: Uint32Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
}

export interface RefineResult {
  readonly kind: 'refine';
  readonly chunk: number;
  /** Per output: the chunk's finite values that lie in one of its values cells, in sample order. */
  readonly values: Float64Array[];
  /** Per output: its counts cells' counts, if it has any. */
  readonly counts: Array<CellCounts | null>;
}

export type TaskResult = SimulateResult | EvaluateResult | SelectResult | RefineResult;

export interface WorkerInit {
  readonly file: string;
  readonly overrides: Readonly<Record<string, string>>;
  /** The scenario the main thread applied (`--scenario NAME`), if any. */
  readonly scenario?: string;
}

export type WorkerMessage =
  /** `waitedMs`: how long a warm thread waited for its model's name (not start-up work: `src/engine/runner.ts` times start-ups). */
  | { readonly type: 'ready'; readonly waitedMs?: number }
  | { readonly type: 'result'; readonly result: TaskResult }
  | { readonly type: 'error'; readonly error: ErrorData };

/** Buffers to hand over rather than copy. */
export function transferList(result: TaskResult): ArrayBuffer[] {
  if (result.kind === 'select') return [result.x.buffer as ArrayBuffer];
  if (result.kind === 'evaluate') return [...result.outputs, ...result.claims].map((a) => a.buffer as ArrayBuffer);
  if (result.kind === 'refine') return result.values.map((a) => a.buffer as ArrayBuffer);
  return [...(result.values ?? []), ...(result.digits ?? [])].map((a) => a.buffer as ArrayBuffer).concat((result.sketches ?? []).flatMap(sketchBuffers));
}
