import { InputError } from '../errors.ts';
import { makeDistribution } from './distribution.ts';
import { formatCall, type LabelValue } from './format.ts';
import { normalCdf } from './special/normalCdf.ts';
import { normalQuantile } from './special/normalQuantile.ts';
import { massBetween, registerTruncatable, type TruncatableLaw } from './truncate.ts';
import type { Distribution } from './types.ts';
import { requireFinite, requirePositive } from './validate.ts';
import { standardNormal } from './variates/standardNormal.ts';

/**
 * Lognormal distribution: X = exp(μ + σZ), Z ~ N(0, 1), for positive quantities that span orders of
 * magnitude (fleet sizes, energy per query). Median e^μ, mean e^(μ + σ²/2),
 * variance (e^(σ²) − 1)·e^(2μ + σ²) (Johnson, Kotz & Balakrishnan, *Continuous Univariate
 * Distributions* vol. 1, 2nd ed., 1994, ch. 14). Draws are exp of a ziggurat normal.
 * See `lognormalFromQuantiles` for the usual way to write one: two percentiles.
 *
 * @example
 * lognormal(0, 1).quantile(0.5); // 1
 * lognormal(0, 1).mean;          // 1.6487212707001282 (= e^½)
 */
export function lognormal(mu: number, sigma: number): Distribution {
  const m = requireFinite('mu', mu);
  const s = requirePositive('sigma', sigma);
  return build(m, s, [['mu', m], ['sigma', s]], { mu: m, sigma: s });
}

/** Keys that name a quantile of a lognormal: `median` or `p<level>` with 0 < level < 100 (`p5`, `p95`, `p2.5`). */
export function quantileLevel(key: string): number | undefined {
  if (key === 'median') return 50;
  const match = /^p(\d+(?:\.\d+)?)$/.exec(key);
  if (match === null) return undefined;
  const level = Number(match[1]);
  return level > 0 && level < 100 ? level : undefined;
}

/**
 * Lognormal distribution from any two of its quantiles, or one quantile and its mean — the way
 * modellers state ranges ("between 1e6 and 2e6, 90% sure" is `{ p5: 1e6, p95: 2e6 }`; Squiggle's
 * `1e6 to 2e6`). Keys: `median`, `p<level>` for 0 < level < 100 (`p1`, `p5`, `p10`, `p25`, `p75`,
 * `p90`, `p95`, `p99`, `p2.5`, …; `p50` is the median) and `mean`.
 *
 * Two quantiles xₐ < x_b at levels a < b with normal scores zₐ = Φ⁻¹(a/100), z_b give
 * σ = (ln x_b − ln xₐ)/(z_b − zₐ) and μ = (z_b·ln xₐ − zₐ·ln x_b)/(z_b − zₐ) (for p5/p95, μ is the mean of
 * the two logs exactly). A quantile x_q with the mean m solves σ²/2 − z_q·σ − ln(m/x_q) = 0; a lower
 * quantile or the median gives one positive root, an upper quantile can give two (then the input is
 * ambiguous and rejected). The resolved μ and σ are reported in `params` next to the inputs.
 *
 * @example
 * const d = lognormalFromQuantiles({ p5: 1e6, p95: 2e6 });
 * d.params.sigma;  // 0.21070473253954426 (= ln 2 / (2·1.6448536269514722))
 * d.quantile(0.5); // 1414213.562373095 (= √(1e6·2e6))
 */
