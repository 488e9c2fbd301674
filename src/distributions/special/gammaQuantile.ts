import { gammaP, gammaQ, logGammaPrefactor } from './gammaIncomplete.ts';
import { invertProblem, type IncreasingProblem } from './invertIncreasing.ts';
import { logGamma } from './logGamma.ts';
import { normalQuantile } from './normalQuantile.ts';

/**
 * Quantile of the standard gamma law with shape a: the x ≥ 0 with P(a, x) = p (scale 1; multiply by
 * the scale for other laws).
 *
 * Method: a start from the Wilson–Hilferty cube-root normal approximation (E. B. Wilson &
 * M. M. Hilferty 1931, *PNAS* 17:684; as in Press et al., *Numerical Recipes*, 3rd ed., §6.2.1) or, in
 * the lower tail and for a < 1, from P(a, x) ≈ xᵃ/Γ(a + 1); then safeguarded Newton iteration
 * (`invertIncreasing`) on P(a, x) − p when p ≤ ½ and on q − Q(a, x) otherwise, so both tails are
 * solved to ~1e-15 relative accuracy. Use `gammaQuantileUpper(q, a)` when the upper-tail
 * probability q = 1 − p is known more precisely than p.
 *
 * @example
 * gammaQuantile(0.5, 1); // 0.6931471805599453 (= ln 2: shape 1 is the exponential law)
 */
export function gammaQuantile(p: number, a: number): number {
  return solveGamma(p, 1 - p, a, p <= 0.5);
}

/** The x with Q(a, x) = q, i.e. the (1 − q) quantile, accurate for tiny q. See `gammaQuantile`. */
export function gammaQuantileUpper(q: number, a: number): number {
  return solveGamma(1 - q, q, a, q >= 0.5);
}

function solveGamma(p: number, q: number, a: number, lowerTail: boolean): number {
  if (!(p >= 0 && p <= 1 && q >= 0 && q <= 1 && a > 0)) return NaN;
  if (lowerTail ? p === 0 : q === 1) return 0;
  if (lowerTail ? p === 1 : q === 0) return Infinity;
  const start = startingPoint(p, q, a, lowerTail);
  if (start === 0) return 0;
  PROBLEM.set(p, q, a, lowerTail);
  return invertProblem(PROBLEM, start, 0, Infinity);
}

/** P(a, x) − p (lower tail) or q − Q(a, x) (upper tail), and the density; one reusable instance. */
class GammaEquation implements IncreasingProblem {
  private p = 0;
  private q = 1;
  private a = 1;
  private lowerTail = true;

  set(p: number, q: number, a: number, lowerTail: boolean): void {
    this.p = p;
    this.q = q;
    this.a = a;
    this.lowerTail = lowerTail;
  }

  residual(x: number): number {
    return this.lowerTail ? gammaP(this.a, x) - this.p : this.q - gammaQ(this.a, x);
  }

  density(x: number): number {
    return Math.exp(logGammaPrefactor(this.a, x)) / x;
  }
}

const PROBLEM = new GammaEquation();

function startingPoint(p: number, q: number, a: number, lowerTail: boolean): number {
  const logP = lowerTail ? Math.log(p) : Math.log1p(-q);
  const powerLaw = Math.exp((logP + logGamma(a + 1)) / a); // P(a, x) ≈ xᵃ/Γ(a+1) for small x
  if (lowerTail && powerLaw === 0) return 0; // the quantile is below the smallest double
  if (a < 1 && powerLaw < 1) return powerLaw;
  const z = lowerTail ? normalQuantile(p) : -normalQuantile(q);
  const t = 1 - 1 / (9 * a) + z / (3 * Math.sqrt(a));
  if (t > 0) {
    const wh = a * t * t * t;
    if (wh > 0 && Number.isFinite(wh)) return wh;
  }
  return powerLaw > 0 ? powerLaw : Number.MIN_VALUE;
}
