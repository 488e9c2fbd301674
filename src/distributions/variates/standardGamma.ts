import type { RandomSource } from '../types.ts';
import { standardNormal } from './standardNormal.ts';

/**
 * One draw from the standard gamma law with shape a ≥ 1 (scale 1), by G. Marsaglia & W. W. Tsang
 * (2000), "A simple method for generating gamma variables", *ACM Transactions on Mathematical
 * Software* 26(3):363–372: with d = a − ⅓ and c = 1/√(9d), draw Z ~ N(0, 1) and U ~ U(0, 1],
 * set V = (1 + cZ)³ and accept d·V when V > 0 and U < 1 − 0.0331·Z⁴ (squeeze) or
 * ln U < Z²/2 + d(1 − V + ln V). Acceptance is above 95% for every a ≥ 1.
 *
 * Pass the constants from `gammaConstants(a)` so the draw loop does no set-up. For a < 1 use
 * `standardGamma(random, gammaConstants(a + 1)) · U^(1/a)` (the boost of the same paper, §6).
 * U is taken as 1 − random() ∈ (0, 1], so ln U is always finite.
 *
 * @example
 * const k = gammaConstants(2.5);
 * standardGamma(seedrandom.xor4096('demo'), k.d, k.c); // a draw from Gamma(2.5, 1)
 */
export function standardGamma(random: RandomSource, d: number, c: number): number {
  // The first try up to its squeeze test is the fast path, small enough for V8 to inline at every
  // call site; the rest (the log test, further tries) is a function of its own. One function with
  // the whole loop ran past V8's inlining budget in beta's fill (two gammas, two normals), and a
  // call that is not inlined returns its double boxed: garbage per draw.
  const z = standardNormal(random);
  const v0 = 1 + c * z;
  if (v0 > 0) {
    const v = v0 * v0 * v0;
    const u = 1 - random();
    const z2 = z * z;
    if (u < 1 - 0.0331 * z2 * z2) return d * v;
    return gammaSlowPath(random, d, c, z2, v, u);
  }
  return gammaSlowPath(random, d, c, 0, -1, 0);
}

/** Finishes the try that failed the squeeze (v ≤ 0: rejected outright), then tries again until one is accepted. */
function gammaSlowPath(random: RandomSource, d: number, c: number, z2: number, v: number, u: number): number {
  if (v > 0 && Math.log(u) < 0.5 * z2 + d * (1 - v + Math.log(v))) return d * v;
  for (;;) {
    const z = standardNormal(random);
    v = 1 + c * z;
    if (v <= 0) continue;
    v = v * v * v;
    u = 1 - random();
    z2 = z * z;
    if (u < 1 - 0.0331 * z2 * z2) return d * v;
    if (Math.log(u) < 0.5 * z2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** d = a − ⅓ and c = 1/√(9d) for `standardGamma`; requires a ≥ 1. */
export function gammaConstants(a: number): { readonly d: number; readonly c: number } {
  const d = a - 1 / 3;
  return { d, c: 1 / Math.sqrt(9 * d) };
}
