/**
 * Wilson score interval for a binomial proportion (Wilson 1927, JASA 22:209). Unlike the
 * normal (Wald) interval it stays inside [0, 1] and keeps its coverage when the claim almost
 * never or almost always holds, which is exactly where claims get interesting.
 *
 * @example
 * wilson95(0, 100); // [0, 0.037…]
 */
import { Z95 } from './normal-z.ts';
import type { Interval } from '../results/types.ts';

export function wilson95(successes: number, trials: number): Interval {
  if (trials === 0) return [NaN, NaN];
  const z2 = Z95 * Z95;
  const p = successes / trials;
  const denom = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denom;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denom;
  // At 0 or n successes the bound is exactly 0 or 1 algebraically; avoid a rounding residue.
  return [successes === 0 ? 0 : Math.max(0, centre - half), successes === trials ? 1 : Math.min(1, centre + half)];
}
