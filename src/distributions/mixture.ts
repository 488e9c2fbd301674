import { InputError } from '../errors.ts';
import { makeDistribution } from './distribution.ts';
import { formatNumber } from './format.ts';
import { invertCdf } from './special/invertCdf.ts';
import type { Distribution, RandomSource } from './types.ts';
import { requireFinite } from './validate.ts';

/**
 * Mixture: with probability pᵢ = wᵢ/Σw, a draw of component i. Components are any distributions
 * (constants included: a point mass makes the cdf jump there); weights are optional (equal by
 * default) and must be finite and > 0, one per component.
 *
 * This is Squiggle's `mx(a, b, [wa, wb])` (also `mixture(…)`): Squiggle takes the components as
 * arguments, or as one array, and an optional last array of weights whose length must match; numbers
 * become point masses. Its string form here is the same, `mx(1M to 2M, 3M, [0.9, 0.1])`; the object
 * form is `{ dist: 'mixture', components: ['1e6 to 2e6', 3e6], weights: [0.9, 0.1] }`.
 *
 * - cdf F(x) = Σ pᵢ Fᵢ(x);
 * - mean Σ pᵢ mᵢ and variance Σ pᵢ (vᵢ + (mᵢ − m)²) (law of total variance);
 * - quantile by inversion of F (`invertCdf`, exact to the last bit, atoms included), bracketed by
 *   the components' own quantiles: min Qᵢ(u) ≤ Q(u) ≤ max Qᵢ(u), since F ≥ u where every Fᵢ ≥ u
 *   and F < u where every Fᵢ < u. Latin hypercube, Sobol and the sensitivity designs use it;
 * - draws: per sample, one uniform picks the component (inverse of the cumulative weights) and the
 *   component then draws as it always does. Consumption is per sample, in order, so a chunk's
 *   draws depend on that chunk's stream only: bit-identical across worker counts.
 *
 * `params` holds `weights` (as given, or all 1) and the normalised `probabilities`; the components
 * live in the `label` (`mx(lognormal(p5=1e6, p95=2e6), 3e6, [0.9, 0.1])`), which reads back as the
 * same distribution.
 *
 * @example
 * const d = mixture([normal(0, 1), constant(5)], [3, 1]);
 * d.mean;          // 1.25
 * d.quantile(0.9); // 5 (inside the jump of 0.25 at 5)
 */
export function mixture(components: readonly Distribution[], weights?: readonly number[]): Distribution {
  if (!Array.isArray(components) || components.length === 0) {
    throw new InputError('components', components, 'a mixture needs at least one component distribution');
  }
  const n = components.length;
  let w: number[];
  if (weights === undefined) {
    w = new Array<number>(n).fill(1);
  } else {
    if (!Array.isArray(weights)) throw new InputError('weights', weights, `weights must be an array of ${n} finite numbers > 0, one per component`);
    if (weights.length !== n) {
      throw new InputError('weights', weights, `weights must have one entry per component (${n} component${n === 1 ? '' : 's'}, ${weights.length} weight${weights.length === 1 ? '' : 's'})`);
    }
    w = weights.map((x, i) => {
      const v = requireFinite(`weights[${i}]`, x, `weights[${i}] must be a finite number > 0`);
      if (!(v > 0)) throw new InputError(`weights[${i}]`, x, `weights[${i}] must be a finite number > 0`);
      return v;
    });
  }
  const total = w.reduce((s, x) => s + x, 0);
  if (!Number.isFinite(total)) throw new InputError('weights', weights, 'weights must sum to a finite number');
  const p = w.map((x) => x / total);

  const comps = [...components];
  const cumulative = new Float64Array(n);
  let running = 0;
  p.forEach((x, i) => {
    running += x;
    cumulative[i] = running;
  });
  cumulative[n - 1] = 1;

  let mean = 0;
  comps.forEach((c, i) => (mean += p[i] * c.mean));
  let variance = 0;
  comps.forEach((c, i) => (variance += p[i] * (c.variance + (c.mean - mean) * (c.mean - mean))));
  const atoms = [...new Set(comps.filter((c) => c.isConstant).map((c) => c.mean))].sort((x, y) => x - y);
  const lo = Math.min(...comps.map((c) => c.support[0]));
  const hi = Math.max(...comps.map((c) => c.support[1]));

  const cdf = (x: number): number => {
    if (Number.isNaN(x)) return NaN;
    if (x >= hi) return 1;
    if (x < lo) return 0;
    let s = 0;
    for (let i = 0; i < n; i++) s += p[i] * comps[i].cdf(x);
    return Math.min(1, Math.max(0, s));
  };

  const quantile = (u: number): number => {
    if (!(u >= 0 && u <= 1)) return NaN;
    if (u === 0) return lo;
    if (u === 1) return hi;
    if (n === 1) return comps[0].quantile(u);
    let a = Infinity;
    let b = -Infinity;
    for (const c of comps) {
      const q = c.quantile(u);
      if (q < a) a = q;
      if (q > b) b = q;
    }
    a = Math.max(a, -Number.MAX_VALUE, lo);
    b = Math.min(b, Number.MAX_VALUE, hi);
    // The bracket holds in exact arithmetic; widen it should rounding in a component's quantile break it.
    if (cdf(a) >= u) {
      if (a <= lo) return lo; // nothing lies below the support's start
      let step = Math.max(b - a, Math.abs(a) * 2 ** -40, Number.MIN_VALUE);
      let below = a;
      for (;;) {
        below = Math.max(a - step, lo, -Number.MAX_VALUE);
        if (cdf(below) < u) break;
        if (below <= lo || below === -Number.MAX_VALUE) return below;
        step *= 2;
      }
      b = a;
      a = below;
    }
    if (cdf(b) < u) {
      let step = Math.max(b - a, Math.abs(b) * 2 ** -40, Number.MIN_VALUE);
      for (;;) {
        const above = Math.min(b + step, hi, Number.MAX_VALUE);
        if (cdf(above) >= u || above >= hi || above === Number.MAX_VALUE) {
          a = b;
          b = above;
          break;
        }
        b = above;
        step *= 2;
      }
    }
    // An atom (a constant component) inside the bracket splits it; when u falls in its jump, it is the answer.
    for (const c of atoms) {
      if (!(c > a && c <= b)) continue;
      if (cdf(c) >= u) {
        if (cdf(nextDown(c)) < u) return c;
        b = c;
      } else {
        a = c;
      }
    }
    return invertCdf(cdf, u, a, b);
  };

  const fill = (random: RandomSource, out: Float64Array, start: number, end: number): void => {
    for (let i = start; i < end; i++) {
      const t = random();
      let j = 0;
      while (t >= cumulative[j] && j < n - 1) j++;
      comps[j].fill(random, out, i, i + 1);
    }
  };

  const parts = comps.map((c) => c.label);
  if (weights !== undefined) parts.push(`[${w.map(formatNumber).join(', ')}]`);
  return makeDistribution({
    kind: 'mixture',
    params: { weights: w, probabilities: p },
    label: `mx(${parts.join(', ')})`,
    continuous: comps.every((c) => c.continuous && !c.isConstant),
    mean,
    variance,
    support: [lo, hi],
    cdf,
    quantile,
    fill,
  });
}

const BITS = new Float64Array(1);
const WORDS = new BigInt64Array(BITS.buffer);

/** The largest double below x (x finite). */
function nextDown(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  BITS[0] = x;
  WORDS[0] += x > 0 ? -1n : 1n;
  return BITS[0];
}
