/**
 * `runSensitivity`: which inputs decide an output or a claim. Stages:
 * 1. target — the output (default: the model's primary output, else its first) or the claim indicator to analyse;
 * 2. designs — the methods come from the registry (`registry.ts`); one unit-hypercube design per design
 *    entry they read (`sample/*`; Spearman and PRCC share one), over the model's non-constant
 *    parameters in model order, written one after the other into one buffer so the engine evaluates
 *    them in one pass (a SharedArrayBuffer for worker threads, which share it rather than copy it);
 *    where the runner makes the rows from the spec (a queue coordinator), no buffer, and only the
 *    designs whose analyses read their inputs are built (`design-spec.ts`);
 * 3. evaluate — `evaluateDesign` maps each column through the parameter's inverse CDF and runs the
 *    model in the worker pool (identical results for any worker count);
 * 4. analyse — each method's `analyze/*` on its design's slice of the responses;
 * 5. assemble — the `SensitivityResult` contract, with warnings and a ranking by the index of the most
 *    informative method that ran (the registry's `rank.weight`).
 *
 * What `samples` means per method: Sobol' — the base sample N (rounded up to a power of two; cost
 * N·(k+2)); Spearman and PRCC — Monte Carlo rows; Morris — trajectories r (cost r·(k+1)); tornado —
 * unused (2k+1 runs). With `all`, N for Sobol' and the Monte Carlo rows, and `trajectories` (default 50)
 * for Morris; `trajectories`, when given, is Morris's r alone too (the CLI always gives it: one figure
 * for `--method morris` and `--method all`).
 *
 * Independence: Sobol' indices, Morris effects and the tornado's one-at-a-time swings assume
 * independent inputs, and their designs sample inputs independently even when the model declares rank
 * correlations (a warning says so). Spearman and PRCC run on a Monte Carlo design that carries the
 * correlations (Iman–Conover, as `run` does); Spearman's coefficients are then confounded (an input
 * correlated with an influential one looks influential), PRCC partials the other inputs out.
 */
import { evaluateDesign } from '../engine/evaluate.ts';
import { designRowsWanted } from '../engine/runner.ts';
import { InputError } from '../errors.ts';
import type { ModelHandle } from '../model/load.ts';
import type { ResolvedParameter } from '../model/types.ts';
import { rankFor, selectMethods, type SensitivityMethod } from './registry.ts';
import { planDesigns, type DesignSpec, type RowsIn } from './design-spec.ts';
import { emptyIndices } from './result.ts';
import type { ParameterIndices, SensitivityDetails, SensitivityResult, SensitivityTarget } from './result.ts';
import { checkTarget } from './target.ts';
import type { Response } from './types.ts';

export interface SensitivityOptions {
  readonly method: SensitivityMethod | 'all';
  /** Output to analyse (default: the model's primary output, else its first). */
  readonly output?: string;
  /** Claim whose indicator (1 where it holds) to analyse instead of an output. */
  readonly claim?: string;
  readonly samples: number;
  readonly seed: string | number;
  /** Worker threads; 0 evaluates in-process (same results). */
  readonly workers: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  /** Morris trajectories (default: 50 with `all`, `samples` with `morris` alone). */
  readonly trajectories?: number;
  /** Morris grid levels p, even (default 4). */
  readonly levels?: number;
  /** Tornado probability levels (default p10 and p90). */
  readonly tornado?: { readonly low?: number; readonly high?: number };
  /** Bootstrap resamples for the Sobol' and mu* intervals (default: see `analyzeSobol`). */
  readonly resamples?: number;
}

