/**
 * `runSensitivity`: which inputs decide an output or a claim. Stages:
 * 1. target — the output (default: the model's first) or the claim indicator to analyse;
 * 2. designs — one unit-hypercube design per method (`sample/*`), over the model's non-constant
 *    parameters in model order, concatenated so the engine evaluates them in one pass;
 * 3. evaluate — `evaluateDesign` maps each column through the parameter's inverse CDF and runs the
 *    model in the worker pool (identical results for any worker count);
 * 4. analyse — each method's `analyze/*` on its slice of the responses;
 * 5. assemble — the `SensitivityResult` contract, with warnings and a ranking by importance.
 *
 * What `samples` means per method: Sobol' — the base sample N (rounded up to a power of two; cost
 * N·(k+2)); Spearman and PRCC — Monte Carlo rows; Morris — trajectories r (cost r·(k+1)); tornado —
 * unused (2k+1 runs). With `all`, N for Sobol' and the Monte Carlo rows, and `trajectories` (default 50)
 * for Morris.
 *
 * Independence: Sobol' indices, Morris effects and the tornado's one-at-a-time swings assume
 * independent inputs, and their designs sample inputs independently even when the model declares rank
 * correlations (a warning says so). Spearman and PRCC run on a Monte Carlo design that carries the
 * correlations (Iman–Conover, as `run` does); Spearman's coefficients are then confounded (an input
 * correlated with an influential one looks influential), PRCC partials the other inputs out.
 */
import { evaluateDesign } from '../engine/evaluate.ts';
import { InputError } from '../errors.ts';
import type { ModelHandle } from '../model/load.ts';
import type { ResolvedParameter } from '../model/types.ts';
import { rankData } from './analyze/correlation-input.ts';
import { analyzeMorris } from './analyze/morris.ts';
import { analyzePrcc } from './analyze/prcc.ts';
import { analyzeSobol } from './analyze/sobol.ts';
import { morrisSizeWarning, sobolOutOfRange, sobolRangeWarning } from './analyze/range.ts';
import { analyzeSpearman } from './analyze/spearman.ts';
import { analyzeTornado } from './analyze/tornado.ts';
import { emptyIndices, interval, num, SENSITIVITY_METHODS } from './result.ts';
import type { ParameterIndices, SensitivityDetails, SensitivityMethod, SensitivityResult, SensitivityTarget } from './result.ts';
import { sampleMonteCarlo } from './sample/montecarlo.ts';
import { sampleMorris } from './sample/morris.ts';
import { sampleSaltelli } from './sample/saltelli.ts';
import { sampleTornado } from './sample/tornado.ts';
import type { Design, Response } from './types.ts';

export interface SensitivityOptions {
  readonly method: SensitivityMethod | 'all';
  /** Output to analyse (default: the model's first output). */
  readonly output?: string;
  /** Claim whose indicator (1 where it holds) to analyse instead of an output. */
  readonly claim?: string;
  readonly samples: number;
  readonly seed: string | number;
  /** Worker threads; 0 evaluates in-process (same results). */
  readonly workers: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  /** Morris trajectories when `method` is `all` (default 50). */
  readonly trajectories?: number;
  /** Morris grid levels p, even (default 4). */
  readonly levels?: number;
  /** Tornado probability levels (default p10 and p90). */
  readonly tornado?: { readonly low?: number; readonly high?: number };
  /** Bootstrap resamples for the Sobol' and mu* intervals (default: see `analyzeSobol`). */
  readonly resamples?: number;
}

const DEFAULT_TRAJECTORIES = 50;
/** The most unit-hypercube values a design may hold (2^31 doubles, 16 GB), as `sample/*` check per design. */
const DESIGN_VALUES = 2 ** 31;

interface Planned {
  readonly method: 'tornado' | 'sobol' | 'morris' | 'montecarlo';
  readonly design: Design;
  readonly offset: number;
}

