/**
 * The shapes of the files in a results folder. These names are a contract: users and
 * tests script against them. Add fields; never rename one.
 *
 * Numbers: every statistic is computed without overflow, so it is finite whenever its true value
 * is a double. One that is not (the standard deviation or a 95% interval end of values spanning
 * nearly ±1.8e308) is written as `null`, JSON having no Infinity, and `summary.warnings` names the
 * output and the statistic. A standard deviation or interval of fewer than two samples is `null`
 * too (NaN: undefined, not overflowed). Readers treat `null` as "no value" (`charts/load.ts`).
 */

export type Interval = [lo: number, hi: number];

export interface OutputSummary {
  readonly unit: string;
  /** The model's label for this output, when it declares one. */
  readonly label?: string;
  /** Finite samples that entered the statistics. */
  readonly count: number;
  /** Samples where compute returned NaN or ±Infinity for this output (excluded from statistics). */
  readonly nonFinite: number;
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
  readonly meanCI95: Interval;
  /** Keys are `p` plus the percentile as written: `p5`, `p50`, `p2.5`, `p97.5`. */
  readonly percentiles: Readonly<Record<string, number>>;
  readonly percentileCI95: Readonly<Record<string, Interval>>;
}

export interface ClaimSummary {
  readonly probability: number;
  readonly ci95: Interval;
  /** Samples where the claim held / was evaluated. */
  readonly holds: number;
  readonly count: number;
  readonly description?: string;
  /** Present when the claim is declared as data: it holds when `outputs[output] op value`. */
  readonly output?: string;
  readonly op?: '<' | '<=' | '>' | '>=';
  readonly value?: number;
}

export interface Summary {
  readonly model: string;
  readonly title: string;
  /** The scenario applied (`--scenario NAME`); absent for the base model. */
  readonly scenario?: string;
  /** The output the model declares `primary` (its answer), if any. */
  readonly primaryOutput?: string;
  readonly samples: number;
  readonly seed: string;
  readonly workers: number;
  /**
   * Present when the chunks ran on the workers of a Redis queue (`run … --queue URL`): where, and
   * how the work was spread. Like `workers`, it describes the run, never its numbers: every other
   * field is the same as the one-machine run's.
   */
  readonly queue?: QueuePlacement;
  /** Present when the run was merged from shards (`run … --shard I/N`, then `merge`). */
  readonly shard?: ShardPlacement;
  readonly sampling: 'mc' | 'lhs' | 'sobol';
  readonly engineVersion: string;
  /** `'exact'` (order statistics of every sample) or the sketch's name (`'ddsketch'`). */
  readonly percentileMethod: string;
  /** Bound on the relative error of every percentile: 0 when exact, the sketch's alpha otherwise. */
  readonly relativeError: number;
  /** Present when the run was asked for a precision target (`--precision`). */
  readonly precision?: PrecisionReport;
  readonly outputs: Readonly<Record<string, OutputSummary>>;
  readonly claims: Readonly<Record<string, ClaimSummary>>;
  /**
   * What a reader of these numbers must know (many non-finite values, statistics that
   * overflowed, …), one sentence each; also printed on stderr as `warning: …`. Empty when none.
   */
  readonly warnings: readonly string[];
}

/** Where a queued run ran (summary.json's `queue`). */
export interface QueuePlacement {
  /** The queue's URL as `redis://host:port/db` (or `rediss://`): never its password. */
  readonly url: string;
  /** Distinct worker processes that returned results for this run. */
  readonly workers: number;
  /** Jobs (batches of chunks) whose results the run used; an exact run's refinement passes, which run chunks again, are not counted. */
  readonly jobs: number;
  /** Jobs run again after the worker holding them stopped (their duplicate results dropped). */
  readonly retried: number;
}

/** How a merged run was cut (summary.json's `shard`). */
export interface ShardPlacement {
  /** The number of shards merged (`N` of `--shard I/N`). */
  readonly count: number;
}

