/**
 * Aggregation of chunk results into the statistics of a run.
 *
 * Chunks may arrive in any order. Each chunk's values land at a slot fixed by its index and
 * moments are merged in chunk order at the end, so the result is the same bytes whatever the
 * number of workers or their timing. Percentiles are exact order statistics of every finite
 * sample (see `stats/quantiles.ts`).
 */
import type { ResolvedModel } from '../model/types.ts';
import type { ClaimSummary, Interval, OutputDistribution, OutputSummary } from '../results/types.ts';
import { emptyMoments, mergeMoments, variance, type Moments } from '../stats/moments.ts';
import { Z95 } from '../stats/normal-z.ts';
import { wilson95 } from '../stats/proportion.ts';
import { quantiles } from '../stats/quantiles.ts';
import type { SimulateResult } from '../../workers/protocol.ts';
import type { Chunk } from './plan.ts';

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
  add(result: SimulateResult): void;
  /** Number of samples received so far. */
  readonly received: number;
  finish(percentiles: readonly number[]): Aggregate;
}

export function createAggregator(model: ResolvedModel, chunks: readonly Chunk[]): Aggregator {
  const total = chunks.reduce((s, c) => s + c.size, 0);
  const m = model.outputs.length;
  const values = model.outputs.map(() => new Float64Array(total));
  const finite: Int32Array[] = model.outputs.map(() => new Int32Array(chunks.length));
  const moments: Moments[][] = model.outputs.map(() => new Array<Moments>(chunks.length));
  const nonFinite = new Array<number>(m).fill(0);
  const holds = new Array<number>(model.claims.length).fill(0);
  const seen = new Uint8Array(chunks.length);
  let received = 0;

  return {
    get received() {
      return received;
    },
    add(result) {
      const chunk = chunks[result.chunk];
      if (!chunk || seen[result.chunk]) throw new Error(`unexpected result for chunk ${result.chunk}`);
      seen[result.chunk] = 1;
      for (let j = 0; j < m; j++) {
        values[j].set(result.values[j], chunk.start);
        finite[j][result.chunk] = result.values[j].length;
        moments[j][result.chunk] = result.moments[j];
        nonFinite[j] += result.nonFinite[j];
      }
      result.holds.forEach((h, j) => (holds[j] += h));
      received += chunk.size;
    },
    finish(percentiles) {
      if (received !== total) throw new Error(`aggregate finished with ${received} of ${total} samples`);
      const outputs: Record<string, OutputSummary> = {};
      const distributions: Record<string, OutputDistribution> = {};
      model.outputs.forEach((output, j) => {
        const n = compact(values[j], chunks, finite[j]);
        const all = moments[j].reduce(mergeMoments, emptyMoments());
        const convergence = convergenceSeries(values[j], chunks, finite[j], moments[j]);
        const asked = quantiles(values[j], n, percentiles.map((p) => p / 100));
        const grid = quantiles(values[j], n, QUANTILE_GRID);
        const sd = Math.sqrt(variance(all));
        const half = (Z95 * sd) / Math.sqrt(all.count);
        outputs[output.name] = {
          unit: output.unit ?? '',
          count: all.count,
          nonFinite: nonFinite[j],
          mean: n > 0 ? all.mean : NaN,
          sd,
          min: n > 0 ? all.min : NaN,
          max: n > 0 ? all.max : NaN,
          meanCI95: [all.mean - half, all.mean + half],
          percentiles: Object.fromEntries(percentiles.map((p, i) => [percentileKey(p), asked.values[i]])),
          percentileCI95: Object.fromEntries(percentiles.map((p, i) => [percentileKey(p), asked.ci95[i]])),
        };
        distributions[output.name] = {
          unit: output.unit ?? '',
          quantiles: { p: QUANTILE_GRID, x: grid.values },
          histogram: histogram(values[j], n, grid.values[0], grid.values[grid.values.length - 1]),
          convergence,
        };
      });
      const claims: Record<string, ClaimSummary> = {};
      model.claims.forEach((claim, j) => {
        claims[claim.name] = {
          probability: holds[j] / total,
          ci95: wilson95(holds[j], total),
          holds: holds[j],
          count: total,
          ...(claim.description ? { description: claim.description } : {}),
        };
      });
      return { outputs, claims, distributions };
    },
  };
}

/** `p` plus the percentile as written: 5 → `p5`, 2.5 → `p2.5`. */
export function percentileKey(p: number): string {
  return `p${p}`;
}

/** Moves each chunk's finite values down so that they are contiguous, in chunk order. Returns the count. */
function compact(values: Float64Array, chunks: readonly Chunk[], finite: Int32Array): number {
  let at = 0;
  chunks.forEach((c, k) => {
    if (at !== c.start) values.copyWithin(at, c.start, c.start + finite[k]);
    at += finite[k];
  });
  return at;
}

/**
 * Running estimates at 1, 2, 4, 8, … chunks and at the end: how the mean and the p95 settle
 * as samples accumulate (the convergence chart). Prefixes follow chunk order, so this too is
 * the same for any worker count.
 */
function convergenceSeries(values: Float64Array, chunks: readonly Chunk[], finite: Int32Array, moments: Moments[]): OutputDistribution['convergence'] {
  const series = { n: [] as number[], mean: [] as number[], meanCI95: [] as Interval[], p50: [] as number[], p95: [] as number[], p95CI95: [] as Interval[] };
  const ends: number[] = [];
  for (let c = 1; c < chunks.length; c *= 2) ends.push(c);
  ends.push(chunks.length);
  let prefix = emptyMoments();
  let counted = 0;
  let finiteSoFar = 0;
  for (const end of ends) {
    for (; counted < end; counted++) {
      prefix = mergeMoments(prefix, moments[counted]);
      finiteSoFar += finite[counted];
    }
    if (prefix.count === 0) continue;
    const q = quantiles(values, finiteSoFar, [0.5, 0.95]);
    const half = (Z95 * Math.sqrt(variance(prefix))) / Math.sqrt(prefix.count);
    series.n.push(chunks[end - 1].start + chunks[end - 1].size);
    series.mean.push(prefix.mean);
    series.meanCI95.push([prefix.mean - half, prefix.mean + half]);
    series.p50.push(q.values[0]);
    series.p95.push(q.values[1]);
    series.p95CI95.push(q.ci95[1]);
  }
  return series;
}

/** Equal-width bins (in log space for outputs spanning decades) over the central 99.8% of the samples. */
function histogram(values: Float64Array, n: number, lo: number, hi: number): OutputDistribution['histogram'] {
  const log = lo > 0 && hi / lo > 30;
  const a = log ? Math.log10(lo) : lo;
  const b = log ? Math.log10(hi) : hi;
  const width = b > a ? (b - a) / HISTOGRAM_BINS : 1;
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v < lo || v > hi) continue;
    const bin = Math.min(HISTOGRAM_BINS - 1, Math.floor(((log ? Math.log10(v) : v) - a) / width));
    counts[bin]++;
  }
  const edges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) => (log ? 10 ** (a + i * width) : a + i * width));
  return { scale: log ? 'log' : 'linear', edges, counts };
}
