/**
 * Generalised inverse of a cumulative distribution function: the smallest double x with
 * cdf(x) ≥ u, found in a bracket [lo, hi] with cdf(lo) < u ≤ cdf(hi).
 *
 * For laws with no closed-form quantile and no convenient density (mixtures, whose cdf may jump
 * at an atom), Newton (`invertIncreasing`) does not apply. This is the Illinois variant of
 * regula falsi (Dowell & Jarratt, *BIT* 11, 1971), which converges superlinearly on a smooth cdf,
 * safeguarded by bisection whenever two steps in a row fail to halve the bracket — so a jump, a
 * flat stretch or a cdf that is flat to rounding cannot stall it. Bisection uses the geometric mean
 * when the bracket spans more than a factor 4 on one side of zero, so brackets such as
 * [1e-300, 1e300] close in about a hundred steps. The loop ends only when lo and hi are adjacent
 * doubles, so the answer is exact to the last bit for the cdf as computed: at a jump of the cdf
 * (an atom) it is the atom itself.
 *
 * @example
 * invertCdf((x) => (x < 3 ? 0 : 1), 0.5, 0, 10); // 3 (the atom of a constant)
 */
export function invertCdf(cdf: (x: number) => number, u: number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  let fa = cdf(a) - u; // < 0
  let fb = cdf(b) - u; // ≥ 0
  let retained = 0; // -1: a was kept by the last step, +1: b was kept
  let slow = 0; // steps in a row that did not halve the bracket
  let width = b - a;
  for (let iter = 0; iter < 4000; iter++) {
    const m = midpoint(a, b);
    if (!(m > a && m < b)) return b; // adjacent doubles: b is the smallest with cdf ≥ u
    let x = m;
    if (slow < 2 && fb > 0 && fa < 0) {
      const secant = a - (fa * (b - a)) / (fb - fa);
      if (secant > a && secant < b) x = secant;
    }
    if (x === m) slow = 0;
    const fx = cdf(x) - u;
    if (fx >= 0) {
      b = x;
      fb = fx;
      if (retained === -1) fa /= 2;
      retained = -1;
    } else {
      a = x;
      fa = fx;
      if (retained === 1) fb /= 2;
      retained = 1;
    }
    const next = b - a;
    slow = next > 0.5 * width ? slow + 1 : 0;
    width = next;
  }
  return b;
}

/** A point strictly inside (a, b) unless they are adjacent: geometric across orders of magnitude, else arithmetic. */
function midpoint(a: number, b: number): number {
  if (a < 0 && b > 0) return 0;
  if (a >= 0) {
    const low = Math.max(a, Number.MIN_VALUE);
    if (b > 4 * low) return Math.sqrt(low) * Math.sqrt(b);
  } else {
    const high = Math.min(b, -Number.MIN_VALUE);
    if (a < 4 * high) return -Math.sqrt(-a) * Math.sqrt(-high);
  }
  return a + 0.5 * (b - a);
}
