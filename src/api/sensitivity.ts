/**
 * The library's `sensitivity(model, options)`: the CLI's `sensitivity` without the files. It
 * resolves to what sensitivity.json holds. The sensitivity package is imported only when this is
 * called, so a program that only simulates never loads it.
 */
import type { SensitivityMethod, SensitivityResult } from '../sensitivity/index.ts';
import { abortReason } from '../engine/runner.ts';
import { openModel, type ModelInput } from './model.ts';
import { checkCallback, checkInteger, checkSeed, checkSignal, DEFAULT_SENSITIVITY_SAMPLES, MAX_SAMPLES } from './options.ts';
import { asWritten } from './simulate.ts';

export interface SensitivityOptions {
  /** `--method`: 'tornado', 'spearman', 'prcc', 'sobol', 'morris' or 'all' (default). */
  readonly method?: SensitivityMethod | 'all';
  /** `--output`: the output to analyse (default: the model's first). */
  readonly output?: string;
  /** `--claim`: analyse whether this claim holds (its 0/1 indicator) instead of an output. */
  readonly claim?: string;
  /** `--samples`: Sobol' base sample N (cost N·(k+2)), Monte Carlo rows for spearman/prcc, trajectories for morris (default 8192). */
  readonly samples?: number;
  /** `--seed`: default '1'; the same seed gives the same indices for any worker count. */
  readonly seed?: string | number;
  /** `--workers`: as for `simulate`. */
  readonly workers?: number;
  /** `--set`: replace parameters' distributions. */
  readonly set?: Readonly<Record<string, string>>;
  /** `--scenario`: analyse one of the model's scenarios (`set` stacks on top). */
  readonly scenario?: string;
  readonly signal?: AbortSignal;
  /** Called as model evaluations complete, with evaluations done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Which inputs decide an output or a claim: tornado swings, Spearman and partial rank
 * correlations, Sobol' indices, Morris screening, with a ranking.
 *
 * @example
 * const result = await sensitivity('edunov-2023', { method: 'sobol', samples: 1024 });
 * result.ranking[0]; // the most influential input
 */
export async function sensitivity<P extends string, O extends string>(model: ModelInput<P, O>, options: SensitivityOptions = {}): Promise<SensitivityResult> {
  const o = options ?? {};
  const samples = checkInteger('samples', o.samples ?? DEFAULT_SENSITIVITY_SAMPLES, 1, MAX_SAMPLES);
  const seed = checkSeed(o.seed ?? '1');
  const onProgress = checkCallback<(done: number, total: number) => void>('onProgress', o.onProgress);
  const signal = checkSignal(o.signal);
  if (signal?.aborted) throw abortReason(signal);
  const { runSensitivity } = await import('../sensitivity/index.ts');
  const { handle, workers } = await openModel(model, o.set, o.workers, o.scenario);
  const result = await runSensitivity(handle, {
    method: o.method ?? 'all',
    ...(o.output !== undefined ? { output: o.output } : {}),
    ...(o.claim !== undefined ? { claim: o.claim } : {}),
    samples,
    seed,
    workers,
    ...(onProgress ? { onProgress } : {}),
    ...(signal ? { signal } : {}),
  });
  return asWritten(result);
}
