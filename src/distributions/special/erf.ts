/**
 * Error function and complementary error function,
 * erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt and erfc(x) = 1 − erf(x).
 *
 * Method (all terms written out here, nothing tabulated):
 * - for x² < 1.5, the everywhere-positive series of Abramowitz & Stegun (1964) 7.1.6,
 *   erf(x) = (2/√π)·x·e^(−x²)·Σₙ (2x²)ⁿ / (1·3·…·(2n+1)), which has no cancellation;
 * - for x² ≥ 1.5, erfc(x) = Γ(½, x²)/√π and the Legendre continued fraction for the upper
 *   incomplete gamma function (A&S 6.5.31), evaluated by the modified Lentz algorithm
 *   (Press, Teukolsky, Vetterling & Flannery, *Numerical Recipes*, 3rd ed., 2007, §5.2 and §6.2).
 *
 * e^(−x²) is formed as e^(−h²)·e^(−(x−h)(x+h)) with h = x truncated to a multiple of 1/16, the
 * splitting of W. J. Cody (1969, *Math. Comp.* 23:631), so the rounding error of x·x does not
 * reach the far tail: erfc keeps ~1e-15 relative accuracy down to its underflow near x = 27.
 *
 * @example
 * erf(1);  // 0.8427007929497149
 * erfc(2); // 0.004677734981047266
 */

import { upperGammaFraction } from './upperGammaFraction.ts';

const TWO_OVER_SQRT_PI = 1.1283791670955126;
const ONE_OVER_SQRT_PI = 0.5641895835477563;
const EPS = 1e-17;

/** e^(−x²) without the rounding error of forming x² (Cody's splitting). */
export function expNegSquare(x: number): number {
  const h = Math.trunc(x * 16) / 16;
  return Math.exp(-h * h) * Math.exp(-(x - h) * (x + h));
}

/**
 * The series factor S(X) = Σₙ (2X)ⁿ / (1·3·…·(2n+1)), so that erf(x) = (2/√π)·x·e^(−x²)·S(x²).
 * Intended for X < 1.5, where it needs at most ~30 terms.
 */
export function erfSeriesFactor(X: number): number {
  const twoX = 2 * X;
  let term = 1;
  let sum = 1;
  for (let n = 1; n < 500; n++) {
    term *= twoX / (2 * n + 1);
    sum += term;
    if (term < sum * EPS) break;
  }
  return sum;
}

/**
 * The continued-fraction factor C(X) = 1/(X+½− 1·½/(X+5/2− 2·(3/2)/(X+9/2− …))),
 * so that erfc(x) = e^(−x²)·(x/√π)·C(x²) for x > 0. Intended for X ≥ 1.5.
 */
export function erfcFractionFactor(X: number): number {
  return upperGammaFraction(0.5, X, 10_000, EPS * 4);
}

/** Error function erf(x). */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  const X = ax * ax;
  let value: number;
  if (X < 1.5) value = TWO_OVER_SQRT_PI * ax * expNegSquare(ax) * erfSeriesFactor(X);
  else value = 1 - expNegSquare(ax) * ax * ONE_OVER_SQRT_PI * erfcFractionFactor(X);
  return x < 0 ? -value : value;
}

/** Complementary error function erfc(x) = 1 − erf(x), accurate in relative terms for large x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  const X = ax * ax;
  let upper: number; // erfc(|x|)
  if (X < 1.5) upper = 1 - TWO_OVER_SQRT_PI * ax * expNegSquare(ax) * erfSeriesFactor(X);
  else if (ax > 27.3) upper = 0;
  else upper = expNegSquare(ax) * ax * ONE_OVER_SQRT_PI * erfcFractionFactor(X);
  return x < 0 ? 2 - upper : upper;
}
