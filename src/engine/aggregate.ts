/**
 * Aggregation of chunk results into the statistics of a run.
 *
 * Chunks may arrive in any order; a small reorder buffer hands them on in chunk order, so
 * every floating-point sum, every merge and every checkpoint happens in the same order
 * whatever the number of workers or their timing: the same seed gives the same bytes.
 *
 * Percentiles come from one of two methods, chosen before the run:
 * - `exact`: every finite value is kept (compactly, in chunk order) and the order statistics
 *   are selected exactly (`stats/quantiles.ts`); memory grows with the sample count. When the
 *   chunks run on other machines (a queue), no value is kept here: chunks return counts per
 *   first key digit and the selections fetch what they need (`remote-select.ts`);
 * - `ddsketch`: each chunk arrives as a relative-error quantile sketch, merged exactly
 *   (integer bucket counts); memory is bounded whatever the sample count, and every
 *   percentile is within the sketch's stated relative error of the exact one.
 *
 * What a finished run reports (percentiles, histograms, convergence, warnings) is computed from
 * this state by `final-statistics.ts`.
 */
import type { ResolvedModel } from '../model/types.ts';
import type { Interval } from '../results/types.ts';
import { emptyMoments, mergeMoments } from '../stats/moments.ts';
import { wilson95 } from '../stats/proportion.ts';
import { quantiles, type QuantileResult } from '../stats/quantiles.ts';
import { createSketch, fromTransfer } from '../stats/sketch/ddsketch.ts';
import type { SimulateResult } from '../../workers/protocol.ts';
import type { PercentileMethod } from './types.ts';
import { selectHere, type Selector } from './select.ts';
import { CONVERGENCE_PS, finalStatistics, sketchQuantiles, type Aggregate, type OutputState } from './final-statistics.ts';
import { createRemoteValues, type Refiner } from './remote-select.ts';
import { quantileRanks } from '../stats/quantiles.ts';

export type { Aggregate } from './final-statistics.ts';

export interface Aggregator {
  /** Accepts a chunk's result, in any order. */
  add(result: SimulateResult): void;
  /** Samples in the chunks consumed so far (a contiguous prefix 0..k−1). */
  readonly consumed: number;
  /** Samples received, consumed or still waiting for an earlier chunk. */
  readonly received: number;
  /** Quantiles of outputs over the consumed samples (for precision targets), one result per ask. */
  quantilesOf(asks: ReadonlyArray<{ readonly output: number; readonly ps: readonly number[] }>): Promise<QuantileResult[]>;
  /** Probability and interval of one claim over the consumed samples. */
  claimOf(claim: number): { probability: number; ci95: Interval };
  /** Exact method: whether the main thread has a backlog of pages to first-touch (`pageToucher`): it then takes a core. */
  readonly touching: boolean;
  /** Exact method: the shared buffers, one per output, that workers may write chunks into (`SimulateTask.shared`). */
  readonly shared: readonly SharedArrayBuffer[] | undefined;
  /** The statistics of every consumed sample (`final-statistics.ts`); exact-mode selections go through `select`. */
  finish(percentiles: readonly number[], select?: Selector): Promise<Aggregate>;
}

/**
 * `capacity`: the most samples the run can take. Exact-mode buffers are allocated at that size
 * once (pages are touched only as they fill), not grown by doubling and copying. `refine`: the
 * chunks run elsewhere and keep the values (exact method: chunks carry `digits`, nothing is kept
 * here, and selections run refinement passes through it).
 */
