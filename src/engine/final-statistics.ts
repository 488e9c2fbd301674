/**
 * The statistics of a finished run, from the aggregator's state (`aggregate.ts`), in stages:
 * 1. close the convergence series with a point at the end;
 * 2. exact mode: select, per output, the order statistics behind the asked percentiles, the
 *    quantile grid of distributions.json and every earlier convergence point (`select`, on the
 *    idle workers in parallel, or by refinement passes when the values stay on other machines:
 *    `remote-select.ts`); ddsketch mode: read them off the merged sketch;
 * 3. histograms over p0.1–p99.9 (exact mode: counted over every kept value, a second round of
 *    `select`; ddsketch mode: from the sketch's buckets);
 * 4. per-output summaries and distributions, claims, and the warnings a reader needs.
 */
import type { ResolvedModel } from '../model/types.ts';
import type { ClaimSummary, Interval, OutputDistribution, OutputSummary } from '../results/types.ts';
import { standardDeviation, type Moments } from '../stats/moments.ts';
import { Z95 } from '../stats/normal-z.ts';
import { wilson95 } from '../stats/proportion.ts';
import { quantileRanks, quantilesFromOrderStatistics, type QuantileResult } from '../stats/quantiles.ts';
import type { QuantileSketch } from '../stats/sketch/ddsketch.ts';
import { binLocator, linearEdges } from '../stats/histogram.ts';
import type { SelectRequest, Selector } from './select.ts';
import { unrepresentableWarning } from './unrepresentable.ts';

/**
 * The quantile grid of distributions.json: 0.1%, 0.5%, 1%, 2.5%, 5%, 10%, 15%, …, 95%, 97.5%,
 * 99%, 99.5%, 99.9% — dense in the tails, where exceedance charts look, and cheap to select.
 */
export const QUANTILE_GRID: readonly number[] = [
  0.001, 0.005, 0.01, 0.025, ...Array.from({ length: 19 }, (_, i) => (i + 1) / 20), 0.975, 0.99, 0.995, 0.999,
];
const HISTOGRAM_BINS = 60;
/** The percentiles of the convergence series: p50 and p95. */
export const CONVERGENCE_PS: readonly number[] = [0.5, 0.95];

export interface Aggregate {
  readonly outputs: Record<string, OutputSummary>;
  readonly claims: Record<string, ClaimSummary>;
  readonly distributions: Record<string, OutputDistribution>;
  /** Sentences for `summary.warnings`, in output order. */
  readonly warnings: string[];
}

/** A point of the convergence series: the moments then, and the p50/p95 (read from a sketch then, or selected at the end). */
export interface Checkpoint {
  readonly n: number;
  readonly finite: number;
  readonly moments: Moments;
  readonly q?: QuantileResult;
}

/** What the aggregator keeps of one output. */
export interface OutputState {
  moments: Moments;
  nonFinite: number;
  /** exact: finite values in chunk order, values[0..length) valid, in shared memory so workers can select. */
  values: Float64Array;
  length: number;
  /** ddsketch: the merged sketch. */
  sketch: QuantileSketch | null;
  checkpoints: Checkpoint[];
}

/** The aggregator's state once every chunk is consumed (in chunk order). */
export interface RunState {
  readonly outputs: readonly OutputState[];
  /** Per claim, the samples where it held. */
  readonly holds: readonly number[];
  /** Samples consumed. */
  readonly consumed: number;
}

/** Quantiles and their intervals read off a sketch (NaN when it is empty). */
export function sketchQuantiles(sketch: QuantileSketch, ps: readonly number[]): QuantileResult {
  const empty = sketch.count === 0;
  return { values: ps.map((p) => (empty ? NaN : sketch.quantile(p))), ci95: ps.map((p): Interval => (empty ? [NaN, NaN] : sketch.quantileCI95(p))) };
}

