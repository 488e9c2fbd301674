/**
 * Morris elementary-effects design: r random one-at-a-time trajectories on a p-level grid.
 * Mirrors `analyze/morris.ts`.
 *
 * M. D. Morris, "Factorial sampling plans for preliminary computational experiments", Technometrics
 * 33(2), 161–174, 1991. Each trajectory starts at a random grid point and moves every input once, in a
 * random order, by a jump of p/2 levels (Morris's recommended Δ = p / (2(p − 1)) on his grid), so k + 1
 * rows give one elementary effect per input; cost r·(k + 1).
 *
 * The grid is Morris's own, {0, 1/(p−1), …, 1}, laid on the probability scale between the 1st and 99th
 * percentiles: u = 0.01 + 0.98·level/(p−1). Its ends cannot be 0 and 1 because the inverse CDF of an
 * unbounded input (normal, lognormal) is infinite there; the 1st–99th percentile span keeps 98% of the
 * range while moving inputs into their tails no further than a Monte Carlo run often does. A jump of p/2
 * levels is Morris's recommended Δ = p/(2(p−1)) of the grid's span (0.653 in probability for p = 4). A
 * point on the lower half of the grid moves up, one on the upper half moves down, so with uniformly random
 * starting levels each grid point and each direction is equally likely (Morris's random orientation matrix
 * D*). Elementary effects are per unit of probability, comparable across inputs whatever their units (as
 * SALib scales them per unit of the normalised range).
 *
 * An earlier version put the levels at the centres of p equiprobable strata (SimLab's choice); its jump is
 * exactly half a probability unit, which is blind to effects with that period — Ishigami's x2 (sin² x2 on
 * [−π, π]) then shows mu* = 0 although S1 = 0.44. Morris's grid has no such coincidence there.
 *
 * Campolongo et al.'s selection of well-spread trajectories (Environ. Model. Softw. 22, 2007, §3) is not
 * applied: trajectories are independent random draws.
 *
 * @example sampleMorris(8, { trajectories: 20, seed: '1' }).rows // 180 = 20 · 9
 */
import { InputError } from '../../errors.ts';
import { stream } from '../../sampling/random.ts';
import type { Design, MorrisLayout } from '../types.ts';
import { checkCount } from './validate.ts';

export interface MorrisOptions {
  /** Number of trajectories r. */
  readonly trajectories: number;
  /** Number of grid levels p, even (default 4). */
  readonly levels?: number;
  readonly seed: string;
}

/** The grid's ends in probability: the 1st and 99th percentiles of each input. */
const GRID_LOW = 0.01;
const GRID_SPAN = 0.98;

export function sampleMorris(k: number, options: MorrisOptions): Design<MorrisLayout> {
  checkCount('k', k);
  const r = options.trajectories;
  checkCount('samples', r, 2);
  const p = options.levels ?? 4;
  if (!Number.isInteger(p) || p < 2 || p % 2 !== 0) throw new InputError('levels', p, 'an even integer >= 2 (the Morris grid jump is p/2 levels)');
  const half = p / 2;
  const position = (l: number) => GRID_LOW + (GRID_SPAN * l) / (p - 1);
  const delta = (GRID_SPAN * half) / (p - 1);
  const rows = r * (k + 1);
  const unit = new Float64Array(rows * k);
  const factor = new Int32Array(rows);
  const step = new Float64Array(rows);
  const random = stream(options.seed, 'morris');
  const level = new Int32Array(k);
  const order = new Int32Array(k);
  for (let t = 0; t < r; t++) {
    for (let i = 0; i < k; i++) level[i] = Math.floor(random() * p);
    for (let i = 0; i < k; i++) order[i] = i;
    for (let i = k - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    const first = t * (k + 1);
    factor[first] = -1;
    for (let i = 0; i < k; i++) unit[first * k + i] = position(level[i]);
    for (let s = 1; s <= k; s++) {
      const row = first + s;
      const f = order[s - 1];
      if (level[f] < half) {
        level[f] += half;
        step[row] = delta;
      } else {
        level[f] -= half;
        step[row] = -delta;
      }
      factor[row] = f;
      for (let i = 0; i < k; i++) unit[row * k + i] = position(level[i]);
    }
  }
  return { unit, rows, k, layout: { method: 'morris', k, rows, trajectories: r, levels: p, delta, factor, step } };
}