/** What a precision-targeted run aimed at and reached. `samples` in the summary says how many it took. */
export interface PrecisionReport {
  /** Wanted relative half-width of each targeted percentile's 95% interval. */
  readonly relative: number;
  readonly targets: ReadonlyArray<{ readonly output: string; readonly percentile: string }>;
  /** Wanted absolute half-width of every claim's 95% interval (default targets only). */
  readonly claimAbsolute?: number;
  /** Largest relative half-width measured among the targets held to a relative half-width. */
  readonly worstRelativeHalfWidth: number;
  readonly worstClaimHalfWidth?: number;
  /** False when the sample cap was reached first. */
  readonly met: boolean;
  /**
   * Targets whose 95% interval reached the smallest or largest sample: too few samples to bound
   * it, so never counted as met (present when there are any). `needed`: the fewest finite
   * samples that can bound it.
   */
  readonly unbounded?: ReadonlyArray<{ readonly output: string; readonly percentile: string; readonly needed: number }>;
  /**
   * Targets whose estimate is 0, where a relative half-width is undefined: held instead to the
   * absolute half-width `absolute` = relative × max(|p5|, |p95|) of the same output (present
   * when there are any). `halfWidth` is what was measured.
   */
  readonly absoluteTargets?: ReadonlyArray<{ readonly output: string; readonly percentile: string; readonly absolute: number; readonly halfWidth: number }>;
}

/** `distributions.json`: what the charts need beyond summary.json, from the same samples. */
export interface OutputDistribution {
  readonly unit: string;
  /** A fine quantile grid: `x[i]` is the `p[i]` quantile (p in (0, 1)). */
  readonly quantiles: { readonly p: readonly number[]; readonly x: readonly number[] };
  /** Counts of finite samples in bins; `edges.length === counts.length + 1`. */
  readonly histogram: { readonly scale: 'linear' | 'log'; readonly edges: readonly number[]; readonly counts: readonly number[] };
  /** Running estimates at growing sample counts (prefixes of the chunk sequence). */
  readonly convergence: {
    readonly n: readonly number[];
    readonly mean: readonly number[];
    readonly meanCI95: readonly Interval[];
    readonly p50: readonly number[];
    readonly p95: readonly number[];
    readonly p95CI95: readonly Interval[];
    /** The median's 95% interval at each point (absent in files written before it was recorded). */
    readonly p50CI95?: readonly Interval[];
  };
}

export interface Distributions {
  readonly model: string;
  readonly outputs: Readonly<Record<string, OutputDistribution>>;
}

export interface ManifestParameter {
  readonly dist: string;
  readonly label: string;
  readonly params: Readonly<Record<string, number | readonly number[]>>;
  readonly unit?: string;
  readonly source?: string;
  readonly description?: string;
  /** Set when `--set` replaced the model file's distribution. */
  readonly overridden?: string;
  /** Set when the applied scenario (manifest `scenario`) replaced it, and no `--set` did: its value as `--set` text. */
  readonly fromScenario?: string;
}

/** `manifest.json`: everything needed to say what produced a results folder. */
export interface Manifest {
  readonly model: string;
  readonly title: string;
  readonly description?: string;
  readonly modelFile: string;
  readonly modelFileSha256: string;
  readonly command: readonly string[];
  readonly seed: string;
  readonly samples: number;
  readonly workers: number;
  readonly sampling: string;
  readonly chunkSize: number;
  readonly percentiles: readonly number[];
  readonly overrides: Readonly<Record<string, string>>;
  readonly parameters: Readonly<Record<string, ManifestParameter>>;
  /** The scenario applied, if any (see summary.json). */
  readonly scenario?: string;
  readonly outputs: Readonly<
    Record<
      string,
      {
        readonly unit?: string;
        readonly description?: string;
        readonly label?: string;
        readonly primary?: boolean;
        readonly references?: ReadonlyArray<{ readonly label: string; readonly value: number }>;
        readonly series?: { readonly name: string; readonly x: number };
      }
    >
  >;
  readonly claims: Readonly<
    Record<string, { readonly description?: string; readonly output?: string; readonly op?: '<' | '<=' | '>' | '>='; readonly value?: number }>
  >;
  readonly correlations: ReadonlyArray<readonly [string, string, number]>;
  readonly versions: Readonly<Record<string, string>>;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly wallSeconds: number;
}
