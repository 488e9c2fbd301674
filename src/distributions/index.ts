/**
 * Probability distributions for model parameters: one small factory per family (validate once,
 * precompute constants, return a `Distribution` with cdf, quantile, analytic moments and a fast
 * `fill`), plus the two readers of the model format, `fromSpec` (objects, numbers, strings) and
 * `parseDistribution` (the one-line string form that every `label` uses).
 */
export type { Distribution, DistributionSpec, RandomSource } from './types.ts';
export { constant } from './constant.ts';
export { uniform } from './uniform.ts';
export { normal } from './normal.ts';
export { lognormal, lognormalFromQuantiles } from './lognormal.ts';
export { triangular } from './triangular.ts';
export { pert } from './pert.ts';
export { beta } from './beta.ts';
export { gamma } from './gamma.ts';
export { discrete } from './discrete.ts';
export { mixture } from './mixture.ts';
export { truncate, TRUNCATABLE_KINDS } from './truncate.ts';
export {
  DISTRIBUTION_KINDS,
  DISTRIBUTION_FIELDS,
  DISTRIBUTION_POSITIONAL,
  isDistributionKind,
  type DistributionKind,
} from './kinds.ts';
export { fromSpec, DOCUMENTATION_FIELDS } from './fromSpec.ts';
export { parseDistribution, NUMBER_SUFFIXES } from './parse.ts';
export { formatNumber } from './format.ts';
export { standardNormal } from './variates/standardNormal.ts';
export { normalCdf, normalDensity } from './special/normalCdf.ts';
export { normalQuantile } from './special/normalQuantile.ts';
export { gammaP, gammaQ } from './special/gammaIncomplete.ts';
export { betaIncomplete, betaIncompleteComplement } from './special/betaIncomplete.ts';
export { logGamma } from './special/logGamma.ts';
