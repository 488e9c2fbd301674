/**
 * One-sample Kolmogorov–Smirnov test: does a sample come from the continuous law with CDF `cdf`?
 *
 * D = sup |Fₙ(x) − F(x)|, computed at the sorted sample as max over i of
 * max(F(x₍ᵢ₎) − (i−1)/n, i/n − F(x₍ᵢ₎)). The p-value uses Kolmogorov's limiting law with Stephens'
 * small-sample correction λ = (√n + 0.12 + 0.11/√n)·D (M. A. Stephens 1970, *JRSS B* 32:115;
 * Press et al., *Numerical Recipes*, 3rd ed., 2007, §14.3.3), Q(λ) = 2 Σₖ (−1)^(k−1) e^(−2k²λ²), and
 * for λ < 1.18 the equivalent theta-function form 1 − (√(2π)/λ) Σₖ e^(−(2k−1)²π²/(8λ²)), which
 * converges fast there. For a discrete law D is not distribution-free: use a chi-square test instead.
 */
export function ksTest(sample: Float64Array, cdf: (x: number) => number): { readonly d: number; readonly p: number } {
  const sorted = Float64Array.from(sample).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return { d, p: kolmogorovPValue(d, n) };
}

/** P(Dₙ > d) under the null, by the limiting Kolmogorov distribution with Stephens' correction. */
export function kolmogorovPValue(d: number, n: number): number {
  const sqrtN = Math.sqrt(n);
  const lambda = (sqrtN + 0.12 + 0.11 / sqrtN) * d;
  return kolmogorovQ(lambda);
}

/** Q_KS(λ) = 1 − K(λ), the Kolmogorov survival function. */
export function kolmogorovQ(lambda: number): number {
  if (lambda <= 0) return 1;
  if (lambda < 1.18) {
    const y = Math.exp((-Math.PI * Math.PI) / (8 * lambda * lambda));
    let sum = 0;
    for (let k = 1; k < 100; k++) {
      const term = Math.pow(y, (2 * k - 1) * (2 * k - 1));
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return 1 - (Math.sqrt(2 * Math.PI) / lambda) * sum;
  }
  let sum = 0;
  for (let k = 1; k < 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    sum += k % 2 === 1 ? term : -term;
    if (term < 1e-17) break;
  }
  return Math.max(0, Math.min(1, 2 * sum));
}
