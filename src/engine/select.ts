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
  /** Whose values these are: a selector that holds none (`remote-select.ts`) finds them by it. */
  readonly output?: number;
  /**
   * The histogram a later request will ask of the same values, as a function of this request's
   * order statistics: a selector that must fetch values brings those near its edges in the same pass.
   */
  readonly nextEdges?: (x: Float64Array) => { readonly edges: readonly number[]; readonly scale: 'linear' | 'log' } | undefined;
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

/**
 * Splits selections, largest first, between `workers` worker threads and the calling thread,
 * each to whichever has the least work so far (workers first on a tie): the main thread waits for
 * the selections anyway, so it takes the share of one more worker. With no worker threads
 * (in-process runs) everything stays with the runner.
 */
export function shareOut<T extends { readonly n: number }>(largestFirst: readonly T[], workers: number): { here: T[]; there: T[] } {
  if (workers <= 0) return { here: [], there: [...largestFirst] };
  const load = new Array<number>(workers + 1).fill(0);
  const here: T[] = [];
  const there: T[] = [];
  for (const task of largestFirst) {
    let slot = 0;
    for (let s = 1; s < load.length; s++) if (load[s] < load[slot]) slot = s;
    load[slot] += task.n;
    (slot === workers ? here : there).push(task);
  }
  return { here, there };
}
