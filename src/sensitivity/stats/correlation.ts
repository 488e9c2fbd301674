/**
 * Pearson correlation of two equally long series, and the Fisher-z confidence interval used for
 * Spearman's rho and the partial rank correlation coefficients.
 */
import { normalQuantile } from '../../distributions/special/normalQuantile.ts';

export type Interval = [lo: number, hi: number];

/**
 * Pearson product-moment correlation, two-pass (means first) for accuracy. NaN when either series
 * is constant.
 *
 * @example pearson([1, 2, 3], [2, 4, 7]) // ≈ 0.9934
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Confidence interval for a correlation coefficient by Fisher's z transformation
 * (R. A. Fisher, "On the probable error of a coefficient of correlation deduced from a small sample",
 * Metron 1, 1921): atanh(r) is close to normal with standard error `se`, so the interval is
 * tanh(atanh(r) ± z_{(1+level)/2} · se). Callers choose `se`:
 * - Spearman's rho: √(1.06 / (n − 3)) (Fieller, Hartley & Pearson, "Tests for rank correlation
 *   coefficients. I", Biometrika 44, 1957; Bonett & Wright, Psychometrika 65, 2000);
 * - a partial correlation given q other variables: 1 / √(n − 3 − q) (Fisher 1924; the t test of the same
 *   coefficient has n − 2 − q degrees of freedom, as in Marino et al., J. Theor. Biol. 254, 2008, for PRCC).
 * Returns [NaN, NaN] when r is NaN or se is not finite and positive.
 *
 * @example fisherInterval(0.5, 1 / Math.sqrt(97)) // ≈ [0.3366, 0.6341]
 */
export function fisherInterval(r: number, se: number, level = 0.95): Interval {
  if (Number.isNaN(r) || !(se > 0) || !Number.isFinite(se)) return [NaN, NaN];
  if (Math.abs(r) >= 1) return [r, r];
  const z = Math.atanh(r);
  const half = normalQuantile((1 + level) / 2) * se;
  return [Math.tanh(z - half), Math.tanh(z + half)];
}
