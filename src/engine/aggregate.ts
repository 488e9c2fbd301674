/**
 * Aggregation of chunk results into the statistics of a run.
 *
 * Chunks may arrive in any order; a small reorder buffer hands them on in chunk order, so
 * every floating-point sum, every merge and every checkpoint happens in the same order
 * whatever the number of workers or their timing: the same seed gives the same bytes.
 *
 * Percentiles come from one of two methods, chosen before the run:
 * - `exact`: every finite value is kept (compactly, in chunk order) and the order statistics
 *   are selected exactly (`stats/quantiles.ts`); memory grows with the sample count;
 * - `ddsketch`: each chunk arrives as a relative-error quantile sketch, merged exactly
 *   (integer bucket counts); memory is bounded whatever the sample count, and every
 *   percentile is within the sketch's stated relative error of the exact one.
 */
import type { ResolvedModel } from '../model/types.ts';
import type { ClaimSummary, Interval, OutputDistribution, OutputSummary } from '../results/types.ts';
import { emptyMoments, mergeMoments, variance, type Moments } from '../stats/moments.ts';
import { Z95 } from '../stats/normal-z.ts';
import { wilson95 } from '../stats/proportion.ts';
import { quantiles, type QuantileResult } from '../stats/quantiles.ts';
import { createSketch, fromTransfer, type QuantileSketch } from '../stats/sketch/ddsketch.ts';
import type { PercentileMethod, SimulateResult } from '../../workers/protocol.ts';

/**
 * The quantile grid of distributions.json: 0.1%, 0.5%, 1%, 2.5%, 5%, 10%, 15%, …, 95%, 97.5%,
 * 99%, 99.5%, 99.9% — dense in the tails, where exceedance charts look, and cheap to select.
 */
export const QUANTILE_GRID: readonly number[] = [
  0.001, 0.005, 0.01, 0.025, ...Array.from({ length: 19 }, (_, i) => (i + 1) / 20), 0.975, 0.99, 0.995, 0.999,
];
const HISTOGRAM_BINS = 60;

export interface Aggregate {
  readonly outputs: Record<string, OutputSummary>;
  readonly claims: Record<string, ClaimSummary>;
  readonly distributions: Record<string, OutputDistribution>;
}

export interface Aggregator {
  /** Accepts a chunk's result, in any order. */
  add(result: SimulateResult): void;
  /** Samples in the chunks consumed so far (a contiguous prefix 0..k−1). */
  readonly consumed: number;
  /** Samples received, consumed or still waiting for an earlier chunk. */
  readonly received: number;
  /** Quantiles of one output over the consumed samples (for precision targets). */
  quantilesOf(output: number, ps: readonly number[]): QuantileResult;
  /** Probability and interval of one claim over the consumed samples. */
  claimOf(claim: number): { probability: number; ci95: Interval };
  finish(percentiles: readonly number[]): Aggregate;
}

interface OutputState {
  moments: Moments;
  nonFinite: number;
  /** exact: finite values in chunk order, values[0..length) valid. */
  values: Float64Array;
  length: number;
  /** ddsketch: the merged sketch. */
  sketch: QuantileSketch | null;
  convergence: ConvergenceSeries;
}

interface ConvergenceSeries {
  n: number[];
  mean: number[];
  meanCI95: Interval[];
  p50: number[];
  p95: number[];
  p95CI95: Interval[];
}

/**
 * `capacity`: the most samples the run can take. Exact-mode buffers are allocated at that size
 * once (the pages are only touched as they fill), rather than grown by doubling and copying.
 */
