/**
 * A study's designs as a small spec: everything stage 2 of `runSensitivity` reads (the methods,
 * k, --samples, seed, correlations, Morris and tornado options). The designs are deterministic in
 * it, so a machine that has the spec regenerates the very rows (`planDesigns`) instead of
 * receiving them: a queued study ships the spec and a row range per job, never the design.
 */
import { InputError } from '../errors.ts';
import { DESIGN_VALUES, selectMethods, type Method, type SensitivityMethod } from './registry.ts';
import type { Design } from './types.ts';

export interface DesignSpec {
  readonly method: SensitivityMethod | 'all';
  /** Design columns: the model's non-constant parameters. */
  readonly k: number;
  readonly samples: number;
  readonly seed: string;
  /** The model's rank correlations as design-column triples. */
  readonly correlations: ReadonlyArray<readonly [number, number, number]>;
  readonly tornado?: { readonly low?: number; readonly high?: number };
  readonly trajectories?: number;
  readonly levels?: number;
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
  /** Every design's rows, concatenated in plan order (rows × k). */
  readonly unit: Float64Array;
  /** The `samples` the result reports (Sobol' rounds N up). */
  readonly samples: number;
}

/** One design per design entry, in the order the selected methods first read them; then concatenated for one evaluation pass. */
export function planDesigns(spec: DesignSpec, warn: (text: string) => void): PlannedDesigns {
  const { k } = spec;
  let samples = spec.samples;
  const planned: Planned[] = [];
  let offset = 0;
  for (const m of selectMethods(spec.method)) {
    const shared = planned.find((p) => p.entry === m.design);
    if (shared) {
      shared.methods.push(m);
      continue;
    }
    const plan = m.design.plan({
      k,
      samples: spec.samples,
      all: spec.method === 'all',
      seed: spec.seed,
      correlations: spec.correlations,
      tornado: spec.tornado,
      trajectories: spec.trajectories,
      levels: spec.levels,
      warn,
    });
    if (plan.samples !== undefined) samples = plan.samples;
    planned.push({ entry: m.design, design: plan.design, offset, methods: [m] });
    offset += plan.design.rows;
  }
  if (offset * k > DESIGN_VALUES) {
    throw new InputError('--samples', spec.samples, `fewer samples: the designs together would hold ${(offset * k).toLocaleString('en-US')} values, more than 2^31; run the methods one at a time or lower --samples`);
  }
  const unit = new Float64Array(offset * k);
  for (const p of planned) unit.set(p.design.unit, p.offset * k);
  return { planned, unit, samples };
}