export function lognormalFromQuantiles(points: Readonly<Record<string, number>>): Distribution {
  const keys = Object.keys(points);
  const quantileKeys: Array<{ key: string; level: number; value: number }> = [];
  let meanValue: number | undefined;
  const levels = new Map<number, string>();
  for (const key of keys) {
    const value = points[key];
    if (key === 'mean') {
      meanValue = requirePositive('mean', value, 'mean must be a finite number > 0 (a lognormal is positive)');
      continue;
    }
    const level = quantileLevel(key);
    if (level === undefined) {
      throw new InputError(key, value, 'a lognormal quantile is named median or p<level> with 0 < level < 100 (p5, p95, …)');
    }
    const previous = levels.get(level);
    if (previous !== undefined) throw new InputError(key, value, `${key} and ${previous} name the same quantile`);
    levels.set(level, key);
    quantileKeys.push({ key, level, value: requirePositive(key, value, `${key} must be a finite number > 0 (a lognormal is positive)`) });
  }
  const count = quantileKeys.length + (meanValue === undefined ? 0 : 1);
  if (count !== 2) {
    const key = count > 2 ? keys[2] : keys[0] ?? 'p5';
    throw new InputError(
      key,
      points[key],
      `a lognormal needs exactly two of median, p<level> (p5, p95, …) and mean; got ${count === 0 ? 'none' : keys.join(', ')}`,
    );
  }
  quantileKeys.sort((a, b) => a.level - b.level);
  let mu: number;
  let sigma: number;
  const entries: Array<readonly [string, LabelValue]> = [];
  if (meanValue === undefined) {
    const [first, second] = quantileKeys;
    if (!(first.value < second.value)) {
      throw new InputError(second.key, second.value, `${second.key} must be greater than ${first.key} = ${first.value} (quantiles increase)`);
    }
    const za = normalQuantile(first.level / 100);
    const zb = normalQuantile(second.level / 100);
    const la = Math.log(first.value);
    const lb = Math.log(second.value);
    sigma = (lb - la) / (zb - za);
    mu = za === -zb ? 0.5 * (la + lb) : (zb * la - za * lb) / (zb - za);
    entries.push([first.key, first.value], [second.key, second.value]);
  } else {
    const [only] = quantileKeys;
    const z = normalQuantile(only.level / 100);
    const d = Math.log(meanValue / only.value);
    const disc = z * z + 2 * d;
    const root = Math.sqrt(Math.max(0, disc));
    const roots = disc < 0 ? [] : [z + root, z - root].filter((r) => r > 0);
    if (roots.length === 0) {
      throw new InputError('mean', meanValue, `no lognormal has ${only.key} = ${only.value} and this mean; ${
        only.level <= 50 ? `the mean must exceed ${only.key}` : 'try a lower quantile with the mean'}`);
    }
    if (roots.length === 2 && roots[0] !== roots[1]) {
      throw new InputError('mean', meanValue, `two lognormals have ${only.key} = ${only.value} and this mean (σ = ${roots[1]} or ${roots[0]}); give the median or a lower quantile with the mean instead`);
    }
    sigma = roots[0];
    mu = Math.log(only.value) - z * sigma;
    entries.push([only.key, only.value], ['mean', meanValue]);
  }
  if (!(sigma > 0) || !Number.isFinite(sigma) || !Number.isFinite(mu)) {
    throw new InputError(entries[1][0], entries[1][1], 'these quantiles do not define a lognormal with finite μ and σ > 0');
  }
  const params: Record<string, number> = {};
  for (const [key, value] of entries) params[key] = value as number;
  params.mu = mu;
  params.sigma = sigma;
  return build(mu, sigma, entries, params);
}

function build(
  mu: number,
  sigma: number,
  labelEntries: ReadonlyArray<readonly [string, LabelValue]>,
  params: Readonly<Record<string, number>>,
): Distribution {
  const cdf = (x: number): number => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma));
  const sf = (x: number): number => (x <= 0 ? 1 : normalCdf((mu - Math.log(x)) / sigma));
  const quantile = (u: number): number => Math.exp(mu + sigma * normalQuantile(u));
  const quantileUpper = (q: number): number => Math.exp(mu - sigma * normalQuantile(q));
  const s2 = sigma * sigma;
  const dist = makeDistribution({
    kind: 'lognormal',
    params,
    label: formatCall('lognormal', labelEntries),
    mean: Math.exp(mu + s2 / 2),
    variance: Math.expm1(s2) * Math.exp(2 * mu + s2),
    support: [0, Infinity],
    cdf,
    quantile,
    fill: (random, out, start, end) => {
      for (let i = start; i < end; i++) out[i] = Math.exp(mu + sigma * standardNormal(random));
    },
  });
  const law: TruncatableLaw = {
    kind: 'lognormal',
    labelEntries,
    params,
    support: [0, Infinity],
    cdf,
    sf,
    quantile,
    quantileUpper,
    draw: (random) => Math.exp(mu + sigma * standardNormal(random)),
    truncatedMoments: (lo, hi, mass) => {
      // E[Xᵏ; lo ≤ X ≤ hi] = e^(kμ + k²σ²/2)·P(lo ≤ Y ≤ hi) where ln Y ~ N(μ + kσ², σ²)
      // (complete the square in the normal density of ln X).
      const shifted = (k: number): number => {
        const m = mu + k * s2;
        const F = (x: number): number => (x <= 0 ? 0 : normalCdf((Math.log(x) - m) / sigma));
        const S = (x: number): number => (x <= 0 ? 1 : normalCdf((m - Math.log(x)) / sigma));
        return Math.log(massBetween(F, S, lo, hi)) + k * mu + 0.5 * k * k * s2;
      };
      const logZ = Math.log(mass);
      const logM1 = shifted(1) - logZ;
      const logM2 = shifted(2) - logZ;
      const mean = Math.exp(logM1);
      return [mean, Math.max(0, Math.expm1(logM2 - 2 * logM1)) * Math.exp(2 * logM1)];
    },
  };
  return registerTruncatable(dist, law);
}
