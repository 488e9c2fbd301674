/**
 * Sensitivity studies: which inputs decide an output or a claim. The package's public face: the library
 * entry re-exports from here. `runSensitivity` builds the designs, evaluates them in the worker pool and
 * analyses them; `writeSensitivity` writes the results folder (`sensitivityFiles` gives its files).
 * Methods are registry entries (`registry.ts`): designs (`sample/`) and analyses (`analyze/`) mirror each
 * other by method name, as in SALib, and every design records its layout. See `run.ts` for the stages and
 * `result.ts` for the result contract.
 */
export { runSensitivity, type SensitivityOptions } from './run.ts';
export { writeSensitivity, sensitivityFiles, sensitivityCsv, sensitivityJson, sensitivityMarkdown } from './write.ts';
export { SENSITIVITY_METHODS, parseMethod, type SensitivityMethod } from './registry.ts';
export { checkTarget } from './target.ts';
export type { ParameterIndices, SensitivityDetails, SensitivityReading, SensitivityResult, SensitivityTarget } from './result.ts';
export type { Block, Design, Interval, Layout, MonteCarloLayout, MorrisLayout, Response, SaltelliLayout, TornadoLayout } from './types.ts';
export { sampleTornado, type TornadoOptions } from './sample/tornado.ts';
export { sampleSaltelli, type SaltelliOptions } from './sample/saltelli.ts';
export { sampleMorris, type MorrisOptions } from './sample/morris.ts';
export { sampleMonteCarlo, type MonteCarloOptions } from './sample/montecarlo.ts';
export { analyzeTornado, type TornadoResult } from './analyze/tornado.ts';
export { analyzeSobol, type SobolAnalyzeOptions, type SobolIndices } from './analyze/sobol.ts';
export { analyzeMorris, type MorrisAnalyzeOptions, type MorrisIndices } from './analyze/morris.ts';
export { analyzeSpearman, type CorrelationAnalyzeOptions, type CorrelationIndices } from './analyze/spearman.ts';
export { analyzePrcc } from './analyze/prcc.ts';
export { SobolSequence, sobolPoints, SOBOL_MAX_DIMENSION, type SobolOptions } from '../sampling/sobol.ts';
