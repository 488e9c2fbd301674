/**
 * Types the charts read beyond `src/results/types.ts`: the `sensitivity.json` written by
 * the sensitivity command (each method fills its own fields, so every field is optional),
 * and the named chart that the selection step hands to the renderers and the report.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Interval } from '../results/types.ts';

export interface SensitivityIndex {
  readonly S1?: number;
  readonly S1CI95?: Interval;
  readonly ST?: number;
  readonly STCI95?: Interval;
  readonly spearman?: number;
  readonly spearmanCI95?: Interval;
  readonly prcc?: number;
  readonly prccCI95?: Interval;
  /** Morris screening. */
  readonly muStar?: number;
  readonly sigma?: number;
  /** Tornado: the output with this input at its low / high swing point, the others at their medians. */
  readonly low?: number;
  readonly high?: number;
}

/** `sensitivity.json`. */
export interface SensitivityResult {
  readonly model: string;
  readonly target: { readonly output: string } | { readonly claim: string };
  readonly method: string;
  readonly samples: number;
  readonly seed: string;
  readonly evaluations: number;
  readonly warnings?: readonly string[];
  /**
   * The output with every input at its median, if the sensitivity command records it.
   * The tornado chart's bars start from it; without it the chart estimates it (see tornado.ts).
   */
  readonly baseline?: number;
  /** Per-method details written by the sensitivity command; the tornado's `base` is the all-medians output. */
  readonly details?: { readonly tornado?: { readonly base: number | null } };
  readonly indices: Readonly<Record<string, SensitivityIndex>>;
}

/** A chart chosen for a results folder: `name` is its file stem under `charts/`. */
export interface NamedChart {
  readonly name: string;
  /** What the chart shows, in words (used as the report's caption). */
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

/** The name of a sensitivity study's target, whichever kind it is. */
export function targetName(target: SensitivityResult['target']): { readonly kind: 'output' | 'claim'; readonly name: string } {
  return 'output' in target ? { kind: 'output', name: target.output } : { kind: 'claim', name: target.claim };
}
