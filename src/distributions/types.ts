/**
 * The contract every distribution meets. A distribution is built once, by a small
 * factory that validates its parameters and precomputes constants, so that the draw
 * loop never branches on validation (the d3-random habit).
 */

/** A source of uniform random numbers on [0, 1): the engine's per-chunk stream (`src/engine/plan.ts`), a seedrandom stream, or `Math.random` in a pinch. */
export type RandomSource = () => number;

export interface Distribution {
  /** Family name as written in a model: `'lognormal'`, `'pert'`, … */
  readonly kind: string;
  /**
   * The resolved, canonical parameters (e.g. a lognormal given as p5/p95 reports its mu and sigma too),
   * plus `min`/`max` when truncated. Plain numbers or number arrays: safe to write to JSON.
   */
  readonly params: Readonly<Record<string, number | readonly number[]>>;
  /** One-line human form, e.g. `lognormal(p5=1e6, p95=2e6)`, that the string parser reads back. */
  readonly label: string;
  /** True for `constant`: samplers skip it and designs give it no dimension. */
  readonly isConstant: boolean;
  /** False for `discrete`. */
  readonly continuous: boolean;
  /** Analytic mean and variance (of the truncated law where truncated). */
  readonly mean: number;
  readonly variance: number;
  /** Smallest and largest values in the support (may be ±Infinity). */
  readonly support: readonly [number, number];
  /** Cumulative distribution function P(X <= x). */
  cdf(x: number): number;
  /** Inverse CDF: the smallest x with cdf(x) >= u, for u in (0, 1). Used by LHS, Sobol and the sensitivity designs. */
  quantile(u: number): number;
  /**
   * Fill `out[start..end)` with independent draws, consuming `random` in a fixed order.
   * The hot path of plain Monte Carlo: one monomorphic loop per parameter and chunk.
   */
  fill(random: RandomSource, out: Float64Array, start: number, end: number): void;
}

/** A distribution written as data in a model file (the user-facing format). */
export interface DistributionSpec {
  readonly dist: string;
  readonly [field: string]: unknown;
}
