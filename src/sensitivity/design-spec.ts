/**
 * A study's designs as a small spec: everything stage 2 of `runSensitivity` reads (the methods,
 * k, --samples, seed, correlations, Morris and tornado options). The designs are deterministic in
 * it, so a machine that has the spec regenerates the very rows instead of receiving them: a queued
 * study ships the spec and a row range per job, never the design, and the worker makes only the
 * rows of its range (`designRowsOf`).
 */
import { InputError } from '../errors.ts';
import { DESIGN_VALUES, selectMethods, type DesignPlan, type LayoutPlan, type Method, type PlanContext, type SensitivityMethod } from './registry.ts';
import type { Design, Layout } from './types.ts';

/** The plan context as data (`contextOf` adds the rest): the methods instead of `all`, and no `warn`. */
export interface DesignSpec extends Pick<PlanContext, 'k' | 'samples' | 'seed' | 'correlations' | 'tornado' | 'trajectories' | 'levels'> {
  readonly method: SensitivityMethod | 'all';
}

/** A design laid out in the evaluation: its rows start at `offset`, and `methods` read it. */
export interface Planned {
  readonly entry: Method['design'];
  readonly design: Design;
  readonly offset: number;
  readonly methods: Method[];
}

export interface PlannedDesigns {
  readonly planned: Planned[];
  /**
   * Every design's rows in plan order (rows × k), one buffer of which each planned design's `unit` is
   * a view; undefined with `rows: 'none'`.
   */
  readonly unit: Float64Array | undefined;
  /** The rows of every design together. */
  readonly rows: number;
  /** The `samples` the result reports (Sobol' rounds N up). */
  readonly samples: number;
}

/**
 * Where `planDesigns` puts the rows. The designs are written straight into one buffer, so a study
 * holds its rows once (a Sobol' study of 30 inputs at N = 2^18 is 2 GB of them):
 * - 'plain' (default): an ordinary buffer (evaluation in this thread reads views of it);
 * - 'shared': a SharedArrayBuffer, whose views worker threads receive without a copy;
 * - 'none': no buffer, for a runner that makes the rows from the spec (a queue coordinator): a design
 *   whose methods read only its layout is not built at all (`DesignEntry.layout`), the others are
 *   built once each, for their analyses.
 */
export type RowsIn = 'plain' | 'shared' | 'none';

/** The spec as each design entry's plan context. */
function contextOf(spec: DesignSpec, warn: (text: string) => void): PlanContext {
  return {
    k: spec.k,
    samples: spec.samples,
    all: spec.method === 'all',
    seed: spec.seed,
    correlations: spec.correlations,
    tornado: spec.tornado,
    trajectories: spec.trajectories,
    levels: spec.levels,
    warn,
  };
}

/** The design entries the spec's methods read, each once, in the order the methods first read them, with those methods. */
function entriesOf(spec: DesignSpec): Array<{ readonly entry: Method['design']; readonly methods: Method[] }> {
  const entries: Array<{ entry: Method['design']; methods: Method[] }> = [];
  for (const m of selectMethods(spec.method)) {
    const shared = entries.find((e) => e.entry === m.design);
    if (shared) shared.methods.push(m);
    else entries.push({ entry: m.design, methods: [m] });
  }
  return entries;
}

function checkTotal(spec: DesignSpec, rows: number): void {
  if (rows * spec.k > DESIGN_VALUES) {
    throw new InputError('--samples', spec.samples, `fewer samples: the designs together would hold ${(rows * spec.k).toLocaleString('en-US')} values, more than 2^31; run the methods one at a time or lower --samples`);
  }
}

