/**
 * The Legendre continued fraction of the upper incomplete gamma function (Abramowitz & Stegun
 * 6.5.31): Γ(a, x) = xᵃe⁻ˣ·F(a, x) with
 * F(a, x) = 1/(x+1−a− 1·(1−a)/(x+3−a− 2·(2−a)/(x+5−a− …))),
 * evaluated by the modified Lentz algorithm (Press, Teukolsky, Vetterling & Flannery,
 * *Numerical Recipes*, 3rd ed., 2007, §5.2). Converges quickly for x ≥ a + 1; shared by the
 * incomplete gamma functions and, with a = ½, by erfc.
 *
 * @example
 * upperGammaFraction(1, 2); // 0.5 (Γ(1, x) = e⁻ˣ, so F = 1/x)
 */
const TINY = 1e-300;

export function upperGammaFraction(a: number, x: number, maxIter = 10_000, tolerance = 1e-16): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n < maxIter; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < tolerance) break;
  }
  return h;
}
