/**
 * Signs that a sensitivity sample is too small to read, for the result's warnings.
 *
 * Sobol' indices are shares of variance: S1 and ST lie in [0, 1]. An estimate outside that range
 * is sampling noise; it is harmless when its 95% interval reaches back into [0, 1] (S1 = −0.003
 * for an input without effect), but not when the interval lies wholly outside, is missing (too
 * few rows to resample), or is wider than the range itself: then N is too small for the indices
 * to mean anything (S1 = 2.26 at N = 2).
 *
 * Morris measures have no such range (elementary effects are in the output's units), but mu*, mu
 * and sigma from a handful of trajectories rank inputs no better than chance; Campolongo et al.
 * (2007) use 10 to 50 trajectories.
 *
 * @example
 * sobolOutOfRange('S1', ['x1'], Float64Array.of(2.26), [[NaN, NaN]]); // ['S1 of x1 = 2.26 (no interval)']
 */
import { formatNumber } from '../../results/format-number.ts';
import type { Interval } from '../types.ts';

/** Fewer trajectories than this get a warning. */
export const MORRIS_MIN_TRAJECTORIES = 10;

/** `S1 of x1 = 2.26 (95% CI 2.12 to 8.85)` for every index outside [0, 1] that its interval does not excuse. */
export function sobolOutOfRange(index: 'S1' | 'ST', names: readonly string[], values: ArrayLike<number>, ci: readonly Interval[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || (v >= 0 && v <= 1)) continue;
    const [lo, hi] = ci[i] ?? [NaN, NaN];
    const known = Number.isFinite(lo) && Number.isFinite(hi);
    const excused = known && lo <= 1 && hi >= 0 && hi - lo <= 1;
    if (!excused) found.push(`${index} of ${names[i]} = ${round(v)} (${known ? `95% CI ${round(lo)} to ${round(hi)}` : 'no interval'})`);
  }
  return found;
}

/** The warning for Sobol' indices out of range, or undefined when there are none. */
export function sobolRangeWarning(n: number, found: readonly string[]): string | undefined {
  if (found.length === 0) return undefined;
  return `sobol: indices outside their possible range [0, 1]: ${found.join('; ')}; N = ${n} base samples is too small for Sobol' indices to mean anything, raise --samples (1024 or more)`;
}

/** The warning for a Morris run on too few trajectories, or undefined. */
export function morrisSizeWarning(trajectories: number): string | undefined {
  if (trajectories >= MORRIS_MIN_TRAJECTORIES) return undefined;
  return `morris: only ${trajectories} trajectories: mu*, mu and sigma rest on ${trajectories} elementary effects per input, too few to rank inputs; raise --trajectories to ${MORRIS_MIN_TRAJECTORIES} or more (50 is usual; with --method morris, -n counts them too)`;
}

/** Three figures: enough to see how far outside [0, 1] an index fell. */
function round(x: number): string {
  return formatNumber(x, 3);
}
