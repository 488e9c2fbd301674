/**
 * Types the charts add to the results they read: the named chart that the selection step hands to the
 * renderers and the report. What they read is declared where it is written: `src/results/types.ts`
 * (summary, distributions, manifest) and `src/sensitivity/result.ts` (sensitivity.json, read as a
 * `SensitivityReading`).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SensitivityTarget } from '../sensitivity/result.ts';

/** A chart chosen for a results folder: `name` is its file stem under `charts/`. */
export interface NamedChart {
  readonly name: string;
  /** What the chart shows, in words (used as the report's caption). */
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

/** The name of a sensitivity study's target, whichever kind it is. */
export function targetName(target: SensitivityTarget): { readonly kind: 'output' | 'claim'; readonly name: string } {
  return 'output' in target ? { kind: 'output', name: target.output } : { kind: 'claim', name: target.claim };
}
