/** Shared preparation for Spearman and PRCC: rank-transformed inputs and response over finite rows. */
import { InputError } from '../../errors.ts';
import { averageRanks } from '../stats/rank.ts';
import type { MonteCarloLayout, Response } from '../types.ts';
import { checkResponse } from './response.ts';

export interface RankedData {
  /** Rows used (finite response and inputs). */
  readonly n: number;
  readonly dropped: number;
  /** Column-major ranks: input i's ranks at `x[i]`. */
  readonly x: Float64Array[];
  readonly y: Float64Array;
}

/**
 * `values` is the design's input matrix, row-major rows × k: the parameter values (the unit design mapped
 * through each inverse CDF) or the unit design itself; only the ranks matter, but the mapped values get
 * the ties of discrete inputs right.
 */
export function rankData(layout: MonteCarloLayout, y: Response, values: Float64Array): RankedData {
  checkResponse(layout, y);
  const { k, rows } = layout;
  if (values.length !== rows * k) throw new InputError('values', `${values.length} values`, `rows × k = ${rows * k} input values`);
  const keep: number[] = [];
  for (let r = 0; r < rows; r++) {
    let ok = Number.isFinite(y[r]);
    for (let i = 0; ok && i < k; i++) ok = Number.isFinite(values[r * k + i]);
    if (ok) keep.push(r);
  }
  const n = keep.length;
  const column = new Float64Array(n);
  const x: Float64Array[] = [];
  for (let i = 0; i < k; i++) {
    for (let t = 0; t < n; t++) column[t] = values[keep[t] * k + i];
    x.push(averageRanks(column));
  }
  for (let t = 0; t < n; t++) column[t] = y[keep[t]];
  return { n, dropped: rows - n, x, y: averageRanks(column) };
}
