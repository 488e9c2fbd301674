/**
 * Latin hypercube sampling (McKay, Beckman & Conover 1979): each of the n equal-probability
 * strata of every input gets exactly one draw, u = (π(i) + U) / n with π a random permutation,
 * mapped through the input's inverse CDF. Stratification holds within each chunk, so a run
 * stays bit-identical for any worker count.
 */
import type { Distribution, RandomSource } from '../distributions/types.ts';

/** Fills `out[0..n)` with a Latin hypercube column for `dist`, using `perm` as scratch. */
export function fillLatinHypercube(dist: Distribution, random: RandomSource, out: Float64Array, perm: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) perm[i] = i;
  // Fisher–Yates shuffle (Durstenfeld 1964).
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  for (let i = 0; i < n; i++) {
    const u = (perm[i] + random()) / n;
    out[i] = dist.quantile(u > 0 ? u : Number.MIN_VALUE);
  }
}
