/**
 * Tornado design: one input at a time at its low and high quantiles (default p10 and p90) with every
 * other input at its median; 2k + 1 rows. Mirrors `analyze/tornado.ts`.
 *
 * A local, one-at-a-time method (e.g. Saltelli et al., "Global Sensitivity Analysis: The Primer", Wiley
 * 2008, §1.2; Howard, "Decision analysis: practice and promise", Management Science 34(6), 1988): it sees
 * no interactions and, for a model with correlated inputs, moves one input while its correlates stay at
 * their medians — combinations that the joint distribution may make unlikely.
 *
 * @example sampleTornado(2).unit // [.5,.5, .1,.5, .9,.5, .5,.1, .5,.9]
 */
import { InputError } from '../../errors.ts';
import type { Design, TornadoLayout } from '../types.ts';
import { checkCount, checkProbability, checkRange } from './validate.ts';

export interface TornadoOptions {
  /** Probability level of each input's low value (default 0.1). */
  readonly low?: number;
  /** Probability level of each input's high value (default 0.9). */
  readonly high?: number;
  /** Level at which the other inputs sit (default 0.5, the median). */
  readonly base?: number;
}

/** The three levels, checked. */
function levels(k: number, options: TornadoOptions): { low: number; high: number; base: number } {
  checkCount('k', k);
  const low = options.low ?? 0.1;
  const high = options.high ?? 0.9;
  const base = options.base ?? 0.5;
  checkProbability('tornado.low', low);
  checkProbability('tornado.high', high);
  checkProbability('tornado.base', base);
  if (!(low < high)) throw new InputError('tornado.high', high, `a probability above the low level ${low}`);
  return { low, high, base };
}

export function sampleTornado(k: number, options: TornadoOptions = {}): Design<TornadoLayout> {
  const { low, high, base } = levels(k, options);
  const rows = 2 * k + 1;
  const unit = tornadoRows(k, options, 0, rows);
  const blocks = [{ name: 'base', start: 0, rows: 1 }];
  for (let i = 0; i < k; i++) blocks.push({ name: `swing_${i}`, start: 1 + 2 * i, rows: 2 });
  return { unit, rows, k, layout: { method: 'tornado', k, rows, low, high, base, blocks } };
}

/**
 * Rows [first, first + count) of `sampleTornado(k, options).unit`: each row is known from its index
 * (row 1 + 2i moves input i low, row 2 + 2i high), so the design needs no state to seek.
 *
 * @example tornadoRows(2, {}, 3, 2) // [.5,.1, .5,.9]
 */
export function tornadoRows(k: number, options: TornadoOptions, first: number, count: number): Float64Array {
  const { low, high, base } = levels(k, options);
  checkRange(first, count, 2 * k + 1);
  const unit = new Float64Array(count * k).fill(base);
  for (let r = Math.max(first, 1); r < first + count; r++) unit[(r - first) * k + Math.floor((r - 1) / 2)] = r % 2 === 1 ? low : high;
  return unit;
}
