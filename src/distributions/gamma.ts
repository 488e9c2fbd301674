import { makeDistribution } from './distribution.ts';
import { formatCall } from './format.ts';
import { gammaP, gammaQ } from './special/gammaIncomplete.ts';
import { gammaQuantile, gammaQuantileUpper } from './special/gammaQuantile.ts';
import { registerTruncatable, type TruncatableLaw } from './truncate.ts';
import type { Distribution, RandomSource } from './types.ts';
import { requirePositive } from './validate.ts';
import { gammaConstants, standardGamma } from './variates/standardGamma.ts';

/**
 * Gamma distribution with shape k > 0 and scale θ > 0 (mean kθ, variance kθ²; Johnson, Kotz &
 * Balakrishnan, *Continuous Univariate Distributions* vol. 1, 2nd ed., 1994, ch. 17). Shape 1 is the
 * exponential law. CDF by the regularized incomplete gamma function P(k, x/θ); quantile by its
 * safeguarded-Newton inverse; draws by Marsaglia & Tsang (2000), with the boost
 * Gamma(k) = Gamma(k + 1)·U^(1/k) for k < 1. Truncatable.
 *
 * @example
 * gamma(1, 2).quantile(0.5); // 1.3862943611198906 (= 2 ln 2)
 * gamma(3, 2).mean;          // 6
 */
export function gamma(shape: number, scale: number): Distribution {
  const k = requirePositive('shape', shape);
  const theta = requirePositive('scale', scale);
  const cdf = (x: number): number => (x <= 0 ? 0 : gammaP(k, x / theta));
  const sf = (x: number): number => (x <= 0 ? 1 : gammaQ(k, x / theta));
  const quantile = (u: number): number => (u >= 0 && u <= 1 ? theta * gammaQuantile(u, k) : NaN);
  const quantileUpper = (q: number): number => theta * gammaQuantileUpper(q, k);
  const labelEntries = [
    ['shape', k],
    ['scale', theta],
  ] as const;
  const params = { shape: k, scale: theta };
  const draw = gammaDraw(k, theta);
  const dist = makeDistribution({
    kind: 'gamma',
    params,
    label: formatCall('gamma', labelEntries),
    mean: k * theta,
    variance: k * theta * theta,
    support: [0, Infinity],
    cdf,
    quantile,
    fill: gammaFill(k, theta),
  });
  const law: TruncatableLaw = {
    kind: 'gamma',
    labelEntries,
    params,
    support: [0, Infinity],
    cdf,
    sf,
    quantile,
    quantileUpper,
    draw,
    truncatedMoments: (lo, hi, mass) => {
      // E[Xʲ; lo ≤ X ≤ hi] = θʲ·Γ(k+j)/Γ(k)·[P(k+j, hi/θ) − P(k+j, lo/θ)], since xʲ times the
      // Gamma(k) density is Γ(k+j)/Γ(k)·θʲ times the Gamma(k+j) density.
      const between = (s: number): number => {
        const l = lo / theta;
        const h = hi / theta;
        return gammaP(s, l) > 0.5 ? gammaQ(s, l) - gammaQ(s, h) : gammaP(s, h) - gammaP(s, l);
      };
      const m1 = (theta * k * between(k + 1)) / mass;
      const m2 = (theta * theta * k * (k + 1) * between(k + 2)) / mass;
      return [m1, Math.max(0, m2 - m1 * m1)];
    },
  };
  return registerTruncatable(dist, law);
}

function gammaDraw(k: number, theta: number): (random: RandomSource) => number {
  if (k >= 1) {
    const { d, c } = gammaConstants(k);
    return (random) => theta * standardGamma(random, d, c);
  }
  const { d, c } = gammaConstants(k + 1);
  const inv = 1 / k;
  return (random) => theta * standardGamma(random, d, c) * Math.pow(1 - random(), inv);
}

function gammaFill(k: number, theta: number): (random: RandomSource, out: Float64Array, start: number, end: number) => void {
  if (k >= 1) {
    const { d, c } = gammaConstants(k);
    return (random, out, start, end) => {
      for (let i = start; i < end; i++) out[i] = theta * standardGamma(random, d, c);
    };
  }
  const { d, c } = gammaConstants(k + 1);
  const inv = 1 / k;
  return (random, out, start, end) => {
    for (let i = start; i < end; i++) out[i] = theta * standardGamma(random, d, c) * Math.pow(1 - random(), inv);
  };
}
