import { makeDistribution } from './distribution.ts';
import { formatCall, type LabelValue } from './format.ts';
import { betaIncomplete } from './special/betaIncomplete.ts';
import { betaQuantile } from './special/betaQuantile.ts';
import type { Distribution, RandomSource } from './types.ts';
import { requirePositive, requireRange } from './validate.ts';
import { gammaConstants, standardGamma } from './variates/standardGamma.ts';

/**
 * Beta distribution with shapes alpha, beta > 0, on [0, 1] or scaled to [min, max]
 * (X = min + (max − min)·B; here min and max are the support, not a truncation).
 * Mean α/(α+β), variance αβ/((α+β)²(α+β+1)), both scaled (Johnson, Kotz & Balakrishnan,
 * *Continuous Univariate Distributions* vol. 2, 2nd ed., 1995, ch. 25). CDF by the regularized
 * incomplete beta function, quantile by its safeguarded-Newton inverse. Draws as G₁/(G₁ + G₂) with
 * G₁ ~ Gamma(α), G₂ ~ Gamma(β) (JKB vol. 2, ch. 25), every G₁ of a fill before its G₂s; when a shape is below 1 the gammas are combined in
 * log space, ln G = ln Gamma(α+1) + ln(U)/α, so tiny draws never underflow to 0/0. (Cheng's 1978
 * algorithm BB was tried and measured at half the speed of the two Marsaglia–Tsang gammas on
 * Node 20, whose Math.log and Math.exp cost ~10 ns each.)
 *
 * @example
 * beta(2, 5).cdf(0.3);                  // 0.579825 (= 1 − 0.7⁶ − 6·0.3·0.7⁵)
 * beta(2, 2, 10, 20).quantile(0.5);     // 15
 */
export function beta(alpha: number, beta: number, min = 0, max = 1): Distribution {
  const a = requirePositive('alpha', alpha);
  const b = requirePositive('beta', beta);
  const [lo, hi] = requireRange(min, max);
  const scaled = lo !== 0 || hi !== 1;
  const entries: Array<readonly [string, LabelValue]> = [
    ['alpha', a],
    ['beta', b],
  ];
  if (scaled) entries.push(['min', lo], ['max', hi]);
  const params: Record<string, number> = { alpha: a, beta: b };
  if (scaled) {
    params.min = lo;
    params.max = hi;
  }
  return scaledBeta('beta', entries, params, a, b, lo, hi);
}

/**
 * A Beta(a, b) law on [lo, hi] with the given label and params: shared by `beta` and `pert`.
 * @internal
 */
export function scaledBeta(
  kind: string,
  labelEntries: ReadonlyArray<readonly [string, LabelValue]>,
  params: Readonly<Record<string, number>>,
  a: number,
  b: number,
  lo: number,
  hi: number,
): Distribution {
  const width = hi - lo;
  const s = a + b;
  const m = a / s;
  return makeDistribution({
    kind,
    params,
    label: formatCall(kind, labelEntries),
    mean: lo + width * m,
    variance: (width * width * m * (b / s)) / (s + 1),
    support: [lo, hi],
    cdf: (x) => {
      if (x <= lo) return 0;
      if (x >= hi) return 1;
      return betaIncomplete((x - lo) / width, a, b);
    },
    quantile: (u) => {
      if (!(u >= 0 && u <= 1)) return NaN;
      return Math.min(hi, lo + width * betaQuantile(u, a, b));
    },
    fill: betaFill(a, b, lo, width),
  });
}

function betaFill(a: number, b: number, lo: number, width: number): (random: RandomSource, out: Float64Array, start: number, end: number) => void {
  if (a >= 1 && b >= 1) {
    const { d: da, c: ca } = gammaConstants(a);
    const { d: db, c: cb } = gammaConstants(b);
    // G₁ for the whole range, then G₂ and the ratio, each loop a function of its own: V8 inlines
    // callees into a function only up to a cumulative budget, and both gammas (each with its normal
    // and two uniforms) in one function passed it; the gamma left as a call returned its double
    // boxed, ~30 bytes of garbage per draw (most of a run's scavenges on a model with a beta).
    const firsts = (random: RandomSource, out: Float64Array, start: number, end: number): void => {
      for (let i = start; i < end; i++) out[i] = standardGamma(random, da, ca);
    };
    const ratios = (random: RandomSource, out: Float64Array, start: number, end: number): void => {
      for (let i = start; i < end; i++) {
        const x = out[i];
        out[i] = lo + (width * x) / (x + standardGamma(random, db, cb));
      }
    };
    return (random, out, start, end) => {
      firsts(random, out, start, end);
      ratios(random, out, start, end);
    };
  }
  // Log space: ln G(s) = ln G(s + 1) + ln(U)/s for s < 1 (Marsaglia & Tsang 2000, §6).
  const ka = gammaConstants(a < 1 ? a + 1 : a);
  const kb = gammaConstants(b < 1 ? b + 1 : b);
  const ia = a < 1 ? 1 / a : 0;
  const ib = b < 1 ? 1 / b : 0;
  return (random, out, start, end) => {
    for (let i = start; i < end; i++) {
      let lx = Math.log(standardGamma(random, ka.d, ka.c));
      if (ia !== 0) lx += Math.log(1 - random()) * ia;
      let ly = Math.log(standardGamma(random, kb.d, kb.c));
      if (ib !== 0) ly += Math.log(1 - random()) * ib;
      // B = X/(X + Y) = 1/(1 + e^(ly − lx)).
      out[i] = lo + width / (1 + Math.exp(ly - lx));
    }
  };
}
