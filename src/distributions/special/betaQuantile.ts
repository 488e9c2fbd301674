import { betaRegularized, logBeta, logBetaPrefactor } from './betaIncomplete.ts';
import { invertProblem, type IncreasingProblem } from './invertIncreasing.ts';
import { normalQuantile } from './normalQuantile.ts';

/**
 * Quantile of the Beta(a, b) law: the x in [0, 1] with I_x(a, b) = p.
 *
 * Method: a start from a moment-matched normal approximation when a, b ≥ 1, or from the tail power
 * laws I_x ≈ xᵃ/(a·B(a, b)) near 0 and 1 − I_x ≈ (1−x)ᵇ/(b·B(a, b)) near 1 (the starting rules of
 * Press et al., *Numerical Recipes*, 3rd ed., 2007, §6.4, `invbetai`, re-derived here); then
 * safeguarded Newton iteration (`invertIncreasing`) on I_x − p when p ≤ ½ and on q − (1 − I_x)
 * otherwise, with the density xᵃ⁻¹(1−x)ᵇ⁻¹/B(a, b). Use `betaQuantileUpper(q, a, b)` when the
 * upper-tail probability q = 1 − p is known more precisely than p.
 *
 * @example
 * betaQuantile(0.25, 2, 2); // 0.32635182233306964 (root of 3x² − 2x³ = ¼)
 */
export function betaQuantile(p: number, a: number, b: number): number {
  return solveBeta(p, 1 - p, a, b, p <= 0.5);
}

/** The x with 1 − I_x(a, b) = q, accurate for tiny q. See `betaQuantile`. */
export function betaQuantileUpper(q: number, a: number, b: number): number {
  return solveBeta(1 - q, q, a, b, q >= 0.5);
}

function solveBeta(p: number, q: number, a: number, b: number, lowerTail: boolean): number {
  if (!(p >= 0 && p <= 1 && q >= 0 && q <= 1 && a > 0 && b > 0)) return NaN;
  if (lowerTail ? p === 0 : q === 1) return 0;
  if (lowerTail ? p === 1 : q === 0) return 1;
  PROBLEM.set(p, q, a, b, lowerTail);
  return invertProblem(PROBLEM, startingPoint(p, q, a, b, lowerTail), 0, 1);
}

/** I_x − p (lower tail) or q − (1 − I_x) (upper tail), and the density; one reusable instance. */
class BetaEquation implements IncreasingProblem {
  private p = 0;
  private q = 1;
  private a = 1;
  private b = 1;
  private lowerTail = true;

  set(p: number, q: number, a: number, b: number, lowerTail: boolean): void {
    this.p = p;
    this.q = q;
    this.a = a;
    this.b = b;
    this.lowerTail = lowerTail;
  }

  residual(x: number): number {
    return this.lowerTail
      ? betaRegularized(x, 1 - x, this.a, this.b, false) - this.p
      : this.q - betaRegularized(x, 1 - x, this.a, this.b, true);
  }

  density(x: number): number {
    return Math.exp(logBetaPrefactor(x, 1 - x, this.a, this.b)) / (x * (1 - x));
  }
}

const PROBLEM = new BetaEquation();

function startingPoint(p: number, q: number, a: number, b: number, lowerTail: boolean): number {
  const s = a + b;
  if (a >= 1 && b >= 1) {
    const z = lowerTail ? normalQuantile(p) : -normalQuantile(q);
    const x = a / s + z * Math.sqrt((a * b) / (s * s * (s + 1)));
    if (x > 0 && x < 1) return x;
  }
  const lnB = logBeta(a, b);
  if (lowerTail) {
    const x = Math.exp((Math.log(p * a) + lnB) / a);
    if (x > 0 && x < 1) return x;
  } else {
    const y = Math.exp((Math.log(q * b) + lnB) / b);
    if (y > 0 && y < 1) return 1 - y;
  }
  return a / s;
}