/** The summaries, distributions, claims and warnings of a finished run; exact-mode selections go through `select`. */
export async function finalStatistics(model: ResolvedModel, state: RunState, percentiles: readonly number[], select: Selector): Promise<Aggregate> {
  const { outputs, holds, consumed } = state;
  const last = outputs.map((o) => o.checkpoints.at(-1));
  for (const [j, o] of outputs.entries()) {
    if (o.moments.count > 0 && last[j]?.n !== consumed) o.checkpoints.push({ n: consumed, finite: o.length, moments: o.moments });
  }
  // Everything the summary, the charts and the convergence series need, in one selection per
  // output: the full sample's ranks, and each earlier convergence point's as a prefix of it.
  const asks = [...percentiles.map((p) => p / 100), ...QUANTILE_GRID];
  const requests: SelectRequest[] = [];
  const where: Array<{ j: number; checkpoints: number[] }> = [];
  outputs.forEach((o, j) => {
    if (o.sketch || o.length === 0) return;
    const checkpoints = o.checkpoints.flatMap((c, k) => (c.q || c.finite === o.length ? [] : [k]));
    const prefixes = checkpoints.map((k) => ({ n: o.checkpoints[k].finite, ranks: quantileRanks(o.checkpoints[k].finite, CONVERGENCE_PS) }));
    // Where the histogram's edges will fall (stage 3) follows from p0.1 and p99.9: a selector that fetches values brings those cells now.
    const nextEdges = (x: Float64Array) => {
      const q = quantilesFromOrderStatistics(o.length, asks, x);
      return histogramBins(q.values[percentiles.length], q.values[asks.length - 1]);
    };
    requests.push({ values: o.values, n: o.length, ranks: quantileRanks(o.length, asks), ...(prefixes.length > 0 ? { prefixes } : {}), output: j, nextEdges });
    where.push({ j, checkpoints });
  });
  const selected = await select(requests);
  const full: Array<QuantileResult | undefined> = outputs.map((o) => (o.sketch ? sketchQuantiles(o.sketch, asks) : undefined));
  where.forEach(({ j, checkpoints }, i) => {
    const o = outputs[j];
    full[j] = quantilesFromOrderStatistics(o.length, asks, selected[i].x);
    checkpoints.forEach((k, m) => {
      const c = o.checkpoints[k];
      o.checkpoints[k] = { ...c, q: quantilesFromOrderStatistics(c.finite, CONVERGENCE_PS, selected[i].prefixX![m]) };
    });
  });

  // Histograms over p0.1–p99.9 need those percentiles first: a second round, again one request per output.
  const bins = full.map((q) => (q ? histogramBins(q.values[percentiles.length], q.values[asks.length - 1]) : undefined));
  const exactOutputs = outputs.map((o, j) => j).filter((j) => !outputs[j].sketch && outputs[j].length > 0 && bins[j]);
  const counted = await select(exactOutputs.map((j) => ({ values: outputs[j].values, n: outputs[j].length, ranks: [], edges: bins[j]!.edges, scale: bins[j]!.scale, output: j })));
  const histograms: Array<OutputDistribution['histogram'] | undefined> = outputs.map((o, j) =>
    o.sketch && bins[j] ? { scale: bins[j]!.scale, edges: bins[j]!.edges, counts: sketchCounts(o.sketch, bins[j]!) } : undefined,
  );
  exactOutputs.forEach((j, i) => (histograms[j] = { scale: bins[j]!.scale, edges: bins[j]!.edges, counts: counted[i].counts ?? [] }));

  const summaries: Record<string, OutputSummary> = {};
  const distributions: Record<string, OutputDistribution> = {};
  model.outputs.forEach((output, j) => {
    const o = outputs[j];
    const m = o.moments;
    const n = m.count;
    const all = full[j] ?? quantilesFromOrderStatistics(0, asks, new Float64Array(0));
    const at = (from: number, to: number): QuantileResult => ({ values: all.values.slice(from, to), ci95: all.ci95.slice(from, to) });
    const asked = at(0, percentiles.length);
    const grid = at(percentiles.length, asks.length);
    const sd = standardDeviation(m);
    const half = meanHalfWidth(sd, n);
    summaries[output.name] = {
      unit: output.unit ?? '',
      ...(output.label !== undefined ? { label: output.label } : {}),
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
    distributions[output.name] = {
      unit: output.unit ?? '',
      quantiles: { p: QUANTILE_GRID, x: grid.values },
      histogram: histograms[j] ?? { scale: 'linear', edges: [], counts: [] },
      convergence: convergenceSeries(o.checkpoints.map((c) => (c.q ? c : { ...c, q: pick(all, asks, CONVERGENCE_PS) }))),
    };
  });
  const warnings: string[] = [...model.warnings];
  model.outputs.forEach((output, j) => {
    const w = nonFiniteWarning(output.name, outputs[j].nonFinite, consumed);
    if (w) warnings.push(w);
  });
  for (const output of model.outputs) {
    const w = unrepresentableWarning(output.name, summaries[output.name], distributions[output.name]);
    if (w) warnings.push(w);
  }
  const claims: Record<string, ClaimSummary> = {};
  model.claims.forEach((claim, j) => {
    claims[claim.name] = {
      probability: holds[j] / consumed,
      ci95: wilson95(holds[j], consumed),
      holds: holds[j],
      count: consumed,
      ...(claim.description ? { description: claim.description } : {}),
      ...(claim.threshold ? { output: claim.threshold.output, op: claim.threshold.op, value: claim.threshold.value } : {}),
    };
  });
  return { outputs: summaries, claims, distributions, warnings };
}

/** The entries of `q` (computed at probabilities `from`) for the probabilities `ps`, each of which is in `from`. */
function pick(q: QuantileResult, from: readonly number[], ps: readonly number[]): QuantileResult {
  const at = ps.map((p) => from.indexOf(p));
  return { values: at.map((i) => q.values[i]), ci95: at.map((i) => q.ci95[i]) };
}

function convergenceSeries(checkpoints: readonly Checkpoint[]): OutputDistribution['convergence'] {
  const series = { n: [] as number[], mean: [] as number[], meanCI95: [] as Interval[], p50: [] as number[], p95: [] as number[], p95CI95: [] as Interval[], p50CI95: [] as Interval[] };
  for (const c of checkpoints) {
    const m = c.moments;
    const half = meanHalfWidth(standardDeviation(m), m.count);
    const q = c.q!;
    series.n.push(c.n);
    series.mean.push(m.mean);
    series.meanCI95.push([m.mean - half, m.mean + half]);
    series.p50.push(q.values[0]);
    series.p95.push(q.values[1]);
    series.p95CI95.push(q.ci95[1]);
    series.p50CI95.push(q.ci95[0]);
  }
  return series;
}

/** Half-width of the mean's 95% interval, z·sd/√n; divided first when z·sd alone would overflow (sd near 1.8e308). */
function meanHalfWidth(sd: number, n: number): number {
  const half = (Z95 * sd) / Math.sqrt(n);
  return Number.isFinite(half) || !Number.isFinite(sd) ? half : Z95 * (sd / Math.sqrt(n));
}

/**
 * More than 1% of an output's samples NaN or ±Infinity: its statistics describe the rest only,
 * which is worth saying. (None finite at all stops the run: `workers/chunk.ts`.)
 */
export function nonFiniteWarning(name: string, nonFinite: number, samples: number): string | undefined {
  if (!(nonFinite > 0.01 * samples)) return undefined;
  const share = (100 * nonFinite) / samples;
  const shown = share >= 99.95 && nonFinite < samples ? '>99.9' : share.toFixed(share < 10 ? 2 : 1);
  return `output ${name}: ${shown}% of the samples (${nonFinite.toLocaleString('en-US')} of ${samples.toLocaleString('en-US')}) are NaN or ±Infinity and left out of its statistics, which describe the ${(samples - nonFinite).toLocaleString('en-US')} finite values only`;
}

/** `p` plus the percentile as written: 5 → `p5`, 2.5 → `p2.5`. */
export function percentileKey(p: number): string {
  return `p${p}`;
}

/**
 * Equal-width bins (in log space for outputs spanning decades) over the central 99.8% of the
 * samples, from lo = p0.1 to hi = p99.9.
 */
function histogramBins(lo: number, hi: number): { scale: 'linear' | 'log'; edges: number[] } | undefined {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return undefined; // no finite sample
  const log = lo > 0 && hi / lo > 30;
  if (!log) return { scale: 'linear', edges: linearEdges(lo, hi, HISTOGRAM_BINS) };
  // 10^log10(hi) may round past the largest double when hi is near it: that edge is hi.
  const edges = linearEdges(Math.log10(lo), Math.log10(hi), HISTOGRAM_BINS).map((e) => {
    const x = 10 ** e;
    return Number.isFinite(x) ? x : hi;
  });
  return { scale: 'log', edges };
}

/** The same bins filled from a sketch's buckets (each bucket's count goes to the bin of its representative value). */
function sketchCounts(sketch: QuantileSketch, bins: { scale: 'linear' | 'log'; edges: number[] }): number[] {
  const counts = new Array<number>(bins.edges.length - 1).fill(0);
  const binOf = binLocator(bins.edges, bins.scale);
  sketch.forEachBucket((v, c) => {
    const k = binOf(v);
    if (k >= 0) counts[k] += c;
  });
  return counts;
}