export function createAggregator(model: ResolvedModel, method: PercentileMethod, capacity: number): Aggregator {
  const outputs: OutputState[] = model.outputs.map(() => ({
    moments: emptyMoments(),
    nonFinite: 0,
    values: new Float64Array(method === 'exact' ? capacity : 0),
    length: 0,
    sketch: method === 'ddsketch' ? createSketch() : null,
    convergence: { n: [], mean: [], meanCI95: [], p50: [], p95: [], p95CI95: [] },
  }));
  const holds = new Array<number>(model.claims.length).fill(0);
  const pending = new Map<number, SimulateResult>();
  let nextChunk = 0;
  let consumed = 0;
  let received = 0;
  let lastCheckpoint = 0;

  const quantilesOf = (j: number, ps: readonly number[]): QuantileResult => {
    const o = outputs[j];
    if (o.sketch) {
      const empty = o.sketch.count === 0;
      return { values: ps.map((p) => (empty ? NaN : o.sketch!.quantile(p))), ci95: ps.map((p): Interval => (empty ? [NaN, NaN] : o.sketch!.quantileCI95(p))) };
    }
    return quantiles(o.values, o.length, ps);
  };

  /**
   * Running estimates after 1, 2, 4, 8, … chunks (the convergence chart); the last point, at the
   * end, comes from the final selection in `finish`, so the full sample is selected only once.
   */
  const checkpoint = (j: number, q: QuantileResult) => {
    const o = outputs[j];
    const c = o.convergence;
    const m = o.moments;
    if (m.count === 0) return;
    const half = (Z95 * Math.sqrt(variance(m))) / Math.sqrt(m.count);
    c.n.push(consumed);
    c.mean.push(m.mean);
    c.meanCI95.push([m.mean - half, m.mean + half]);
    c.p50.push(q.values[0]);
    c.p95.push(q.values[1]);
    c.p95CI95.push(q.ci95[1]);
  };
  const checkpointAll = () => {
    if (consumed === lastCheckpoint || consumed >= capacity) return;
    lastCheckpoint = consumed;
    outputs.forEach((_, j) => checkpoint(j, quantilesOf(j, [0.5, 0.95])));
  };

  const consume = (r: SimulateResult) => {
    outputs.forEach((o, j) => {
      o.moments = mergeMoments(o.moments, r.moments[j]);
      o.nonFinite += r.nonFinite[j];
      if (o.sketch) {
        const t = r.sketches?.[j];
        if (!t) throw new Error(`chunk ${r.chunk} carries no sketch for output ${j}`);
        o.sketch.merge(fromTransfer(t));
      } else {
        const v = r.values?.[j];
        if (!v) throw new Error(`chunk ${r.chunk} carries no values for output ${j}`);
        if (o.length + v.length > o.values.length) throw new Error(`more samples than the ${capacity} planned`);
        o.values.set(v, o.length);
        o.length += v.length;
      }
    });
    r.holds.forEach((h, j) => (holds[j] += h));
    consumed += r.size;
    nextChunk++;
    if ((nextChunk & (nextChunk - 1)) === 0) checkpointAll();
  };

  return {
    get consumed() {
      return consumed;
    },
    get received() {
      return received;
    },
    add(result) {
      if (result.chunk < nextChunk || pending.has(result.chunk)) throw new Error(`chunk ${result.chunk} received twice`);
      received += result.size;
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
    finish(percentiles) {
      if (pending.size > 0) throw new Error(`chunks ${[...pending.keys()].join(', ')} arrived without the chunks before them`);
      const summaries: Record<string, OutputSummary> = {};
      const distributions: Record<string, OutputDistribution> = {};
      model.outputs.forEach((output, j) => {
        const o = outputs[j];
        const m = o.moments;
        const n = m.count;
        // One selection for everything the summary, the charts and the last convergence point need.
        const asks = percentiles.map((p) => p / 100);
        const all = quantilesOf(j, [...asks, ...QUANTILE_GRID, 0.5, 0.95]);
        const slice = (from: number, to: number): QuantileResult => ({ values: all.values.slice(from, to), ci95: all.ci95.slice(from, to) });
        const asked = slice(0, asks.length);
        const grid = slice(asks.length, asks.length + QUANTILE_GRID.length);
        if (o.convergence.n.at(-1) !== consumed) checkpoint(j, slice(asks.length + QUANTILE_GRID.length, all.values.length));
        const sd = Math.sqrt(variance(m));
        const half = (Z95 * sd) / Math.sqrt(n);
        summaries[output.name] = {
          unit: output.unit ?? '',
          count: n,
          nonFinite: o.nonFinite,
          mean: n > 0 ? m.mean : NaN,
          sd,
          min: n > 0 ? m.min : NaN,
          max: n > 0 ? m.max : NaN,
          meanCI95: [m.mean - half, m.mean + half],
          percentiles: Object.fromEntries(percentiles.map((p, i) => [percentileKey(p), asked.values[i]])),
          percentileCI95: Object.fromEntries(percentiles.map((p, i) => [percentileKey(p), asked.ci95[i]])),
        };
        const lo = grid.values[0];
        const hi = grid.values[grid.values.length - 1];
        distributions[output.name] = {
          unit: output.unit ?? '',
          quantiles: { p: QUANTILE_GRID, x: grid.values },
          histogram: o.sketch ? histogramOfSketch(o.sketch, lo, hi) : histogramOfValues(o.values, o.length, lo, hi),
          convergence: o.convergence,
        };
      });
      const claims: Record<string, ClaimSummary> = {};
      model.claims.forEach((claim, j) => {
        claims[claim.name] = {
          probability: holds[j] / consumed,
          ci95: wilson95(holds[j], consumed),
          holds: holds[j],
          count: consumed,
          ...(claim.description ? { description: claim.description } : {}),
        };
      });
      return { outputs: summaries, claims, distributions };
    },
  };
}

/** `p` plus the percentile as written: 5 → `p5`, 2.5 → `p2.5`. */
export function percentileKey(p: number): string {
  return `p${p}`;
}

/**
 * Equal-width bins (in log space for outputs spanning decades) over the central 99.8% of
 * the samples, from lo = p0.1 to hi = p99.9.
 */
function histogramBins(lo: number, hi: number) {
  const log = lo > 0 && hi / lo > 30;
  const a = log ? Math.log10(lo) : lo;
  const b = log ? Math.log10(hi) : hi;
  const width = b > a ? (b - a) / HISTOGRAM_BINS : 1;
  const edges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) => (log ? 10 ** (a + i * width) : a + i * width));
  const binOf = (v: number) => Math.min(HISTOGRAM_BINS - 1, Math.floor(((log ? Math.log10(v) : v) - a) / width));
  return { scale: log ? ('log' as const) : ('linear' as const), edges, binOf };
}

function histogramOfValues(values: Float64Array, n: number, lo: number, hi: number): OutputDistribution['histogram'] {
  const { scale, edges, binOf } = histogramBins(lo, hi);
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v >= lo && v <= hi) counts[binOf(v)]++;
  }
  return { scale, edges, counts };
}

/** The same bins filled from the sketch's buckets (each bucket's count goes to the bin of its representative value). */
function histogramOfSketch(sketch: QuantileSketch, lo: number, hi: number): OutputDistribution['histogram'] {
  const { scale, edges, binOf } = histogramBins(lo, hi);
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  sketch.forEachBucket((v, c) => {
    if (v >= lo && v <= hi) counts[binOf(v)] += c;
  });
  return { scale, edges, counts };
}
