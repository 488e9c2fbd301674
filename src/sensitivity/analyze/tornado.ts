/**
 * Tornado analysis of a tornado design (`sample/tornado.ts`): for each input, the response with that
 * input at its low quantile (`low`) and at its high quantile (`high`), the others at their medians, and
 * the swing |high − low|. `order` lists the inputs by decreasing swing, the bars of a tornado chart
 * from the top.
 *
 * `low` and `high` name the input's level, not the response's: a decreasing effect has high < low.
 *
 * @example analyzeTornado(sampleTornado(2).layout, Float64Array.of(1, 0, 2, 1, 1)) // swing [2, 0], order [0, 1]
 */
import type { Response, TornadoLayout } from '../types.ts';
import { checkResponse } from './response.ts';

export interface TornadoResult {
  /** Response with every input at its median. */
  readonly base: number;
  readonly low: Float64Array;
  readonly high: Float64Array;
  readonly swing: Float64Array;
  /** Input indices by decreasing swing (non-finite swings last). */
  readonly order: number[];
}

export function analyzeTornado(layout: TornadoLayout, y: Response): TornadoResult {
  checkResponse(layout, y);
  const k = layout.k;
  const low = new Float64Array(k);
  const high = new Float64Array(k);
  const swing = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    low[i] = y[1 + 2 * i];
    high[i] = y[2 + 2 * i];
    swing[i] = Math.abs(high[i] - low[i]);
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => rankKey(swing[b]) - rankKey(swing[a]) || a - b);
  return { base: y[0], low, high, swing, order };
}

function rankKey(v: number): number {
  return Number.isFinite(v) ? v : -Infinity;
}
