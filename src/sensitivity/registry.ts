/**
 * The sensitivity methods, one entry each. Adding a method is a `sample/` file (its design, unless it
 * reads a design already here), an `analyze/` file and one entry in `METHODS`; if it reports indices of
 * its own, their fields go into the contract (`ParameterIndices` in `result.ts`) and its table columns
 * (`write.ts`). The runner (`run.ts`), the CLI's `--method` option and its help, and the ranking read
 * this list; nothing else names a method.
 *
 * A method reads one design. Methods that read the same design object (Spearman and PRCC read one Monte
 * Carlo design) share its rows and its `prepare` step, so `--method all` evaluates each design once.
 * Designs are laid out, evaluated and analysed in the order they first appear in `METHODS`, and the
 * methods on a design run in `METHODS` order: that order fixes the rows, the warnings and the keys of
 * `details`, so reordering the list changes the bytes of sensitivity.json (never the indices).
 */
import { InputError } from '../errors.ts';
import type { ResolvedParameter } from '../model/types.ts';
import { rankData, type RankedData } from './analyze/correlation-input.ts';
import { analyzeMorris } from './analyze/morris.ts';
import { analyzePrcc } from './analyze/prcc.ts';
import { morrisSizeWarning, sobolOutOfRange, sobolRangeWarning } from './analyze/range.ts';
import { analyzeSobol } from './analyze/sobol.ts';
import { analyzeSpearman } from './analyze/spearman.ts';
import { analyzeTornado } from './analyze/tornado.ts';
import { interval, num } from './result.ts';
import type { ParameterIndices, SensitivityDetails, SensitivityResult } from './result.ts';
import { monteCarloRows, sampleMonteCarlo } from './sample/montecarlo.ts';
import { morrisRows, sampleMorris } from './sample/morris.ts';
import { saltelliLayout, saltelliRows, sampleSaltelli } from './sample/saltelli.ts';
import { sampleTornado, tornadoRows } from './sample/tornado.ts';
import type { Design, Layout, MonteCarloLayout, MorrisLayout, Response, SaltelliLayout, TornadoLayout } from './types.ts';

/** What a design's sampler is given. */
export interface PlanContext {
  /** Design dimensions: the model's non-constant parameters. */
  readonly k: number;
  /** `--samples` as given; see each method's `samples`. */
  readonly samples: number;
  /** The user asked for every method (`--method all`). */
  readonly all: boolean;
  readonly seed: string;
  /** The model's rank correlations as design-column triples `[i, j, rho]`. */
  readonly correlations: ReadonlyArray<readonly [number, number, number]>;
  /** Method options (`SensitivityOptions`): tornado levels, Morris trajectories and levels. */
  readonly tornado?: { readonly low?: number; readonly high?: number };
  readonly trajectories?: number;
  readonly levels?: number;
  readonly warn: (text: string) => void;
}

export interface DesignPlan<L extends Layout> {
  readonly design: Design<L>;
  /** The `samples` the result reports, when the design changed the figure asked for (Sobol' rounds N up). */
  readonly samples?: number;
}

/** A design's layout without its rows (`DesignEntry.layout`). */
export interface LayoutPlan<L extends Layout> {
  readonly layout: L;
  /** As `DesignPlan.samples`. */
  readonly samples?: number;
}

/** What an analysis is given: its design, the response on the design's rows, and where to write. */
export interface AnalysisContext<L extends Layout, P> {
  readonly design: Design<L>;
  readonly y: Response;
  /** The design's shared preparation (`DesignEntry.prepare`). */
  readonly prepared: P;
  readonly seed: string;
  /** Bootstrap resamples for the intervals (undefined: each analysis's default). */
  readonly resamples?: number;
  /** The design's columns: the model's non-constant parameters, in model order. */
  readonly parameters: readonly ResolvedParameter[];
  /** `the output x` or `the claim y`, for warnings. */
  readonly what: string;
  /** The model's rank correlations as text (`a~b 0.5, …`), or null when its inputs are independent. */
  readonly correlations: string | null;
  /** Sets fields of input i's indices (i: design column). */
  readonly set: (i: number, fields: Partial<ParameterIndices>) => void;
  readonly details: { -readonly [K in keyof SensitivityDetails]: SensitivityDetails[K] };
  readonly warn: (text: string) => void;
}

