/**
 * ai-energy-mc as a library: the engine behind the CLI, without the files.
 *
 * ```js
 * import { simulate, sensitivity, defineModel, parseDistribution } from 'ai-energy-mc';
 *
 * const model = defineModel({
 *   name: 'my-fleet',
 *   parameters: { gpus: '1e6 to 2e6', watts: { dist: 'pert', min: 500, mode: 700, max: 1000, unit: 'W' } },
 *   outputs: { annual_twh: { unit: 'TWh/yr' } },
 *   compute: (p) => ({ annual_twh: (p.gpus * p.watts * 8760) / 1e12 }),
 *   claims: { under_ten: (o) => o.annual_twh < 10 },
 * });
 * const { summary } = await simulate(model, { samples: 100_000, seed: 1 });
 * summary.outputs.annual_twh.percentiles.p50; // ≈ 9.8
 * ```
 *
 * `simulate` and `sensitivity` take a model object, the path of a model file, or a built-in
 * model's name (see `src/api/model.ts` for how each runs), and resolve to what summary.json /
 * distributions.json and sensitivity.json hold. Failures are typed errors, as the CLI's are.
 */
export { simulate, type SimulateOptions, type SimulateResult } from './api/simulate.ts';
export { sensitivity, type SensitivityOptions } from './api/sensitivity.ts';
export type { ModelInput } from './api/model.ts';
export { parseDistribution } from './api/distribution.ts';
export { defineModel } from './model/types.ts';
export type { ClaimFn, ClaimInput, ModelDefinition, OutputSpec, ParameterDocs, ParameterInput, Values } from './model/types.ts';
export type { Distribution, RandomSource } from './distributions/types.ts';
export type { PercentileMethod, Sampling } from './engine/types.ts';
export type { ClaimSummary, Distributions, Interval, OutputDistribution, OutputSummary, PrecisionReport, Summary } from './results/types.ts';
export type { ParameterIndices, SensitivityDetails, SensitivityMethod, SensitivityResult, SensitivityTarget } from './sensitivity/index.ts';
export { InputError, InterruptedError, ModelError, RunError } from './errors.ts';
export { AbortedError } from './engine/runner.ts';
export { ENGINE_VERSION as version } from './version.ts';
