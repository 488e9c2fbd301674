/**
 * The library's `simulate(model, options)`: the CLI's `run` without the files. It resolves to
 * `{ summary, distributions }`, exactly what summary.json and distributions.json hold (the same
 * objects, read back from their JSON text, so nothing differs from the files, not even -0 or a
 * typed array). Options mirror `run`'s flags; errors are the CLI's typed errors (InputError,
 * ModelError, RunError; AbortedError or the signal's reason on abort), never an exit.
 */
import { DEFAULT_PERCENTILES, simulate as runSimulation, type PrecisionTarget } from '../engine/simulate.ts';
import type { PercentileMethod, Sampling } from '../engine/types.ts';
import { InputError } from '../errors.ts';
import { abortReason } from '../engine/runner.ts';
import type { Distributions, Summary } from '../results/types.ts';
import { openModel, type ModelInput } from './model.ts';
import {
  checkCallback,
  checkInteger,
  checkPercentileMethod,
  checkPercentiles,
  checkPrecision,
  checkPrecisionPercentile,
  checkSampling,
  checkSeed,
  checkSignal,
  DEFAULT_MAX_SAMPLES,
  DEFAULT_SAMPLES,
  MAX_SAMPLES,
} from './options.ts';

export interface SimulateOptions {
  /** `--samples`: how many samples (default 1,000,000). */
  readonly samples?: number;
  /** `--seed`: any text or number (default '1'); the same seed gives the same result for any worker count. */
  readonly seed?: string | number;
  /** `--workers`: worker threads; default one per core for a model file, 0 (in-process) for a model object, which allows only 0. */
  readonly workers?: number;
  /** `--sampling`: 'mc' (default), 'lhs' or 'sobol'. */
  readonly sampling?: Sampling;
  /** `--percentiles`: default [1, 5, 10, 25, 50, 75, 90, 95, 99]. */
  readonly percentiles?: readonly number[];
  /** `--percentile-method`: 'auto' (default: exact up to 10^7 samples, then ddsketch), 'exact' or 'ddsketch'. */
  readonly percentileMethod?: 'auto' | PercentileMethod;
  /** `--precision`: add samples until each targeted 95% interval is within ±precision (relative, e.g. 0.005) of its estimate. */
  readonly precision?: number;
  /** `--precision-output`: target only this output (default: p95 of every output, and every claim to ±0.005). */
  readonly precisionOutput?: string;
  /** `--precision-percentile`: the percentile to target with `precisionOutput` (default 95). */
  readonly precisionPercentile?: number;
  /** `--max-samples`: with `precision`, the most samples to take (default 10,000,000). */
  readonly maxSamples?: number;
  /** `--set`: replace parameters' distributions, e.g. `{ gpus: 'lognormal(p5=1e6, p95=2e6)' }`. */
  readonly set?: Readonly<Record<string, string>>;
  /** `--scenario`: apply one of the model's scenarios (`set` stacks on top); the result's `summary.scenario` names it. */
  readonly scenario?: string;
  /** Stops the run when aborted (e.g. `AbortSignal.timeout(60_000)`); the promise rejects and no thread is left running. */
  readonly signal?: AbortSignal;
  /** Called as chunks complete, with samples done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface SimulateResult {
  /** What summary.json holds. */
  readonly summary: Summary;
  /** What distributions.json holds. */
  readonly distributions: Distributions;
}

/**
 * Runs a model: percentiles, means and claim probabilities with their intervals.
 *
 * @example
 * const { summary } = await simulate('edunov-2023', { samples: 100_000, seed: 1 });
 * summary.outputs.annual_twh.percentiles.p50; // ≈ 12.4
 */
export async function simulate<P extends string, O extends string>(model: ModelInput<P, O>, options: SimulateOptions = {}): Promise<SimulateResult> {
  const o = options ?? {};
  const precision = o.precision === undefined ? undefined : checkPrecision(o.precision);
  const samples = precision !== undefined
    ? checkInteger('maxSamples', o.maxSamples ?? DEFAULT_MAX_SAMPLES, 1, MAX_SAMPLES)
    : checkInteger('samples', o.samples ?? DEFAULT_SAMPLES, 1, MAX_SAMPLES);
  const seed = checkSeed(o.seed ?? '1');
  const sampling = checkSampling(o.sampling ?? 'mc');
  const percentiles = o.percentiles === undefined ? [...DEFAULT_PERCENTILES] : checkPercentiles(o.percentiles);
  const percentileMethod = checkPercentileMethod(o.percentileMethod ?? 'auto');
  const precisionPercentile = checkPrecisionPercentile(o.precisionPercentile ?? 95);
  const onProgress = checkCallback<(done: number, total: number) => void>('onProgress', o.onProgress);
  const signal = checkSignal(o.signal);
  if (signal?.aborted) throw abortReason(signal);

  const { handle, workers } = await openModel(model, o.set, o.workers, o.scenario);
  const outputs = handle.model.outputs.map((x) => x.name);
  if (o.precisionOutput !== undefined) {
    if (!outputs.includes(o.precisionOutput)) throw new InputError('options.precisionOutput', o.precisionOutput, `an output of ${handle.model.name}: ${outputs.join(', ')}`);
    if (precision === undefined) throw new InputError('options.precisionOutput', o.precisionOutput, 'goes with options.precision (e.g. 0.005)');
  }
  const target: PrecisionTarget | undefined = precision === undefined
    ? undefined
    : { relative: precision, ...(o.precisionOutput !== undefined ? { targets: [{ output: o.precisionOutput, percentile: precisionPercentile }] } : {}) };

  const result = await runSimulation(handle, {
    samples,
    seed,
    workers,
    sampling,
    percentiles,
    percentileMethod,
    ...(target ? { precision: target } : {}),
    ...(onProgress ? { onProgress } : {}),
    ...(signal ? { signal } : {}),
  });
  return { summary: asWritten(result.summary), distributions: asWritten(result.distributions) };
}

/** A value as its JSON file holds it. */
export function asWritten<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