export async function runSensitivity(handle: ModelHandle, options: SensitivityOptions): Promise<SensitivityResult> {
  const { model } = handle;
  const seed = String(options.seed);
  const methods = selectMethods(options.method);
  const target = chooseTarget(handle, options);
  const uncertain = model.parameters.filter((p) => !p.dist.isConstant);
  const constants = model.parameters.filter((p) => p.dist.isConstant).map((p) => p.name);
  const k = uncertain.length;
  if (k === 0) throw new InputError('model', model.name, 'a model with at least one uncertain (non-constant) parameter to analyse');
  if (!Number.isInteger(options.samples) || options.samples < 1) {
    throw new InputError('--samples', options.samples, `a positive integer (${methods.map((m) => `${m.name}: ${m.samples}`).join('; ')})`);
  }
  const warnings: string[] = [...model.warnings];
  const warn = (text: string) => void warnings.push(text);
  const correlations = columnCorrelations(model.correlations, uncertain);
  const correlationText = correlations.length > 0 ? model.correlations.map(([a, b, r]) => `${a}~${b} ${r}`).join(', ') : null;

  // Stage 2: one design per design entry (design-spec.ts); the spec travels to other machines instead of the rows.
  const spec: DesignSpec = {
    method: options.method,
    k,
    samples: options.samples,
    seed,
    correlations,
    ...(options.tornado !== undefined ? { tornado: options.tornado } : {}),
    ...(options.trajectories !== undefined ? { trajectories: options.trajectories } : {}),
    ...(options.levels !== undefined ? { levels: options.levels } : {}),
  };
  const wanted = designRowsWanted();
  const rowsIn: RowsIn = wanted === 'spec' ? 'none' : wanted === 'shared' && options.workers > 0 ? 'shared' : 'plain';
  const { planned, unit, rows, samples } = planDesigns(spec, warn, rowsIn);

  // Stage 3: evaluate every design in one pass.
  const evaluation = await evaluateDesign(handle, unit ?? { rows }, { workers: options.workers, onProgress: options.onProgress, signal: options.signal, design: JSON.stringify(spec) });
  const response: Response = 'claim' in target ? evaluation.claims[target.claim] : evaluation.outputs[target.output];

  // Stage 4: analyses, design by design.
  const indices: Record<string, ParameterIndices> = Object.fromEntries(uncertain.map((p) => [p.name, emptyIndices()]));
  const details: { -readonly [K in keyof SensitivityDetails]: SensitivityDetails[K] } = {};
  for (const p of planned) {
    const context = {
      design: p.design,
      y: response.subarray(p.offset, p.offset + p.design.rows),
      seed,
      resamples: options.resamples,
      parameters: uncertain,
      what: 'claim' in target ? `the claim ${target.claim}` : `the output ${target.output}`,
      correlations: correlationText,
      set: (i: number, fields: Partial<ParameterIndices>) => void Object.assign(indices[uncertain[i].name], fields),
      details,
      warn,
    };
    const prepared = p.entry.prepare({ ...context });
    for (const m of p.methods) m.analyze({ ...context, prepared });
    p.entry.finish?.({ ...context, prepared });
  }

  // Stage 5: ranking.
  const rankedBy = rankFor(methods).by;
  const score = (name: string): number => {
    const v = indices[name][rankedBy];
    return typeof v === 'number' ? Math.abs(v) : -Infinity;
  };
  const ranking = uncertain.map((p) => p.name).sort((a, b) => score(b) - score(a) || 0);

  return {
    model: model.name,
    title: model.title,
    ...(model.scenario !== undefined ? { scenario: model.scenario } : {}),
    target,
    method: options.method,
    samples,
    seed,
    evaluations: evaluation.rows,
    warnings,
    indices,
    ranking,
    rankedBy,
    constants,
    details,
  };
}

function chooseTarget(handle: ModelHandle, options: SensitivityOptions): SensitivityTarget {
  const { model } = handle;
  checkTarget(options);
  if (options.claim !== undefined) {
    if (!model.claims.some((c) => c.name === options.claim)) {
      const names = model.claims.map((c) => c.name);
      throw new InputError('--claim', options.claim, names.length ? `a claim of ${model.name}: ${names.join(', ')}` : `${model.name} defines no claims`);
    }
    return { claim: options.claim };
  }
  const output = options.output ?? (model.outputs.find((o) => o.primary === true) ?? model.outputs[0])?.name;
  if (output === undefined || !model.outputs.some((o) => o.name === output)) {
    throw new InputError('--output', output, `an output of ${model.name}: ${model.outputs.map((o) => o.name).join(', ')}`);
  }
  return { output };
}

/** The model's correlations as design-column triples (both parameters are non-constant: the model checks it). */
function columnCorrelations(
  correlations: ReadonlyArray<readonly [string, string, number]>,
  uncertain: readonly ResolvedParameter[],
): Array<[number, number, number]> {
  const col = (name: string) => uncertain.findIndex((p) => p.name === name);
  return correlations.map(([a, b, r]) => [col(a), col(b), r] as [number, number, number]).filter(([i, j]) => i >= 0 && j >= 0);
}
