import { makeDistribution } from './distribution.ts';
import { formatCall } from './format.ts';
import type { Distribution } from './types.ts';
import { requireMode, requireRange } from './validate.ts';

/**
 * Triangular distribution on [min, max] with peak at `mode` (min ≤ mode ≤ max): the simplest
 * "low / most likely / high" judgement. Mean (min + mode + max)/3, variance
 * (a² + b² + c² − ab − ac − bc)/18, by integrating the piecewise-linear density (see S. Kotz &
 * J. R. van Dorp, *Beyond Beta*, 2004, ch. 1). CDF piecewise quadratic; draws and quantiles by its closed-form
 * inverse, u < F(c) ? a + √(u(b−a)(c−a)) : b − √((1−u)(b−a)(b−c)), one random number per draw.
 *
 * @example
 * triangular(0, 1, 2).quantile(0.5); // 1
 * triangular(0, 0, 1).mean;          // 0.3333333333333333
 */
export function triangular(min: number, mode: number, max: number): Distribution {
  const [a, b] = requireRange(min, max);
  const c = requireMode(mode, a, b);
  const width = b - a;
  const left = c - a;
  const right = b - c;
  const peak = left / width; // F(c)
  const kLeft = width * left;
  const kRight = width * right;
  return makeDistribution({
    kind: 'triangular',
    params: { min: a, mode: c, max: b },
    label: formatCall('triangular', [
      ['min', a],
      ['mode', c],
      ['max', b],
    ]),
    mean: (a + b + c) / 3,
    variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18,
    support: [a, b],
    cdf: (x) => {
      if (x <= a) return 0;
      if (x >= b) return 1;
      if (x <= c) return ((x - a) * (x - a)) / kLeft;
      return 1 - ((b - x) * (b - x)) / kRight;
    },
    quantile: (u) => {
      if (!(u >= 0 && u <= 1)) return NaN;
      return u < peak ? a + Math.sqrt(u * kLeft) : b - Math.sqrt((1 - u) * kRight);
    },
    fill: (random, out, start, end) => {
      for (let i = start; i < end; i++) {
        const u = random();
        out[i] = u < peak ? a + Math.sqrt(u * kLeft) : b - Math.sqrt((1 - u) * kRight);
      }
    },
  });
}
