import { makeDistribution } from './distribution.ts';
import { formatNumber } from './format.ts';
import type { Distribution } from './types.ts';
import { requireFinite } from './validate.ts';

/**
 * A constant: all mass at `value`. Samplers skip it and designs give it no dimension (`isConstant`);
 * `fill` writes the value and consumes no random numbers. `continuous` is false (a point mass).
 * Written in a model as a bare number (`700`), as `{ dist: 'constant', value: 700 }` or `constant(700)`.
 *
 * @example
 * const c = constant(700);
 * c.quantile(0.3); // 700
 * c.label;         // '700'
 */
export function constant(value: number): Distribution {
  const v = requireFinite('value', value);
  return makeDistribution({
    kind: 'constant',
    params: { value: v },
    label: formatNumber(v),
    isConstant: true,
    continuous: false,
    mean: v,
    variance: 0,
    support: [v, v],
    cdf: (x) => (x >= v ? 1 : x < v ? 0 : NaN),
    quantile: (u) => (u >= 0 && u <= 1 ? v : NaN),
    fill: (_random, out, start, end) => {
      out.fill(v, start, end);
    },
  });
}
