/**
 * A chart's value axis fitted to its data: from about p0.1 to p99.9 of the samples (read off
 * distributions.json's quantile grid), widened to hold every threshold and reference the model
 * declared, so nothing drawn falls outside and no plot is half empty because of a few extreme
 * samples. Also the pixel position of a value, for placing labels before vega draws them.
 */
import type { OutputDistribution } from '../results/types.ts';
import { percentile } from './quantile.ts';
import { wantsLogScale } from './theme.ts';

/** The data's share left out at each end: p0.1 and p99.9. */
export const TAIL_PERCENT = 0.1;

export interface ValueAxis {
  readonly log: boolean;
  readonly domain: readonly [number, number];
  /** Pixels from the plot's left edge of `v`, for a plot `width` wide. */
  px(v: number, width: number): number;
}

/**
 * The axis for an output: p0.1–p99.9 (the grid's ends when it stops short of them) plus `extras`
 * (declared thresholds and references), padded by 2% of the span on each side; logarithmic when
 * `log` is asked for, or when undefined and the span exceeds 10^1.5 with all values positive.
 */
export function valueAxis(dist: OutputDistribution, extras: readonly number[], log?: boolean): ValueAxis {
  const x = dist.quantiles.x.filter(Number.isFinite);
  const lo0 = percentile(undefined, dist, TAIL_PERCENT) ?? x[0] ?? 0;
  const hi0 = percentile(undefined, dist, 100 - TAIL_PERCENT) ?? x[x.length - 1] ?? 1;
  const finite = extras.filter(Number.isFinite);
  let lo = Math.min(lo0, ...finite);
  let hi = Math.max(hi0, ...finite);
  const isLog = log ?? wantsLogScale(lo, hi);
  if (isLog && lo > 0) {
    const pad = (hi / lo) ** 0.02;
    lo /= pad;
    hi *= pad;
  } else {
    const span = hi - lo;
    // Overflowing spans (±1.7e308) are left unpadded: charts divide those (spanDivisor).
    const pad = Number.isFinite(span) && span > 0 ? span * 0.02 : Math.abs(lo) * 0.02 || 1;
    if (Number.isFinite(lo - pad)) lo -= pad;
    if (Number.isFinite(hi + pad)) hi += pad;
  }
  const domain = [lo, hi] as const;
  return {
    log: isLog,
    domain,
    px: (v, width) => (isLog ? (Math.log(v / lo) / Math.log(hi / lo)) * width : ((v - lo) / (hi - lo)) * width),
  };
}