/** A design, shared by the methods that read it. */
export interface DesignEntry<L extends Layout, P> {
  /**
   * Builds the design. `into`: a view of the study's one buffer of rows (rows × k values) to write
   * the design into, so it is not built apart and copied (`design-spec.ts`); an entry may ignore it.
   */
  readonly plan: (context: PlanContext, into?: Float64Array) => DesignPlan<L>;
  /**
   * The layout `plan` would give, with its checks and warnings, without building the rows: present
   * only where the design's methods read the layout and the responses, never `design.unit`. Where
   * the runner makes the rows from the study's spec (a queue coordinator), such a design is not built.
   */
  readonly layout?: (context: PlanContext) => LayoutPlan<L>;
  /** The rows `plan` would build, without building them or warning (`design-spec.ts` lays the designs out with it). */
  readonly count: (context: PlanContext) => number;
  /**
   * Rows [first, first + count) of the design `plan` builds, bit for bit, without building the others:
   * a queue worker makes only its job's rows. Absent, or undefined for a context, where a row depends
   * on the whole design; `design-spec.ts` then builds it whole once.
   */
  readonly rows?: (context: PlanContext, first: number, count: number) => Float64Array | undefined;
  /** Work every method on the design needs (ranking the rows), done once. */
  readonly prepare: (context: Omit<AnalysisContext<L, undefined>, 'prepared'>) => P;
  /** After the design's methods have run: its own details and warnings. */
  readonly finish?: (context: AnalysisContext<L, P>) => void;
}

/** The index a result is ranked by (`rankedBy`). */
export type RankKey = SensitivityResult['rankedBy'];

export interface MethodEntry<N extends string, L extends Layout, P> {
  /** `--method` name and the value of `method` in sensitivity.json. */
  readonly name: N;
  /** One line for `--help`. */
  readonly about: string;
  /** What `--samples` means for this method, for `--help`. */
  readonly samples: string;
  readonly design: DesignEntry<L, P>;
  /**
   * The index that ranks the parameters, and its weight: a result is ranked by the index of the
   * heaviest method that ran (a variance share over a correlation over a screening measure).
   */
  readonly rank: { readonly by: RankKey; readonly label: string; readonly weight: number };
  readonly analyze: (context: AnalysisContext<L, P>) => void;
}

/** An entry with its types erased, as the runner holds it; only `method()` below makes one. */
export interface Method<N extends string = string> {
  readonly name: N;
  readonly about: string;
  readonly samples: string;
  readonly design: DesignEntry<Layout, unknown>;
  readonly rank: MethodEntry<N, Layout, unknown>['rank'];
  readonly analyze: (context: AnalysisContext<Layout, unknown>) => void;
}

/** Erases an entry's design types: the runner pairs each design with its own methods only. */
function method<const N extends string, L extends Layout, P>(entry: MethodEntry<N, L, P>): Method<N> {
  return entry as unknown as Method<N>;
}

/** Each input at its low and high quantile, the others at their medians. */
const TORNADO: DesignEntry<TornadoLayout, undefined> = {
  plan: (c) => ({ design: sampleTornado(c.k, { low: c.tornado?.low, high: c.tornado?.high }) }),
  count: (c) => 2 * c.k + 1,
  rows: (c, first, count) => tornadoRows(c.k, { low: c.tornado?.low, high: c.tornado?.high }, first, count),
  prepare: () => undefined,
};

/** The Monte Carlo design's parameter values and their ranks, shared by Spearman and PRCC. */
interface CorrelationInput {
  readonly values: Float64Array;
  readonly ranked: RankedData;
}

/** One Monte Carlo design, carrying the model's rank correlations (Iman–Conover), for Spearman and PRCC. */
const MONTE_CARLO: DesignEntry<MonteCarloLayout, CorrelationInput> = {
  plan: (c, into) => ({ design: sampleMonteCarlo(c.k, { n: Math.max(c.samples, 4), seed: c.seed, correlations: c.correlations.map(([i, j, r]) => [i, j, r]) }, into) }),
  count: (c) => Math.max(c.samples, 4),
  // Iman–Conover re-pairs whole columns, so a correlated design is made whole.
  rows: (c, first, count) => (c.correlations.length > 0 ? undefined : monteCarloRows(c.k, { n: Math.max(c.samples, 4), seed: c.seed }, first, count)),
  // Ranked once for both methods, on the parameter values (ties of discrete inputs as the model sees them).
  prepare: (c) => {
    const values = parameterValues(c.design, c.parameters);
    return { values, ranked: rankData(c.design.layout, c.y, values) };
  },
  finish: (c) => {
    const { n, dropped } = c.prepared.ranked;
    if (dropped > 0) c.warn(`spearman/prcc: ${dropped} of ${c.design.rows} Monte Carlo rows dropped: ${c.what} was not finite there`);
    if (constantResponse(c.y)) c.warn(`spearman/prcc: ${c.what} did not vary over the Monte Carlo rows; correlations are undefined`);
    c.details.montecarlo = {
      evaluations: c.design.rows,
      rows: n,
      droppedRows: dropped,
      correlations: c.correlations !== null ? `Iman–Conover rank correlations (${c.correlations})` : 'independent inputs',
      interval: 'Fisher z: spearman se = √(1.06/(n−3)); prcc se = 1/√(n−3−(k−1))',
    };
  },
};

