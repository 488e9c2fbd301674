/**
 * Types shared by the sensitivity designs (`sample/`) and analyses (`analyze/`), which mirror each other
 * by method name as in SALib. Unlike SALib, a design records its own layout (which rows form which block,
 * which factor moved on which row), so an analysis never guesses the layout from array lengths.
 *
 * A design lives in the unit hypercube: `unit` is row-major, `rows` × `k`, column j being the j-th
 * NON-CONSTANT parameter of the model in model order, each value strictly inside (0, 1). The engine maps
 * each column through that parameter's inverse CDF (`dist.quantile(u)`).
 */

export type Interval = [lo: number, hi: number];

/** Rows `[start, start + rows)` of a design. */
export interface Block {
  readonly name: string;
  readonly start: number;
  readonly rows: number;
}

/** Tornado: row 0 has every input at `base` (the median); rows 1+2i and 2+2i move input i to `low` and `high`. */
export interface TornadoLayout {
  readonly method: 'tornado';
  readonly k: number;
  readonly rows: number;
  /** Probability levels: each input's low and high quantile, and the level the others sit at. */
  readonly low: number;
  readonly high: number;
  readonly base: number;
  readonly blocks: readonly Block[];
}

/**
 * Saltelli's scheme: blocks A (rows 0…N−1), B (N…2N−1) and AB_i (A with column i taken from B) at rows
 * (2+i)N … (3+i)N−1, for i = 0…k−1. Base row j of each block shares its index: A[j], B[j], AB_i[j].
 */
export interface SaltelliLayout {
  readonly method: 'saltelli';
  readonly k: number;
  readonly rows: number;
  /** Base sample size N. */
  readonly n: number;
  readonly blocks: readonly Block[];
  /** Where the unit points came from. */
  readonly sequence: {
    readonly kind: 'sobol';
    readonly directionNumbers: 'new-joe-kuo-6.21201';
    readonly dimensions: number;
    readonly randomisation: 'linear-matrix-scramble+digital-shift' | 'none';
    readonly seed: string | null;
    readonly skip: number;
  };
}

/**
 * Morris trajectories: trajectory t occupies rows t(k+1) … t(k+1)+k. On row s > 0 of a trajectory, factor
 * `factor[row]` moved by `step[row]` (in unit-probability terms, ±Δ) from the row above; the first row of
 * each trajectory has `factor = −1` and `step = 0`.
 */
export interface MorrisLayout {
  readonly method: 'morris';
  readonly k: number;
  readonly rows: number;
  /** Number of trajectories r. */
  readonly trajectories: number;
  /** Number of grid levels p (even). */
  readonly levels: number;
  /** The jump Δ on the unit-probability scale. */
  readonly delta: number;
  readonly factor: Int32Array;
  readonly step: Float64Array;
}

/** A plain Monte Carlo design (for Spearman and PRCC): `rows` independent draws, or rank-correlated ones. */
export interface MonteCarloLayout {
  readonly method: 'montecarlo';
  readonly k: number;
  readonly rows: number;
  readonly seed: string;
  /** Rank correlations imposed on the unit columns (Iman–Conover), as column-index triples `[i, j, rho]`. */
  readonly correlations: ReadonlyArray<readonly [number, number, number]>;
}

export type Layout = TornadoLayout | SaltelliLayout | MorrisLayout | MonteCarloLayout;

/** What every `sample/*` function returns. */
export interface Design<L extends Layout = Layout> {
  readonly unit: Float64Array;
  readonly rows: number;
  readonly k: number;
  readonly layout: L;
}

/** The response analysed: an output (any number) or a claim indicator (1 where it held). */
export type Response = Float64Array | Uint8Array;
