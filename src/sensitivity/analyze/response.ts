/** Small helpers shared by the analyses. */
import { InputError } from '../../errors.ts';
import type { Layout, Response } from '../types.ts';

/** Checks that the response has one value per design row. */
export function checkResponse(layout: Layout, y: Response): void {
  if (y.length !== layout.rows) {
    throw new InputError('y', `${y.length} values`, `one value per design row (${layout.rows} for this ${layout.method} design)`);
  }
}

/** Percentile-interval bounds for a confidence level: [(1 − level)/2, (1 + level)/2]. */
export function tails(level: number): [number, number] {
  if (!(level > 0 && level < 1)) throw new InputError('confidence', level, 'a level strictly between 0 and 1, e.g. 0.95');
  return [(1 - level) / 2, (1 + level) / 2];
}