/** Saltelli's A, B and AB_i blocks on a scrambled Sobol' sequence; N a power of two. */
const SALTELLI: DesignEntry<SaltelliLayout, undefined> = {
  plan: (c, into) => {
    const n = saltelliSize(c);
    return { design: sampleSaltelli(c.k, { n, seed: c.seed }, into), samples: n };
  },
  // Sobol' analysis reads the blocks and the responses only.
  layout: (c) => {
    const n = saltelliSize(c);
    return { layout: saltelliLayout(c.k, { n, seed: c.seed }), samples: n };
  },
  count: (c) => saltelliBase(c.samples) * (c.k + 2),
  rows: (c, first, count) => saltelliRows(c.k, { n: saltelliBase(c.samples), seed: c.seed }, first, count),
  prepare: () => undefined,
};

/** Saltelli's N for the context, with the warning when it was rounded up. */
function saltelliSize(c: PlanContext): number {
  const n = saltelliBase(c.samples);
  if (n !== c.samples) c.warn(`sobol: --samples ${c.samples} rounded up to ${n}, a power of two, which keeps the Sobol' points balanced`);
  return n;
}

/** Saltelli's base sample N: `--samples` rounded up to a power of two. */
function saltelliBase(samples: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(samples, 2)));
}

/** The most unit-hypercube values a design may hold (2^31 doubles, 16 GB), as `sample/*` check per design. */
export const DESIGN_VALUES = 2 ** 31;
/** Morris trajectories unless asked otherwise: 10–50 is the usual screening size (Campolongo et al. 2007). */
export const DEFAULT_TRAJECTORIES = 50;

/**
 * The Morris trajectories the command line asks for, one figure whether Morris runs alone or beside
 * the other methods: `--trajectories`, else (Morris alone) a `--samples` given on the command line,
 * which has always counted its trajectories, else 50.
 */
export function cliTrajectories(o: { readonly method: string; readonly samples: number; readonly samplesGiven: boolean; readonly trajectories?: number }): number {
  return o.trajectories ?? (o.method === 'morris' && o.samplesGiven ? o.samples : DEFAULT_TRAJECTORIES);
}

/**
 * Morris trajectories: `trajectories` when given, else `--samples` of them alone or 50 beside the other
 * methods. Its analysis too reads only the layout (which factor moved, by how much), but that comes from
 * the same draws as the rows, and the design is small (r·(k + 1) rows): it has no `layout`, nor has the
 * tornado's 2k + 1 rows.
 */
const MORRIS: DesignEntry<MorrisLayout, undefined> = {
  plan: (c, into) => {
    const r = morrisTrajectories(c);
    // r·(k+1) rows of k values: the same 2^31-value bound as the other designs, checked before allocating.
    if (r * (c.k + 1) * c.k > DESIGN_VALUES) {
      throw new InputError('--samples', r, `at most ${Math.floor(DESIGN_VALUES / ((c.k + 1) * c.k)).toLocaleString('en-US')} Morris trajectories for ${c.k} inputs`);
    }
    const design = sampleMorris(c.k, { trajectories: Math.max(r, 2), levels: c.levels, seed: c.seed }, into);
    // Alone, the result's `samples` is the trajectories drawn (not an unused --samples).
    return c.all ? { design } : { design, samples: design.layout.trajectories };
  },
  count: (c) => Math.max(morrisTrajectories(c), 2) * (c.k + 1),
  rows: (c, first, count) => morrisRows(c.k, { trajectories: Math.max(morrisTrajectories(c), 2), levels: c.levels, seed: c.seed }, first, count),
  prepare: () => undefined,
};