export function createAggregator(model: ResolvedModel, method: PercentileMethod, capacity: number, refine?: Refiner): Aggregator {
  const remote = method === 'exact' && refine ? createRemoteValues(model.outputs.length, refine) : undefined;
  const kept = method === 'exact' && !remote;
  const outputs: OutputState[] = model.outputs.map(() => ({
    moments: emptyMoments(),
    nonFinite: 0,
    values: new Float64Array(kept ? new SharedArrayBuffer(8 * capacity) : new ArrayBuffer(0)),
    length: 0,
    sketch: method === 'ddsketch' ? createSketch() : null,
    checkpoints: [],
  }));
  const holds = new Array<number>(model.claims.length).fill(0);
  const pending = new Map<number, SimulateResult>();
  let nextChunk = 0;
  let consumed = 0;
  let received = 0;
  const prefault = kept ? pageToucher(outputs.map((o) => o.values), capacity) : undefined;
  prefault?.(0);

  const quantilesOf = async (asks: ReadonlyArray<{ readonly output: number; readonly ps: readonly number[] }>): Promise<QuantileResult[]> => {
    if (remote) return remote.quantiles(asks);
    return asks.map(({ output, ps }) => {
      const o = outputs[output];
      return o.sketch ? sketchQuantiles(o.sketch, ps) : quantiles(o.values, o.length, ps);
    });
  };

  /**
   * Convergence checkpoints after 1, 2, 4, 8, … chunks (up to half the planned samples) and at
   * the end: the moments are noted now; a sketch's
   * quantiles are read now too (cheap), exact ones are selected at the end (`final-statistics.ts`).
   */
  const checkpoint = () => {
    outputs.forEach((o, j) => o.moments.count > 0 && remote?.notePrefix(j, quantileRanks(o.length, CONVERGENCE_PS)));
    for (const o of outputs) {
      if (o.moments.count === 0) continue;
      o.checkpoints.push({ n: consumed, finite: o.length, moments: o.moments, ...(o.sketch ? { q: sketchQuantiles(o.sketch, CONVERGENCE_PS) } : {}) });
    }
  };

  const consume = (r: SimulateResult) => {
    outputs.forEach((o, j) => {
      o.moments = mergeMoments(o.moments, r.moments[j]);
      o.nonFinite += r.nonFinite[j];
      if (o.sketch) {
        const t = r.sketches?.[j];
        if (!t) throw new Error(`chunk ${r.chunk} carries no sketch for output ${j}`);
        o.sketch.merge(fromTransfer(t));
      } else if (remote) o.length += r.finite[j];
      else {
        const kept = r.finite[j];
        if (o.length + kept > o.values.length) throw new Error(`more samples than the ${capacity} planned`);
        const v = r.values?.[j];
        if (v) o.values.set(v, o.length);
        // Written in place by the worker: close the gap that earlier non-finite values left, if any.
        else if (o.length !== r.start) o.values.copyWithin(o.length, r.start, r.start + kept);
        o.length += kept;
      }
    });
    remote?.add(r);
    r.holds.forEach((h, j) => (holds[j] += h));
    consumed += r.size;
    nextChunk++;
    // Up to half the planned samples: the end itself is always a point, and a checkpoint close to
    // it would cost nearly a second full selection for a point the chart barely separates.
    if ((nextChunk & (nextChunk - 1)) === 0 && 2 * consumed <= capacity) checkpoint();
  };

  return {
    shared: kept ? outputs.map((o) => o.values.buffer as SharedArrayBuffer) : undefined,
    get consumed() {
      return consumed;
    },
    get touching() {
      return prefault?.busy() ?? false;
    },
    get received() {
      return received;
    },
    add(result) {
      if (result.chunk < nextChunk || pending.has(result.chunk)) throw new Error(`chunk ${result.chunk} received twice`);
      received += result.size;
      prefault?.(received);
      pending.set(result.chunk, result);
      for (let r = pending.get(nextChunk); r; r = pending.get(nextChunk)) {
        pending.delete(nextChunk);
        consume(r);
      }
    },
    quantilesOf,
    claimOf(j) {
      return { probability: holds[j] / consumed, ci95: wilson95(holds[j], consumed) };
    },
    async finish(percentiles, select = selectHere) {
      if (pending.size > 0) throw new Error(`chunks ${[...pending.keys()].join(', ')} arrived without the chunks before them`);
      prefault?.(-1);
      return finalStatistics(model, { outputs, holds, consumed }, percentiles, remote?.select ?? select);
    },
  };
}

/** Samples ahead of those received whose pages are touched in advance: 2^21, 32 chunks of the default size. */
const TOUCH_AHEAD = 2 ** 21;
/**
 * Doubles touched per event-loop turn, all outputs together: 128 KB, 32 pages, at most a fraction
 * of a millisecond even where faults are slow, so that a worker's result is never kept waiting
 * (the runner hands a worker its next chunk only when the main thread reads its result).
 */
const TOUCH_SLICE = 2 ** 14;
/** Doubles per 4 KB page. */
const PAGE = 512;

/**
 * Touches the pages of the exact-mode buffers a little ahead of the samples received, on the main
 * thread, between events. The first write to a fresh page is a page fault, which costs from under
 * a microsecond to tens of microseconds per 4 KB page depending on the machine and its load (on a
 * busy 2-core VM, 160 MB of fresh buffer took up to a second): done here, while the main thread
 * waits for workers (loading the model at the start, then running chunks), the workers' writes
 * find the pages mapped. Only up to TOUCH_AHEAD samples beyond those received, so a run that
 * stops early (a precision target) does not map memory it never uses.
 *
 * The touch is `Atomics.add(…, 0)` on one 32-bit word per page: it leaves any value a worker has
 * already written there as it is, even if the two race. Call with the samples received so far;
 * −1 stops it (the run is over).
 */
function pageToucher(buffers: readonly Float64Array[], capacity: number): { (received: number): void; busy(): boolean } {
  const words = buffers.map((b) => new Int32Array(b.buffer, b.byteOffset, 2 * b.length));
  const slice = Math.max(PAGE, Math.floor(TOUCH_SLICE / Math.max(1, words.length) / PAGE) * PAGE);
  let touched = 0;
  let target = 0;
  let received = 0;
  let scheduled = false;
  let stopped = false;
  const step = (): void => {
    scheduled = false;
    if (stopped) return;
    const end = Math.min(target, touched + slice);
    for (const w of words) for (let i = touched; i < end; i += PAGE) Atomics.add(w, 2 * i, 0);
    touched = end;
    if (touched < target) schedule();
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(step);
  };
  const toucher = (samples: number): void => {
    if (samples < 0) {
      stopped = true;
      return;
    }
    received = samples;
    target = Math.min(capacity, received + TOUCH_AHEAD);
    if (touched < target) schedule();
  };
  // Busy: not even half its reach ahead of the samples received (only a run the toucher keeps
  // up with leaves the main thread a core to spare; a chunk just received does not count).
  return Object.assign(toucher, { busy: () => !stopped && touched < Math.min(capacity, received + TOUCH_AHEAD / 2) });
}
