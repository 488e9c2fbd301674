/**
 * The sensitivity result: a contract (`sensitivity.json`), declared here only. `runSensitivity` returns
 * it, `write.ts` writes it, and the charts and the report read it back (`SensitivityReading`). Users and
 * tests script against these names: add fields, never rename one. Each method fills its own fields; the
 * others are `null`, so every parameter has the same keys whatever the method.
 */
import type { SensitivityMethod } from './registry.ts';
import type { Interval } from './types.ts';

export type { SensitivityMethod };

export interface ParameterIndices {
  /** First-order Sobol' index (Saltelli 2010 estimator) and its bootstrap 95% interval. */
  S1: number | null;
  S1CI95: Interval | null;
  /** Total-order Sobol' index (Jansen 1999 estimator) and its bootstrap 95% interval. */
  ST: number | null;
  STCI95: Interval | null;
  /** Spearman rank correlation with the response, Fisher-z 95% interval. */
  spearman: number | null;
  spearmanCI95: Interval | null;
  /** Partial rank correlation coefficient, Fisher-z 95% interval. */
  prcc: number | null;
  prccCI95: Interval | null;
  /** Morris: mean absolute elementary effect (Campolongo 2007) and the effects' standard deviation. */
  muStar: number | null;
  sigma: number | null;
  /** Tornado: the response with this input at its low / high quantile, the others at their medians. */
  low: number | null;
  high: number | null;
  // Added fields (beyond the list):
  /** Morris: mean elementary effect (signed) and a bootstrap 95% interval for mu*. */
  mu: number | null;
  muStarCI95: Interval | null;
  /** Tornado: |high − low|. */
  swing: number | null;
}

export type SensitivityTarget = { readonly output: string } | { readonly claim: string };

export interface SensitivityResult {
  readonly model: string;
  readonly title: string;
  /** `--scenario NAME`, when the study ran one of the model's scenarios (as summary.json's `scenario`). */
  readonly scenario?: string;
  readonly target: SensitivityTarget;
  readonly method: SensitivityMethod | 'all';
  /** `--samples` as used: Sobol' base N (rounded up to a power of two), Monte Carlo rows, or Morris trajectories. */
  readonly samples: number;
  readonly seed: string;
  /** Model evaluations made, all designs together. */
  readonly evaluations: number;
  readonly warnings: string[];
  /** By parameter name, in model order; constant parameters are not analysed (see `constants`). */
  readonly indices: Record<string, ParameterIndices>;
  /** Parameter names by decreasing importance, measured by `rankedBy`. */
  readonly ranking: string[];
  readonly rankedBy: 'ST' | 'prcc' | 'spearman' | 'muStar' | 'swing';
  /** Parameters held constant in this model (no design dimension). */
  readonly constants: string[];
  /** How each design was built and analysed. */
  readonly details: SensitivityDetails;
}

export interface SensitivityDetails {
  tornado?: { readonly evaluations: number; readonly lowProbability: number; readonly highProbability: number; readonly base: number | null };
  sobol?: {
    readonly evaluations: number;
    readonly n: number;
    readonly firstOrder: string;
    readonly totalOrder: string;
    readonly sequence: string;
    readonly resamples: number;
    readonly interval: string;
    readonly variance: number | null;
    readonly droppedRows: number;
  };
  morris?: {
    readonly evaluations: number;
    readonly trajectories: number;
    readonly levels: number;
    readonly delta: number;
    readonly scale: string;
  };
  montecarlo?: {
    readonly evaluations: number;
    readonly rows: number;
    readonly droppedRows: number;
    readonly correlations: string;
    readonly interval: string;
  };
}

/**
 * What the charts and the report read from a sensitivity.json (`src/charts/load.ts` checks a file into
 * it): the result's own fields, so the two cannot drift. Only what they draw is required: a folder
 * written by a later version (a method this one does not know) or by hand still charts, and a full
 * `SensitivityResult` is one.
 */
export interface SensitivityReading extends Pick<SensitivityResult, 'model' | 'target' | 'samples' | 'seed' | 'evaluations' | 'warnings' | 'indices'> {
  /** A method name or `all` (text: a later version may name a method this one does not know). */
  readonly method: string;
  /** The tornado's all-medians response (`base`) is what the tornado chart starts its bars from. */
  readonly details: { readonly tornado?: Pick<NonNullable<SensitivityDetails['tornado']>, 'base'> };
}

/**
 * How each field reads: `index` — a share of variance or a correlation, on a −1…1 scale (three decimals,
 * `formatIndex`); `value` — in the target's own units (`formatNumber`). Tables and the report format by it.
 */
export const INDEX_SCALES: { readonly [K in keyof ParameterIndices]: 'index' | 'value' } = {
  S1: 'index',
  S1CI95: 'index',
  ST: 'index',
  STCI95: 'index',
  spearman: 'index',
  spearmanCI95: 'index',
  prcc: 'index',
  prccCI95: 'index',
  muStar: 'value',
  sigma: 'value',
  low: 'value',
  high: 'value',
  mu: 'value',
  muStarCI95: 'value',
  swing: 'value',
};

export function emptyIndices(): ParameterIndices {
  return {
    S1: null,
    S1CI95: null,
    ST: null,
    STCI95: null,
    spearman: null,
    spearmanCI95: null,
    prcc: null,
    prccCI95: null,
    muStar: null,
    sigma: null,
    low: null,
    high: null,
    mu: null,
    muStarCI95: null,
    swing: null,
  };
}

/** A number for JSON: null when not finite. */
export function num(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** An interval for JSON: null unless both ends are finite. */
export function interval(ci: Interval): Interval | null {
  return Number.isFinite(ci[0]) && Number.isFinite(ci[1]) ? [ci[0], ci[1]] : null;
}
