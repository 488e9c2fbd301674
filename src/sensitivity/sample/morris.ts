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
import { streamAt } from './stream-cursor.ts';
import { checkCount, checkRange, rowsInto } from './validate.ts';

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

/** The checked options: trajectories r, levels p, jump Δ. */
function checkMorris(k: number, options: MorrisOptions): { r: number; p: number; delta: number } {
  checkCount('k', k);
  const r = options.trajectories;
  checkCount('samples', r, 2);
  const p = options.levels ?? 4;
  if (!Number.isInteger(p) || p < 2 || p % 2 !== 0) throw new InputError('levels', p, 'an even integer >= 2 (the Morris grid jump is p/2 levels)');
  return { r, p, delta: (GRID_SPAN * (p / 2)) / (p - 1) };
}

/**
 * One trajectory at a time: its k + 1 rows, which factor moved on each and by how much. A trajectory
 * takes exactly 2k − 1 draws from the stream (k starting levels, k − 1 for the shuffle), so trajectory
 * t starts at draw t·(2k − 1): what lets `morrisRows` start anywhere.
 */
class Trajectory {
  readonly unit: Float64Array;
  readonly factor: Int32Array;
  readonly step: Float64Array;
  private readonly level: Int32Array;
  private readonly order: Int32Array;

  constructor(
    private readonly k: number,
    private readonly p: number,
    private readonly delta: number,
  ) {
    this.unit = new Float64Array((k + 1) * k);
    this.factor = new Int32Array(k + 1);
    this.step = new Float64Array(k + 1);
    this.level = new Int32Array(k);
    this.order = new Int32Array(k);
  }

  draw(random: () => number): void {
    const { k, p, delta, unit, factor, step, level, order } = this;
    const half = p / 2;
    const position = (l: number) => GRID_LOW + (GRID_SPAN * l) / (p - 1);
    for (let i = 0; i < k; i++) level[i] = Math.floor(random() * p);
    for (let i = 0; i < k; i++) order[i] = i;
    for (let i = k - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    factor[0] = -1;
    step[0] = 0;
    for (let i = 0; i < k; i++) unit[i] = position(level[i]);
    for (let s = 1; s <= k; s++) {
      const f = order[s - 1];
      if (level[f] < half) {
        level[f] += half;
        step[s] = delta;
      } else {
        level[f] -= half;
        step[s] = -delta;
      }
      factor[s] = f;
      for (let i = 0; i < k; i++) unit[s * k + i] = position(level[i]);
    }
  }
}

/** `into`: where to write the rows (r·(k + 1) × k values), else a new array. */
export function sampleMorris(k: number, options: MorrisOptions, into?: Float64Array): Design<MorrisLayout> {
  const { r, p, delta } = checkMorris(k, options);
  const rows = r * (k + 1);
  const unit = rowsInto(into, rows * k);
  const factor = new Int32Array(rows);
  const step = new Float64Array(rows);
  const random = stream(options.seed, 'morris');
  const trajectory = new Trajectory(k, p, delta);
  for (let t = 0; t < r; t++) {
    trajectory.draw(random);
    unit.set(trajectory.unit, t * (k + 1) * k);
    factor.set(trajectory.factor, t * (k + 1));
    step.set(trajectory.step, t * (k + 1));
  }
  return { unit, rows, k, layout: { method: 'morris', k, rows, trajectories: r, levels: p, delta, factor, step } };
}

/**
 * Rows [first, first + count) of `sampleMorris(k, options).unit`, without the others: the trajectories
 * that hold them, drawn from the stream at trajectory t's first draw t·(2k − 1) (`stream-cursor.ts`).
 *
 * @example morrisRows(8, { trajectories: 20, seed: '1' }, 90, 18).length // 144: trajectories 10 and 11
 */
export function morrisRows(k: number, options: MorrisOptions, first: number, count: number): Float64Array {
  const { r, p, delta } = checkMorris(k, options);
  checkRange(first, count, r * (k + 1));
  const unit = new Float64Array(count * k);
  if (count === 0) return unit;
  const t0 = Math.floor(first / (k + 1));
  const t1 = Math.floor((first + count - 1) / (k + 1));
  const cursor = streamAt(options.seed, 'morris', t0 * (2 * k - 1));
  cursor.save();
  const trajectory = new Trajectory(k, p, delta);
  for (let t = t0; t <= t1; t++) {
    trajectory.draw(cursor.next);
    // This trajectory's rows inside the range, as positions in the trajectory.
    const from = Math.max(first - t * (k + 1), 0);
    const to = Math.min(first + count - t * (k + 1), k + 1);
    unit.set(trajectory.unit.subarray(from * k, to * k), (t * (k + 1) + from - first) * k);
  }
  cursor.save();
  return unit;
}
