/**
 * Selections at the end of an exact-percentile run: the order statistics at given ranks of an
 * output's kept values, and optionally its histogram counts. A pure function of its request, so
 * the main thread and worker threads compute the same numbers.
 */
import { histogramCounts } from '../stats/histogram.ts';
import { orderStatistics } from '../stats/order-statistics.ts';

export interface SelectRequest {
  readonly values: Float64Array;
  readonly n: number;
  readonly ranks: readonly number[];
  readonly edges?: readonly number[];
  readonly scale?: 'linear' | 'log';
}

export interface Selected {
  readonly x: Float64Array;
  readonly counts?: number[];
}

/** Makes selections, possibly in parallel (the runner's workers); results in request order. */
export type Selector = (requests: readonly SelectRequest[]) => Promise<Selected[]>;

export function selectOne(r: SelectRequest): Selected {
  const x = r.ranks.length > 0 ? orderStatistics(r.values, r.n, r.ranks) : new Float64Array(0);
  return r.edges ? { x, counts: histogramCounts(r.values, r.n, r.edges, r.scale ?? 'linear') } : { x };
}

/** Selects on the calling thread. */
export const selectHere: Selector = async (requests) => requests.map(selectOne);
