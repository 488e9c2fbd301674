import { makeDistribution } from './distribution.ts';
import { formatCall } from './format.ts';
import type { Distribution } from './types.ts';
import { requireRange } from './validate.ts';

/**
 * Continuous uniform distribution on [min, max): every value in the range equally likely.
 * Mean (min + max)/2, variance (max − min)²/12. Draws and quantiles are min + u·(max − min)
 * (inverse transform), one random number per draw.
 *
 * @example
 * const d = uniform(1, 3);
 * d.quantile(0.25); // 1.5
 * d.variance;       // 0.3333333333333333
 */
export function uniform(min: number, max: number): Distribution {
  const [lo, hi] = requireRange(min, max);
  const width = hi - lo;
  return makeDistribution({
    kind: 'uniform',
    params: { min: lo, max: hi },
    label: formatCall('uniform', [
      ['min', lo],
      ['max', hi],
    ]),
    mean: lo / 2 + hi / 2,
    variance: (width * width) / 12,
    support: [lo, hi],
    cdf: (x) => (x <= lo ? 0 : x >= hi ? 1 : (x - lo) / width),
    quantile: (u) => (u >= 0 && u <= 1 ? Math.min(hi, lo + u * width) : NaN),
    fill: (random, out, start, end) => {
      for (let i = start; i < end; i++) out[i] = lo + width * random();
    },
  });
}