/** One design per design entry, in the order the selected methods first read them, laid out one after the other for one evaluation pass. */
export function planDesigns(spec: DesignSpec, warn: (text: string) => void, rowsIn?: 'plain' | 'shared'): PlannedDesigns & { readonly unit: Float64Array };
export function planDesigns(spec: DesignSpec, warn: (text: string) => void, rowsIn: RowsIn): PlannedDesigns;
export function planDesigns(spec: DesignSpec, warn: (text: string) => void, rowsIn: RowsIn = 'plain'): PlannedDesigns {
  const { k } = spec;
  const context = contextOf(spec, warn);
  const entries = entriesOf(spec).map((e) => ({ ...e, rows: e.entry.count(context) }));
  const total = entries.reduce((sum, e) => sum + e.rows, 0);
  // Too large a study is refused after the entries' own checks, which name the option at fault: built apart, they make them.
  const fits = total * k <= DESIGN_VALUES;
  const values = !fits || rowsIn === 'none' ? 0 : total * k;
  const unit = values === 0 ? undefined : rowsIn === 'shared' ? new Float64Array(new SharedArrayBuffer(values * Float64Array.BYTES_PER_ELEMENT)) : new Float64Array(values);
  let samples = spec.samples;
  const planned: Planned[] = [];
  let offset = 0;
  for (const { entry, methods, rows } of entries) {
    const into = unit?.subarray(offset * k, (offset + rows) * k);
    const plan = rowsIn === 'none' && entry.layout ? unbuilt(entry.layout(context), rows, k) : entry.plan(context, into);
    // designRowsOf lays the designs out by `count`, without building them: the two must agree.
    if (plan.design.rows !== rows) throw new Error(`a design of ${plan.design.rows} rows counted as ${rows}`);
    if (plan.samples !== undefined) samples = plan.samples;
    const design = into === undefined || plan.design.unit === into ? plan.design : { ...plan.design, unit: copied(plan.design.unit, into) };
    planned.push({ entry, design, offset, methods });
    offset += rows;
  }
  checkTotal(spec, offset);
  return { planned, unit, rows: offset, samples };
}

/** A design whose rows are made elsewhere: its layout alone; reading its `unit` is a mistake, said at once. */
function unbuilt(plan: LayoutPlan<Layout>, rows: number, k: number): DesignPlan<Layout> {
  const design: Design = {
    rows,
    k,
    layout: plan.layout,
    get unit(): Float64Array {
      throw new Error(`the ${plan.layout.method} design was not built here (its rows are made from the spec where they run): its analysis may read only its layout`);
    },
  };
  return { design, ...(plan.samples !== undefined ? { samples: plan.samples } : {}) };
}

function copied(from: Float64Array, into: Float64Array): Float64Array {
  into.set(from);
  return into;
}

/** The last design made whole for `designRowsOf`, kept for the study's next jobs. */
let whole: { readonly spec: string; readonly index: number; readonly unit: Float64Array } | undefined;

/**
 * Rows [first, first + count) of `planDesigns(spec).unit`, bit for bit, making only those rows where
 * the designs allow it: a queue worker's memory then follows its job's rows, not the study's (a Sobol'
 * study of 30 inputs at N = 2^18 is 4 GB of design, a job of 16 chunks 250 MB). The designs are laid
 * out by their `count`, and each design's part of the range comes from its `rows`:
 * - Saltelli (Sobol'): the sequence seeks to any point; tornado: each row known from its index;
 * - Morris, and Monte Carlo without correlations: drawn from their stream, resumed near the row;
 * - Monte Carlo with rank correlations cannot: Iman–Conover re-pairs each column by its ranks over all
 *   rows, so that design alone is built whole, once per study on this process, and sliced.
 * No warnings: the coordinator gave them when it planned the same spec.
 */
export function designRowsOf(spec: DesignSpec, first: number, count: number): Float64Array {
  const { k } = spec;
  const context = contextOf(spec, () => {});
  const entries = entriesOf(spec).map(({ entry }) => ({ entry, rows: entry.count(context) }));
  const total = entries.reduce((sum, e) => sum + e.rows, 0);
  checkTotal(spec, total);
  if (!Number.isInteger(first) || !Number.isInteger(count) || first < 0 || count < 0 || first + count > total) {
    throw new Error(`rows ${first} to ${first + count - 1} lie outside the study's design (${total} rows)`);
  }
  const parts: Array<{ readonly at: number; readonly unit: Float64Array }> = [];
  let offset = 0;
  entries.forEach(({ entry, rows }, index) => {
    const from = Math.max(first, offset);
    const to = Math.min(first + count, offset + rows);
    if (from < to) {
      const unit = entry.rows?.(context, from - offset, to - from) ?? wholeDesign(spec, index).slice((from - offset) * k, (to - offset) * k);
      parts.push({ at: from - first, unit });
    }
    offset += rows;
  });
  if (parts.length === 1) return parts[0].unit;
  const unit = new Float64Array(count * k);
  for (const p of parts) unit.set(p.unit, p.at * k);
  return unit;
}

/** Design `index` of the spec, built whole (cached for the next rows of the same study). */
function wholeDesign(spec: DesignSpec, index: number): Float64Array {
  const text = JSON.stringify(spec);
  if (whole?.spec !== text || whole.index !== index) {
    whole = undefined; // let the last one go before building the next
    whole = { spec: text, index, unit: entriesOf(spec)[index].entry.plan(contextOf(spec, () => {})).design.unit };
  }
  return whole.unit;
}