export async function runSensitivity(handle: ModelHandle, options: SensitivityOptions): Promise<SensitivityResult> {
  const { model } = handle;
  const seed = String(options.seed);
  const methods = checkMethod(options.method);
  const target = chooseTarget(handle, options);
  const uncertain = model.parameters.filter((p) => !p.dist.isConstant);
  const constants = model.parameters.filter((p) => p.dist.isConstant).map((p) => p.name);
  const k = uncertain.length;
  if (k === 0) throw new InputError('model', model.name, 'a model with at least one uncertain (non-constant) parameter to analyse');
  if (!Number.isInteger(options.samples) || options.samples < 1) {
    throw new InputError('--samples', options.samples, 'a positive integer (Sobol: base sample N; spearman/prcc: rows; morris: trajectories)');
  }
  const warnings: string[] = [...model.warnings];
  const correlations = columnCorrelations(model.correlations, uncertain);
  const correlationText = model.correlations.map(([a, b, r]) => `${a}~${b} ${r}`).join(', ');

  // Stage 2: designs.
  let samples = options.samples;
  const planned: Planned[] = [];
  let offset = 0;
  const plan = (method: Planned['method'], design: Design) => {
    planned.push({ method, design, offset });
    offset += design.rows;
  };
  if (methods.has('tornado')) plan('tornado', sampleTornado(k, { low: options.tornado?.low, high: options.tornado?.high }));
  if (methods.has('spearman') || methods.has('prcc')) {
    plan('montecarlo', sampleMonteCarlo(k, { n: Math.max(options.samples, 4), seed, correlations }));
  }
  if (methods.has('sobol')) {
    const n = 2 ** Math.ceil(Math.log2(Math.max(options.samples, 2)));
    if (n !== options.samples) {
      warnings.push(`sobol: --samples ${options.samples} rounded up to ${n}, a power of two, which keeps the Sobol' points balanced`);
    }
    samples = n;
    plan('sobol', sampleSaltelli(k, { n, seed }));
  }
  if (methods.has('morris')) {
    const r = options.method === 'all' ? (options.trajectories ?? DEFAULT_TRAJECTORIES) : options.samples;
    // r·(k+1) rows of k values: the same 2^31-value bound as the other designs, checked before allocating.
    if (r * (k + 1) * k > DESIGN_VALUES) throw new InputError('--samples', r, `at most ${Math.floor(DESIGN_VALUES / ((k + 1) * k)).toLocaleString('en-US')} Morris trajectories for ${k} inputs`);
    plan('morris', sampleMorris(k, { trajectories: Math.max(r, 2), levels: options.levels, seed }));
  }

  // Stage 3: evaluate every design in one pass.
  if (offset * k > DESIGN_VALUES) {
    throw new InputError('--samples', options.samples, `fewer samples: the designs together would hold ${(offset * k).toLocaleString('en-US')} values, more than 2^31; run the methods one at a time or lower --samples`);
  }
  const unit = new Float64Array(offset * k);
  for (const p of planned) unit.set(p.design.unit, p.offset * k);
  const evaluation = await evaluateDesign(handle, unit, { workers: options.workers, onProgress: options.onProgress, signal: options.signal });
  const response: Response = 'claim' in target ? evaluation.claims[target.claim] : evaluation.outputs[target.output];
  const slice = (p: Planned): Response => response.subarray(p.offset, p.offset + p.design.rows);
  const what = 'claim' in target ? `the claim ${target.claim}` : `the output ${target.output}`;

  // Stage 4: analyses.
  const indices: Record<string, ParameterIndices> = Object.fromEntries(uncertain.map((p) => [p.name, emptyIndices()]));
  const at = (i: number) => indices[uncertain[i].name];
  const details: SensitivityDetails = {};
  for (const p of planned) {
    const y = slice(p);
    if (p.method === 'tornado' && p.design.layout.method === 'tornado') {
      const t = analyzeTornado(p.design.layout, y);
      for (let i = 0; i < k; i++) Object.assign(at(i), { low: num(t.low[i]), high: num(t.high[i]), swing: num(t.swing[i]) });
      details.tornado = { evaluations: p.design.rows, lowProbability: p.design.layout.low, highProbability: p.design.layout.high, base: num(t.base) };
      if (!Number.isFinite(t.base) || t.swing.some((s) => !Number.isFinite(s))) warnings.push(`tornado: ${what} was not finite at some tornado points`);
      if (correlations.length > 0) {
        warnings.push(`tornado: moves one input at a time with the others at their medians, ignoring the model's rank correlations (${correlationText})`);
      }
    } else if (p.method === 'montecarlo' && p.design.layout.method === 'montecarlo') {
      const values = mapToValues(p.design, uncertain);
      const ranked = rankData(p.design.layout, y, values);
      let dropped = 0;
      let rows = p.design.rows;
      if (methods.has('spearman')) {
        const s = analyzeSpearman(p.design.layout, y, { values, ranked });
        for (let i = 0; i < k; i++) Object.assign(at(i), { spearman: num(s.rho[i]), spearmanCI95: interval(s.ci[i]) });
        dropped = s.dropped;
        rows = s.n;
        if (correlations.length > 0) {
          warnings.push(`spearman: the inputs are rank-correlated (${correlationText}), so each coefficient also carries the effect of the inputs correlated with it; PRCC separates them`);
        }
      }
      if (methods.has('prcc')) {
        const s = analyzePrcc(p.design.layout, y, { values, ranked });
        for (let i = 0; i < k; i++) Object.assign(at(i), { prcc: num(s.rho[i]), prccCI95: interval(s.ci[i]) });
        dropped = s.dropped;
        rows = s.n;
      }
      if (dropped > 0) warnings.push(`spearman/prcc: ${dropped} of ${p.design.rows} Monte Carlo rows dropped: ${what} was not finite there`);
      if (constantResponse(y)) warnings.push(`spearman/prcc: ${what} did not vary over the Monte Carlo rows; correlations are undefined`);
      details.montecarlo = {
        evaluations: p.design.rows,
        rows,
        droppedRows: dropped,
        correlations: correlations.length > 0 ? `Iman–Conover rank correlations (${correlationText})` : 'independent inputs',
        interval: 'Fisher z: spearman se = √(1.06/(n−3)); prcc se = 1/√(n−3−(k−1))',
      };
    } else if (p.method === 'sobol' && p.design.layout.method === 'saltelli') {
      const s = analyzeSobol(p.design.layout, y, { seed, resamples: options.resamples });
      for (let i = 0; i < k; i++) {
        Object.assign(at(i), { S1: num(s.S1[i]), S1CI95: interval(s.S1CI95[i]), ST: num(s.ST[i]), STCI95: interval(s.STCI95[i]) });
      }
      details.sobol = {
        evaluations: p.design.rows,
        n: p.design.layout.n,
        firstOrder: 'Saltelli et al. 2010',
        totalOrder: 'Jansen 1999',
        sequence: "Sobol' (Joe–Kuo new-joe-kuo-6.21201), linear matrix scramble + digital shift",
        resamples: s.resamples,
        interval: 'percentile bootstrap over base rows',
        variance: num(s.variance),
        droppedRows: s.dropped,
      };
      const names = uncertain.map((q) => q.name);
      const outOfRange = sobolRangeWarning(p.design.layout.n, [...sobolOutOfRange('S1', names, s.S1, s.S1CI95), ...sobolOutOfRange('ST', names, s.ST, s.STCI95)]);
      if (outOfRange) warnings.push(outOfRange);
      if (s.dropped > 0) warnings.push(`sobol: ${s.dropped} of ${p.design.layout.n} base rows dropped: ${what} was not finite on one of their k + 2 points`);
      if (!(s.variance > 0)) warnings.push(`sobol: ${what} did not vary over the design; Sobol' indices are undefined`);
      if (correlations.length > 0) {
        warnings.push(`sobol: Sobol' indices assume independent inputs; the design samples inputs independently, so the indices describe the model without its rank correlations (${correlationText})`);
      }
    } else if (p.method === 'morris' && p.design.layout.method === 'morris') {
      const m = analyzeMorris(p.design.layout, y, { seed, resamples: options.resamples });
      for (let i = 0; i < k; i++) {
        Object.assign(at(i), { mu: num(m.mu[i]), muStar: num(m.muStar[i]), sigma: num(m.sigma[i]), muStarCI95: interval(m.muStarCI95[i]) });
      }
      details.morris = {
        evaluations: p.design.rows,
        trajectories: p.design.layout.trajectories,
        levels: p.design.layout.levels,
        delta: p.design.layout.delta,
        scale: "elementary effects per unit of probability (inputs on Morris's p-level grid between their 1st and 99th percentiles)",
      };
      const r = p.design.layout.trajectories;
      const lost = m.counts.reduce((sum, c) => sum + (r - c), 0);
      const few = morrisSizeWarning(r);
      if (few) warnings.push(few);
      if (lost > 0) warnings.push(`morris: ${lost} elementary effects dropped: ${what} was not finite at one of their points`);
      if (correlations.length > 0) {
        warnings.push(`morris: elementary effects assume independent inputs; the trajectories ignore the model's rank correlations (${correlationText})`);
      }
    }
  }

  // Stage 5: ranking.
  const rankedBy = methods.has('sobol') ? 'ST' : methods.has('prcc') ? 'prcc' : methods.has('spearman') ? 'spearman' : methods.has('morris') ? 'muStar' : 'swing';
  const score = (name: string): number => {
    const v = indices[name][rankedBy];
    return typeof v === 'number' ? Math.abs(v) : -Infinity;
  };
  const ranking = uncertain.map((p) => p.name).sort((a, b) => score(b) - score(a) || 0);

  return {
    model: model.name,
    title: model.title,
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

function checkMethod(method: string): Set<SensitivityMethod> {
  if (method === 'all') return new Set(SENSITIVITY_METHODS);
  if ((SENSITIVITY_METHODS as readonly string[]).includes(method)) return new Set([method as SensitivityMethod]);
  throw new InputError('--method', method, `one of ${SENSITIVITY_METHODS.join(', ')}, all`);
}

function chooseTarget(handle: ModelHandle, options: SensitivityOptions): SensitivityTarget {
  const { model } = handle;
  if (options.output !== undefined && options.claim !== undefined) {
    throw new InputError('--claim', options.claim, 'either --output or --claim, not both');
  }
  if (options.claim !== undefined) {
    if (!model.claims.some((c) => c.name === options.claim)) {
      const names = model.claims.map((c) => c.name);
      throw new InputError('--claim', options.claim, names.length ? `a claim of ${model.name}: ${names.join(', ')}` : `${model.name} defines no claims`);
    }
    return { claim: options.claim };
  }
  const output = options.output ?? model.outputs[0]?.name;
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

/** The design's parameter values: each unit column through its parameter's inverse CDF. */
function mapToValues(design: Design, uncertain: readonly ResolvedParameter[]): Float64Array {
  const { rows, k, unit } = design;
  const values = new Float64Array(rows * k);
  for (let j = 0; j < k; j++) {
    const dist = uncertain[j].dist;
    for (let r = 0; r < rows; r++) values[r * k + j] = dist.quantile(unit[r * k + j]);
  }
  return values;
}

function constantResponse(y: Response): boolean {
  let first: number | undefined;
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) continue;
    if (first === undefined) first = y[i];
    else if (y[i] !== first) return false;
  }
  return true;
}
