import { makeDistribution } from './distribution.ts';
import { formatCall } from './format.ts';
import { normalCdf, normalDensity } from './special/normalCdf.ts';
import { normalQuantile } from './special/normalQuantile.ts';
import { registerTruncatable, type TruncatableLaw } from './truncate.ts';
import type { Distribution } from './types.ts';
import { requireFinite, requirePositive } from './validate.ts';
import { standardNormal } from './variates/standardNormal.ts';

/**
 * Normal (Gaussian) distribution with the given mean and standard deviation sd > 0.
 * CDF by `normalCdf` (series / continued fraction, ~1e-15), quantile by Wichura's AS 241
 * (`normalQuantile`), draws by the Marsaglia–Tsang ziggurat (`standardNormal`, ~1 random number
 * per draw). Truncatable: `truncate(normal(0, 1), 0)` is the half-normal.
 *
 * @example
 * normal(0, 1).quantile(0.975); // 1.959963984540054 (R: qnorm(0.975))
 * normal(10, 2).cdf(10);        // 0.5
 */
export function normal(mean: number, sd: number): Distribution {
  const mu = requireFinite('mean', mean);
  const sigma = requirePositive('sd', sd);
  const cdf = (x: number): number => normalCdf((x - mu) / sigma);
  const sf = (x: number): number => normalCdf((mu - x) / sigma);
  const quantile = (u: number): number => mu + sigma * normalQuantile(u);
  const quantileUpper = (q: number): number => mu - sigma * normalQuantile(q);
  const labelEntries = [
    ['mean', mu],
    ['sd', sigma],
  ] as const;
  const params = { mean: mu, sd: sigma };
  const dist = makeDistribution({
    kind: 'normal',
    params,
    label: formatCall('normal', labelEntries),
    mean: mu,
    variance: sigma * sigma,
    support: [-Infinity, Infinity],
    cdf,
    quantile,
    fill: (random, out, start, end) => {
      for (let i = start; i < end; i++) out[i] = mu + sigma * standardNormal(random);
    },
  });
  const law: TruncatableLaw = {
    kind: 'normal',
    labelEntries,
    params,
    support: [-Infinity, Infinity],
    cdf,
    sf,
    quantile,
    quantileUpper,
    draw: (random) => mu + sigma * standardNormal(random),
    truncatedMoments: (lo, hi, mass) => {
      // Truncated normal moments (Johnson, Kotz & Balakrishnan 1994, ch. 13), a = (lo − μ)/σ, b = (hi − μ)/σ:
      // E = μ + σ(φ(a) − φ(b))/Z, Var = σ²[1 + (aφ(a) − bφ(b))/Z − ((φ(a) − φ(b))/Z)²].
      const a = (lo - mu) / sigma;
      const b = (hi - mu) / sigma;
      const pa = Number.isFinite(a) ? normalDensity(a) : 0;
      const pb = Number.isFinite(b) ? normalDensity(b) : 0;
      const apa = Number.isFinite(a) ? a * pa : 0;
      const bpb = Number.isFinite(b) ? b * pb : 0;
      const shift = (pa - pb) / mass;
      const variance = sigma * sigma * Math.max(0, 1 + (apa - bpb) / mass - shift * shift);
      return [mu + sigma * shift, variance];
    },
  };
  return registerTruncatable(dist, law);
}