function morrisTrajectories(c: PlanContext): number {
  return c.trajectories ?? (c.all ? DEFAULT_TRAJECTORIES : c.samples);
}

export const METHODS = [
  method({
    name: 'tornado',
    about: 'one input at a time at its p10 and p90, the others at their medians',
    samples: 'unused (2k + 1 runs)',
    design: TORNADO,
    rank: { by: 'swing', label: 'tornado swing |high − low|', weight: 1 },
    analyze: (c) => {
      const layout = c.design.layout;
      const t = analyzeTornado(layout, c.y);
      for (let i = 0; i < layout.k; i++) c.set(i, { low: num(t.low[i]), high: num(t.high[i]), swing: num(t.swing[i]) });
      c.details.tornado = { evaluations: c.design.rows, lowProbability: layout.low, highProbability: layout.high, base: num(t.base) };
      if (!Number.isFinite(t.base) || t.swing.some((s) => !Number.isFinite(s))) c.warn(`tornado: ${c.what} was not finite at some tornado points`);
      if (c.correlations !== null) c.warn(`tornado: moves one input at a time with the others at their medians, ignoring the model's rank correlations (${c.correlations})`);
    },
  }),
  method({
    name: 'spearman',
    about: 'rank correlation of each input with the target, Fisher-z 95% CIs',
    samples: 'Monte Carlo rows',
    design: MONTE_CARLO,
    rank: { by: 'spearman', label: '|Spearman rho|', weight: 3 },
    analyze: (c) => {
      const s = analyzeSpearman(c.design.layout, c.y, c.prepared);
      for (let i = 0; i < c.design.k; i++) c.set(i, { spearman: num(s.rho[i]), spearmanCI95: interval(s.ci[i]) });
      if (c.correlations !== null) {
        c.warn(`spearman: the inputs are rank-correlated (${c.correlations}), so each coefficient also carries the effect of the inputs correlated with it; PRCC separates them`);
      }
    },
  }),
  method({
    name: 'prcc',
    about: 'partial rank correlation, the other inputs held out, Fisher-z 95% CIs',
    samples: 'Monte Carlo rows',
    design: MONTE_CARLO,
    rank: { by: 'prcc', label: '|PRCC|', weight: 4 },
    analyze: (c) => {
      const s = analyzePrcc(c.design.layout, c.y, c.prepared);
      for (let i = 0; i < c.design.k; i++) c.set(i, { prcc: num(s.rho[i]), prccCI95: interval(s.ci[i]) });
    },
  }),
  method({
    name: 'sobol',
    about: "first- and total-order Sobol' indices (Saltelli 2010; Jansen 1999), bootstrap 95% CIs",
    samples: "base sample N, rounded up to a power of two (N·(k + 2) runs)",
    design: SALTELLI,
    rank: { by: 'ST', label: "total-order Sobol' index ST", weight: 5 },
    analyze: (c) => {
      const layout = c.design.layout;
      const s = analyzeSobol(layout, c.y, { seed: c.seed, resamples: c.resamples });
      for (let i = 0; i < layout.k; i++) {
        c.set(i, { S1: num(s.S1[i]), S1CI95: interval(s.S1CI95[i]), ST: num(s.ST[i]), STCI95: interval(s.STCI95[i]) });
      }
      c.details.sobol = {
        evaluations: c.design.rows,
        n: layout.n,
        firstOrder: 'Saltelli et al. 2010',
        totalOrder: 'Jansen 1999',
        sequence: "Sobol' (Joe–Kuo new-joe-kuo-6.21201), linear matrix scramble + digital shift",
        resamples: s.resamples,
        interval: 'percentile bootstrap over base rows',
        variance: num(s.variance),
        droppedRows: s.dropped,
      };
      const names = c.parameters.map((p) => p.name);
      const outOfRange = sobolRangeWarning(layout.n, [...sobolOutOfRange('S1', names, s.S1, s.S1CI95), ...sobolOutOfRange('ST', names, s.ST, s.STCI95)]);
      if (outOfRange) c.warn(outOfRange);
      if (s.dropped > 0) c.warn(`sobol: ${s.dropped} of ${layout.n} base rows dropped: ${c.what} was not finite on one of their k + 2 points`);
      if (!(s.variance > 0)) c.warn(`sobol: ${c.what} did not vary over the design; Sobol' indices are undefined`);
      if (c.correlations !== null) {
        c.warn(`sobol: Sobol' indices assume independent inputs; the design samples inputs independently, so the indices describe the model without its rank correlations (${c.correlations})`);
      }
    },
  }),
  method({
    name: 'morris',
    about: 'Morris elementary effects (mu*, mu, sigma) on random trajectories',
    samples: 'trajectories r (r·(k + 1) runs); --trajectories sets r for morris and all alike (default 50)',
    design: MORRIS,
    rank: { by: 'muStar', label: 'Morris mu*', weight: 2 },
    analyze: (c) => {
      const layout = c.design.layout;
      const m = analyzeMorris(layout, c.y, { seed: c.seed, resamples: c.resamples });
      for (let i = 0; i < layout.k; i++) {
        c.set(i, { mu: num(m.mu[i]), muStar: num(m.muStar[i]), sigma: num(m.sigma[i]), muStarCI95: interval(m.muStarCI95[i]) });
      }
      c.details.morris = {
        evaluations: c.design.rows,
        trajectories: layout.trajectories,
        levels: layout.levels,
        delta: layout.delta,
        scale: "elementary effects per unit of probability (inputs on Morris's p-level grid between their 1st and 99th percentiles)",
      };
      const r = layout.trajectories;
      const lost = m.counts.reduce((sum, n) => sum + (r - n), 0);
      const few = morrisSizeWarning(r);
      if (few) c.warn(few);
      if (lost > 0) c.warn(`morris: ${lost} elementary effects dropped: ${c.what} was not finite at one of their points`);
      if (c.correlations !== null) c.warn(`morris: elementary effects assume independent inputs; the trajectories ignore the model's rank correlations (${c.correlations})`);
    },
  }),
] as const;

