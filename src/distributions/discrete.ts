import { InputError } from '../errors.ts';
import { makeDistribution } from './distribution.ts';
import { formatCall, type LabelValue } from './format.ts';
import type { Distribution } from './types.ts';
import { requireFinite } from './validate.ts';

/**
 * Discrete distribution: `values[i]` with probability proportional to `weights[i]` (all equal when
 * weights are omitted). Duplicate values pool their weight. `params` keeps the values and weights
 * as written and adds the normalised `probabilities`.
 *
 * Draws by Walker's alias method (A. J. Walker 1977, *ACM TOMS* 3(3):253) with Vose's linear-time
 * table construction (M. D. Vose 1991, *IEEE Trans. Software Eng.* 17(9):972): one random number per
 * draw, whose integer part picks a column and whose fraction picks the value or its alias. The
 * engine's uniforms have 32 random bits (`src/engine/plan.ts`), so beyond 256 values (8 bits for the
 * column) the coin would be coarser than 24 bits: it then takes a draw of its own.
 * CDF and quantile by binary search on the cumulative probabilities of the sorted values.
 *
 * @example
 * const d = discrete([1, 2, 3], [0.2, 0.3, 0.5]);
 * d.mean;           // 2.3
 * d.quantile(0.25); // 2
 */
/** Up to this many values one uniform picks both the column and the coin. */
const SHARED_DRAW_MAX = 256;

export function discrete(values: readonly number[], weights?: readonly number[]): Distribution {
  if (!Array.isArray(values) || values.length === 0) {
    throw new InputError('values', values, 'values must be a non-empty array of finite numbers');
  }
  const n = values.length;
  values.forEach((v, i) => requireFinite(`values[${i}]`, v));
  let w: number[];
  if (weights === undefined) {
    w = new Array<number>(n).fill(1);
  } else {
    if (!Array.isArray(weights)) throw new InputError('weights', weights, 'weights must be an array of finite numbers ≥ 0');
    if (weights.length !== n) {
      throw new InputError('weights', weights, `weights must have one entry per value (${n} values, ${weights.length} weights)`);
    }
    w = weights.map((x, i) => {
      const v = requireFinite(`weights[${i}]`, x, `weights[${i}] must be a finite number ≥ 0`);
      if (v < 0) throw new InputError(`weights[${i}]`, x, `weights[${i}] must be a finite number ≥ 0`);
      return v;
    });
  }
  const total = w.reduce((s, x) => s + x, 0);
  if (!(total > 0) || !Number.isFinite(total)) {
    throw new InputError('weights', weights, 'weights must sum to a finite number > 0');
  }
  const probabilities = w.map((x) => x / total);

  // Sorted support with pooled duplicates, for cdf and quantile.
  const pooled = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = Object.is(values[i], -0) ? 0 : values[i];
    pooled.set(key, (pooled.get(key) ?? 0) + probabilities[i]);
  }
  const support = [...pooled.entries()].filter(([, p]) => p > 0).sort((a, b) => a[0] - b[0]);
  const sortedValues = Float64Array.from(support, ([v]) => v);
  const cumulative = new Float64Array(support.length);
  let running = 0;
  support.forEach(([, p], i) => {
    running += p;
    cumulative[i] = running;
  });
  cumulative[support.length - 1] = 1;
  let mean = 0;
  for (const [v, p] of support) mean += p * v;
  let variance = 0;
  for (const [v, p] of support) variance += p * (v - mean) * (v - mean);

  const { prob, alias } = aliasTable(probabilities);
  const columnValue = Float64Array.from(values);
  const aliasValue = Float64Array.from(alias, (j) => values[j]);
  const last = sortedValues.length - 1;

  const entries: Array<readonly [string, LabelValue]> = [['values', values]];
  if (weights !== undefined) entries.push(['weights', weights]);
  return makeDistribution({
    kind: 'discrete',
    params: { values, weights: w, probabilities },
    label: formatCall('discrete', entries),
    continuous: false,
    mean,
    variance,
    support: [sortedValues[0], sortedValues[last]],
    cdf: (x) => {
      if (Number.isNaN(x)) return NaN;
      // Largest i with sortedValues[i] <= x.
      let lo = -1;
      let hi = last + 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (sortedValues[mid] <= x) lo = mid;
        else hi = mid;
      }
      return lo < 0 ? 0 : cumulative[lo];
    },
    quantile: (u) => {
      if (!(u >= 0 && u <= 1)) return NaN;
      // Smallest i with cumulative[i] >= u.
      let lo = 0;
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] >= u) hi = mid;
        else lo = mid + 1;
      }
      return sortedValues[lo];
    },
    fill: n <= SHARED_DRAW_MAX ? (random, out, start, end) => {
      for (let i = start; i < end; i++) {
        const t = random() * n;
        const j = t | 0;
        out[i] = t - j < prob[j] ? columnValue[j] : aliasValue[j];
      }
    } : (random, out, start, end) => {
      for (let i = start; i < end; i++) {
        const j = (random() * n) | 0;
        out[i] = random() < prob[j] ? columnValue[j] : aliasValue[j];
      }
    },
  });
}

/** Vose's alias table for probabilities p (summing to 1): column j keeps itself with probability prob[j]. */
function aliasTable(p: readonly number[]): { prob: Float64Array; alias: Int32Array } {
  const n = p.length;
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = p.map((x) => x * n);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((x, i) => (x < 1 ? small : large).push(i));
  while (small.length > 0 && large.length > 0) {
    const s = small.pop() as number;
    const l = large.pop() as number;
    prob[s] = scaled[s];
    alias[s] = l;
    scaled[l] = scaled[l] + scaled[s] - 1;
    (scaled[l] < 1 ? small : large).push(l);
  }
  // Leftovers are 1 up to rounding.
  for (const i of large) {
    prob[i] = 1;
    alias[i] = i;
  }
  for (const i of small) {
    prob[i] = 1;
    alias[i] = i;
  }
  return { prob, alias };
}
