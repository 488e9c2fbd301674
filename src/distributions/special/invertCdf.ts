/**
 * Generalised inverse of a cumulative distribution function: the smallest double x with
 * cdf(x) ≥ u, found in a bracket [lo, hi] with cdf(lo) < u ≤ cdf(hi).
 *
 * For laws with no closed-form quantile and no convenient density (mixtures, whose cdf may jump
 * at an atom), Newton (`invertIncreasing`) does not apply. This is the Illinois variant of
 * regula falsi (Dowell & Jarratt, *BIT* 11, 1971), which converges superlinearly on a smooth cdf,
 * safeguarded by a bisection whenever three steps fail to halve the bracket — so a jump, a flat
 * stretch or a cdf that is flat to rounding cannot stall it. Bisection works across orders of
 * magnitude (see `midpoint`), so brackets such as [1e-300, 1e300] close in about a hundred steps.
 * The loop ends only when lo and hi are adjacent doubles, so the answer is exact to the last bit for
 * the cdf as computed: at a jump of the cdf (an atom) it is the atom itself. Typically 8–15 cdf
 * evaluations.
 *
 * @example
 * invertCdf((x) => (x < 3 ? 0 : 1), 0.5, 0, 10); // 3 (the atom of a constant)
 */
export function invertCdf(cdf: (x: number) => number, u: number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  let fa = cdf(a) - u; // < 0
  let fb = cdf(b) - u; // ≥ 0
  let kept = 0; // which end the last step kept: -1 for a, +1 for b (Illinois halves a twice-kept end's value)
  let steps = 0; // secant steps since the bracket last halved
  let checkpoint = b - a;
  let flat = 1; // growth of the probe below a b with cdf(b) = u
  for (let iter = 0; iter < 4000; iter++) {
    const m = midpoint(a, b);
    if (!(m > a && m < b)) return b; // adjacent doubles: b is the smallest with cdf ≥ u
    let x = m;
    if (steps < 3) {
      // fb = 0: cdf(b) = u exactly, typically on a stretch where the cdf is flat to rounding; the
      // secant would return b itself, so probe below b instead, twice as far each time.
      const s = fb === 0 ? b : a - (fa * (b - a)) / (fb - fa);
      // A step within a few ulps of an end is pushed a few ulps inside, so that once the root is
      // pinned the next evaluation lands on its other side and the bracket closes at once.
      const tol = (Math.abs(s) * 2 ** -50 + 4 * Number.MIN_VALUE) * (fb === 0 ? flat : 1);
      x = s - a < tol ? a + tol : b - s < tol ? b - tol : s;
      if (!(x > a && x < b)) x = m;
    }
    flat = fb === 0 && x !== m ? flat * 2 : 1;
    const fx = cdf(x) - u;
    if (fx >= 0) {
      b = x;
      fb = fx;
      if (kept === -1) fa *= 0.5;
      kept = -1;
    } else {
      a = x;
      fa = fx;
      if (kept === 1) fb *= 0.5;
      kept = 1;
    }
    if (x === m || b - a <= 0.5 * checkpoint) {
      checkpoint = b - a;
      steps = 0;
    } else {
      steps++;
    }
  }
  return b;
}

/**
 * A point strictly inside (a, b) unless they are adjacent doubles. Arithmetic, except across orders
 * of magnitude: the geometric mean when both ends have one sign and differ by more than a factor 4,
 * zero when the ends straddle it with magnitudes that far apart, and from an end at zero a point
 * 2^-30 of the way (so a root near 1e-300 is reached in about 35 steps, one near b in about 5).
 */
function midpoint(a: number, b: number): number {
  if (a < 0 && b > 0) return -a > 4 * b || b > -4 * a ? 0 : a + 0.5 * (b - a);
  if (a === 0) return b > 4 * Number.MIN_VALUE ? Math.max(b * 2 ** -30, Number.MIN_VALUE) : 0.5 * b;
  if (b === 0) return a < -4 * Number.MIN_VALUE ? Math.min(a * 2 ** -30, -Number.MIN_VALUE) : 0.5 * a;
  if (a > 0 && b > 4 * a) return Math.sqrt(a) * Math.sqrt(b);
  if (b < 0 && a < 4 * b) return -Math.sqrt(-a) * Math.sqrt(-b);
  return a + 0.5 * (b - a);
}
