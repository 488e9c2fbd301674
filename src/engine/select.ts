/**
 * Selections at the end of an exact-percentile run: the order statistics at given ranks of an
 * output's kept values (and of earlier prefixes of them, in the same passes), and optionally its
 * histogram counts. A pure function of its request, so the main thread and worker threads
 * compute the same numbers.
 */
import { histogramCounts } from '../stats/histogram.ts';
import { prefixOrderStatistics, type PrefixRanks } from '../stats/order-statistics.ts';

export interface SelectRequest {
  readonly values: Float64Array;
  readonly n: number;
  readonly ranks: readonly number[];
  /** Ranks wanted in shorter prefixes values[0..p.n) too (the convergence points). */
  readonly prefixes?: readonly PrefixRanks[];
  readonly edges?: readonly number[];
  readonly scale?: 'linear' | 'log';
}

export interface Selected {
  readonly x: Float64Array;
  /** Per prefix asked, its values at its ranks. */
  readonly prefixX?: Float64Array[];
  readonly counts?: number[];
}

/** Makes selections, possibly in parallel (the runner's workers); results in request order. */
export type Selector = (requests: readonly SelectRequest[]) => Promise<Selected[]>;

export function selectOne(r: SelectRequest): Selected {
  const prefixes = r.prefixes ?? [];
  const [x, ...prefixX] = prefixOrderStatistics(r.values, [{ n: r.n, ranks: r.ranks }, ...prefixes]);
  return {
    x,
    ...(prefixes.length > 0 ? { prefixX } : {}),
    ...(r.edges ? { counts: histogramCounts(r.values, r.n, r.edges, r.scale ?? 'linear') } : {}),
  };
}

/** Selects on the calling thread. */
export const selectHere: Selector = async (requests) => requests.map(selectOne);