/** A method's name: `--method` and `method` in sensitivity.json (with `all`). */
export type SensitivityMethod = (typeof METHODS)[number]['name'];

/** The method names, in registry order. */
export const SENSITIVITY_METHODS: readonly SensitivityMethod[] = METHODS.map((m) => m.name);

/**
 * The one check of a method name (`--method`, `SensitivityOptions.method`): a registered name or `all`.
 * @example parseMethod('sobol') // 'sobol'
 */
export function parseMethod(text: string): SensitivityMethod | 'all' {
  if (text === 'all' || (SENSITIVITY_METHODS as readonly string[]).includes(text)) return text as SensitivityMethod | 'all';
  throw new InputError('--method', text, `one of ${SENSITIVITY_METHODS.join(', ')}, all`);
}

/** The entries a `--method` value selects, in registry order. */
export function selectMethods(method: string): readonly Method[] {
  const name = parseMethod(method);
  return METHODS.filter((m) => name === 'all' || m.name === name);
}

/** The index the selected methods rank parameters by: the heaviest method's. */
export function rankFor(methods: readonly Method[]): Method['rank'] {
  return methods.reduce((best, m) => (m.rank.weight > best.rank.weight ? m : best)).rank;
}

/** How the result was ranked, in words (`Parameters sorted by …`). */
export function rankLabel(by: RankKey): string {
  return METHODS.find((m) => m.rank.by === by)?.rank.label ?? by;
}

/** `--method` help: the names. */
export function methodHelp(): string {
  return `${SENSITIVITY_METHODS.join(', ')} or all (see Methods below)`;
}

/** `--samples` help. */
export function samplesHelp(): string {
  return 'size of the designs; what it counts depends on the method (see Methods below)';
}

/** The text after the sensitivity command's options: each method, what it does, what `--samples` counts. */
export function methodsHelpText(): string {
  const width = Math.max(...METHODS.map((m) => m.name.length));
  const pad = ' '.repeat(width + 4);
  const lines = METHODS.flatMap((m) => [`  ${m.name.padEnd(width)}  ${m.about}`, `${pad}--samples: ${m.samples}`]);
  return ['', 'Methods:', ...lines, `  ${'all'.padEnd(width)}  every method above, each design evaluated once`].join('\n');
}

/** The design's parameter values: each unit column through its parameter's inverse CDF. */
function parameterValues(design: Design, parameters: readonly ResolvedParameter[]): Float64Array {
  const { rows, k, unit } = design;
  const values = new Float64Array(rows * k);
  for (let j = 0; j < k; j++) {
    const dist = parameters[j].dist;
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
