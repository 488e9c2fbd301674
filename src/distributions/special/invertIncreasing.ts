/**
 * Root of an increasing function by safeguarded Newton iteration: the x in [lo, hi] with residual(x) = 0.
 *
 * Each evaluation narrows a bracket [a, b] known to contain the root; a Newton step x − r/f(x) is
 * taken when it stays strictly inside the bracket, and otherwise the bracket is bisected — at its
 * geometric mean when it spans more than a factor 4 (so roots like 1e-200 are reached in a few dozen
 * steps), at its midpoint otherwise, by expansion when it is still unbounded. This is the "rtsafe"
 * hybrid of Press et al., *Numerical Recipes*, 3rd ed., 2007, §9.4, adapted to semi-infinite brackets.
 * Newton converges quadratically near the root, so the iteration stops after a Newton step smaller
 * than 1e-11·min(|x|, x − lo, hi − x): the error left is of the order of its square, far below the rounding of the
 * residual itself (typically 3–5 evaluations from the families' starting points).
 *
 * `residual` should be computed in whichever tail keeps it accurate (e.g. P(x) − p when p < ½ and
 * q − Q(x) otherwise); `density` is its derivative.
 *
 * @example
 * invertIncreasing((x) => x * x - 2, (x) => 2 * x, 1, 0, Infinity); // 1.4142135623730951
 */
export function invertIncreasing(
  residual: (x: number) => number,
  density: (x: number) => number,
  start: number,
  lo: number,
  hi: number,
): number {
  return invertProblem({ residual, density }, start, lo, hi);
}

/** The equation for `invertProblem`: an increasing residual and its derivative. */
export interface IncreasingProblem {
  residual(x: number): number;
  density(x: number): number;
}

/**
 * `invertIncreasing` for a problem object, so that hot callers (quantile functions) can pass a
 * reusable object instead of creating two closures per call.
 */
export function invertProblem(problem: IncreasingProblem, start: number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  let x = start > lo && start < hi ? start : Number.isFinite(hi) ? (Number.isFinite(lo) ? 0.5 * (lo + hi) : hi - 1) : lo + 1;
  for (let iter = 0; iter < 400; iter++) {
    const r = problem.residual(x);
    if (r === 0) return x;
    if (r < 0) a = x;
    else b = x;
    const step = r / problem.density(x);
    // A Newton step this small leaves an error of order step² (quadratic convergence): done. It may
    // round to no change at all. "Small" is relative to the distance from the nearer finite end of
    // [lo, hi], so a root near 1 in [0, 1] is resolved in 1 − x, not just in x.
    if (Math.abs(step) <= 1e-11 * Math.min(Math.abs(x), x - lo, hi - x)) return x - step;
    let next = x - step;
    if (!(next > a && next < b)) {
      if (b === Infinity) next = Math.max(4 * a, a + 1);
      else if (a === -Infinity) next = Math.min(4 * b, b - 1);
      else if (a > 0 && b > 4 * a) next = Math.sqrt(a * b);
      else if (a === 0) next = b / 16;
      else next = 0.5 * (a + b);
      if (!(next > a && next < b)) return x; // the bracket has collapsed to adjacent doubles
    }
    x = next;
  }
  return x;
}
