import { InputError } from '../errors.ts';
import { makeDistribution } from './distribution.ts';
import { formatCall, formatNumber, type LabelValue } from './format.ts';
import type { Distribution, RandomSource } from './types.ts';
import { requireFinite } from './validate.ts';

/**
 * What a continuous family exposes so that it can be truncated: both tails of its CDF and of its
 * inverse (so a truncation deep in the upper tail keeps relative accuracy), a single-draw sampler
 * for rejection, and its moments restricted to an interval.
 */
export interface TruncatableLaw {
  readonly kind: string;
  /** The factory arguments as written, for the label. */
  readonly labelEntries: ReadonlyArray<readonly [string, LabelValue]>;
  readonly params: Readonly<Record<string, number | readonly number[]>>;
  readonly support: readonly [number, number];
  cdf(x: number): number;
  /** P(X > x). */
  sf(x: number): number;
  quantile(p: number): number;
  /** The x with P(X > x) = q. */
  quantileUpper(q: number): number;
  /** One draw. */
  draw(random: RandomSource): number;
  /** Mean and variance of X conditioned on lo ≤ X ≤ hi, given P(lo ≤ X ≤ hi) = mass. */
  truncatedMoments(lo: number, hi: number, mass: number): readonly [number, number];
}

const LAWS = new WeakMap<Distribution, TruncatableLaw>();

/** Records that `dist` (built by a family factory) can be truncated through `law`. */
export function registerTruncatable(dist: Distribution, law: TruncatableLaw): Distribution {
  LAWS.set(dist, law);
  return dist;
}

/** Families whose `min`/`max` are truncation bounds (for the others they are parameters). */
export const TRUNCATABLE_KINDS: readonly string[] = ['normal', 'lognormal', 'gamma'];

/**
 * Below this probability mass, truncated draws use the inverse CDF; above it, rejection from the
 * untruncated sampler (at most 4 draws on average, and much faster than a numerical inverse).
 */
const REJECTION_MIN_MASS = 0.25;

/**
 * Truncation of a continuous distribution to [min, max]: the law of X conditioned on min ≤ X ≤ max,
 * with F_T(x) = (F(x) − F(min))/(F(max) − F(min)) and quantile Q_T(u) = Q(F(min) + u·(F(max) − F(min))).
 * When the interval lies in the upper half of the law, the same formulas are applied to the survival
 * function S = 1 − F and its inverse, so a truncation such as `normal(0, 1, min=6)` keeps full
 * relative accuracy. Mean and variance use each family's closed form for moments over an interval
 * (the normal's in Johnson, Kotz & Balakrishnan, *Continuous Univariate Distributions* vol. 1,
 * 2nd ed., 1994, ch. 13; the lognormal's and gamma's by shifting a parameter). Draws use rejection
 * from the parent sampler when the retained mass is at least ¼, else the inverse CDF.
 *
 * `min` and/or `max` may be omitted (undefined). Throws an InputError when the distribution is not
 * truncatable, a bound is not finite, min ≥ max, or the interval holds no probability mass.
 *
 * @example
 * const halfNormal = truncate(normal(0, 1), 0);
 * halfNormal.mean; // 0.7978845608028654 (= √(2/π))
 */
export function truncate(dist: Distribution, min?: number, max?: number): Distribution {
  const law = LAWS.get(dist);
  if (law === undefined) {
    const already = TRUNCATABLE_KINDS.includes(dist.kind);
    throw new InputError(
      min !== undefined ? 'min' : 'max',
      min ?? max,
      already
        ? `${dist.label} is already truncated; give min and max in one truncation`
        : `truncation applies to ${TRUNCATABLE_KINDS.join(', ')}; for uniform, triangular, pert and beta, min and max are the support`,
    );
  }
  if (min !== undefined) requireFinite('min', min);
  if (max !== undefined) requireFinite('max', max);
  if (min !== undefined && max !== undefined && !(min < max)) {
    throw new InputError('min', min, `min must be less than max (got max = ${max})`);
  }
  const lo = Math.max(min ?? -Infinity, law.support[0]);
  const hi = Math.min(max ?? Infinity, law.support[1]);
  const Fl = law.cdf(lo);
  const upperMode = Fl > 0.5;
  const Sl = law.sf(lo);
  const Fh = law.cdf(hi);
  const Sh = law.sf(hi);
  const mass = upperMode ? Sl - Sh : Fh - Fl;
  const labelEntries: Array<readonly [string, LabelValue]> = [...law.labelEntries];
  const params: Record<string, number | readonly number[]> = { ...law.params };
  if (min !== undefined) {
    labelEntries.push(['min', min]);
    params.min = min;
  }
  if (max !== undefined) {
    labelEntries.push(['max', max]);
    params.max = max;
  }
  const label = formatCall(law.kind, labelEntries);
  if (!(lo < hi) || !(mass > 0)) {
    const field = min !== undefined ? 'min' : 'max';
    const show = (x: number): string => (x === Infinity ? '∞' : x === -Infinity ? '-∞' : formatNumber(x));
    throw new InputError(field, min ?? max, `truncating ${dist.label} to [${show(lo)}, ${show(hi)}] leaves no probability mass`);
  }
  const [mean, variance] = law.truncatedMoments(lo, hi, mass);

  const cdf = upperMode
    ? (x: number): number => (x <= lo ? 0 : x >= hi ? 1 : Math.min(1, Math.max(0, (Sl - law.sf(x)) / mass)))
    : (x: number): number => (x <= lo ? 0 : x >= hi ? 1 : Math.min(1, Math.max(0, (law.cdf(x) - Fl) / mass)));
  const inverse = upperMode
    ? (u: number): number => clamp(law.quantileUpper(Sl - u * mass), lo, hi)
    : (u: number): number => clamp(law.quantile(Fl + u * mass), lo, hi);
  const quantile = (u: number): number => (u > 0 && u < 1 ? inverse(u) : u === 0 ? lo : u === 1 ? hi : NaN);

  let fill: (random: RandomSource, out: Float64Array, start: number, end: number) => void;
  if (mass >= REJECTION_MIN_MASS) {
    const draw = law.draw;
    fill = (random, out, start, end) => {
      for (let i = start; i < end; i++) {
        let x = draw(random);
        while (!(x >= lo && x <= hi)) x = draw(random);
        out[i] = x;
      }
    };
  } else if (upperMode) {
    // u = random() ∈ [0, 1): u = 0 maps to lo (finite here), never to an infinite upper bound.
    fill = (random, out, start, end) => {
      for (let i = start; i < end; i++) out[i] = inverse(random());
    };
  } else {
    // u = 1 − random() ∈ (0, 1]: never 0, so an infinite lower bound is never returned.
    fill = (random, out, start, end) => {
      for (let i = start; i < end; i++) out[i] = inverse(1 - random());
    };
  }
  return makeDistribution({ kind: law.kind, params, label, mean, variance, support: [lo, hi], cdf, quantile, fill });
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** P(lo ≤ X ≤ hi) computed in whichever tail keeps relative accuracy. */
export function massBetween(cdf: (x: number) => number, sf: (x: number) => number, lo: number, hi: number): number {
  const Fl = cdf(lo);
  return Fl > 0.5 ? sf(lo) - sf(hi) : cdf(hi) - Fl;
}
