/**
 * Reading percentiles and exceedance probabilities from a results folder: summary.json's
 * percentiles first (they are exact), else linear interpolation in distributions.json's
 * quantile grid.
 */
import type { OutputDistribution, OutputSummary } from '../results/types.ts';

/** The key summary.json uses for percentile `pc` (in percent): `p5`, `p2.5`. */
export function percentileKey(pc: number): string {
  return `p${pc}`;
}

/**
 * The `pc`-th percentile (pc in percent) of an output, or undefined when neither file has it.
 *
 * @example percentile(undefined, { quantiles: { p: [0.1, 0.9], x: [1, 9] } } as OutputDistribution, 50) // 5
 */
export function percentile(summary: OutputSummary | undefined, dist: OutputDistribution | undefined, pc: number): number | undefined {
  const fromSummary = summary?.percentiles[percentileKey(pc)];
  if (fromSummary !== undefined && Number.isFinite(fromSummary)) return fromSummary;
  if (!dist) return undefined;
  const { p, x } = dist.quantiles;
  const target = pc / 100;
  if (p.length === 0 || target < p[0] || target > p[p.length - 1]) return undefined;
  for (let i = 1; i < p.length; i++) {
    if (p[i] >= target) {
      const t = p[i] === p[i - 1] ? 0 : (target - p[i - 1]) / (p[i] - p[i - 1]);
      return x[i - 1] + t * (x[i] - x[i - 1]);
    }
  }
  return x[x.length - 1];
}

/**
 * P(output > value) by linear interpolation of the quantile grid's CDF; clamped to the
 * grid's end probabilities outside its range (so `1 - p[0]` is "at least", not exact).
 */
export function exceedance(dist: OutputDistribution, value: number): number {
  const { p, x } = dist.quantiles;
  if (x.length === 0) return Number.NaN;
  if (value <= x[0]) return 1 - p[0];
  if (value >= x[x.length - 1]) return 1 - p[p.length - 1];
  for (let i = 1; i < x.length; i++) {
    if (x[i] >= value) {
      const t = x[i] === x[i - 1] ? 1 : (value - x[i - 1]) / (x[i] - x[i - 1]);
      return 1 - (p[i - 1] + t * (p[i] - p[i - 1]));
    }
  }
  return 1 - p[p.length - 1];
}
