import { erfcFractionFactor, erfSeriesFactor } from './erf.ts';

/**
 * Standard normal cumulative distribution function Φ(z) = P(Z ≤ z), Z ~ N(0, 1).
 *
 * Written directly in z rather than as ½·erfc(−z/√2), so that dividing by √2 never rounds the
 * argument of the exponential (which would cost ~z²·1e-16 relative accuracy in the tails):
 * - |z| < √3: Φ(z) = ½ + z·φ(z)·S(z²/2), the positive series of Abramowitz & Stegun 7.1.6;
 * - otherwise Φ(−|z|) = ½·erfc(|z|/√2) = ½·|z|·φ(z)·C(z²/2), C the continued fraction of A&S 6.5.31;
 * with φ(z) = e^(−z²/2)/√(2π) formed by Cody's splitting (see `erf.ts`). The lower tail keeps
 * ~1e-15 relative accuracy until Φ underflows near z = −38.5; use `normalCdf(-z)` for the upper tail.
 *
 * @example
 * normalCdf(1.96); // 0.9750021048517795
 * normalCdf(-1);   // 0.15865525393145707
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const az = Math.abs(z);
  const X = 0.5 * z * z;
  if (X < 1.5) return 0.5 + z * normalDensity(z) * erfSeriesFactor(X);
  if (az > 38.6) return z < 0 ? 0 : 1;
  const lower = 0.5 * az * normalDensity(az) * erfcFractionFactor(X);
  return z < 0 ? lower : 1 - lower;
}

const INV_SQRT_2PI = 0.3989422804014327;

/**
 * Standard normal density φ(z) = e^(−z²/2)/√(2π), with e^(−z²/2) formed as
 * e^(−h²/2)·e^(−(z−h)(z+h)/2), h = z truncated to a multiple of 1/16 (Cody 1969), which keeps full
 * relative accuracy in the tails.
 *
 * @example
 * normalDensity(0); // 0.3989422804014327
 */
export function normalDensity(z: number): number {
  const h = Math.trunc(z * 16) / 16;
  return INV_SQRT_2PI * Math.exp(-0.5 * h * h) * Math.exp(-0.5 * (z - h) * (z + h));
}
