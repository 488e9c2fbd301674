/**
 * Sobol indices: first-order S1 (the share of the output's variance due to the input alone)
 * and total-order ST (including its interactions), each with its bootstrap 95% CI as a
 * whisker; inputs sorted by ST. Saltelli et al. (2010), "Variance based sensitivity analysis
 * of model output", Computer Physics Communications 181:259–270.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatCount } from '../results/format-number.ts';
import { indexBarsChart } from './index-bars.ts';
import { colours } from './theme.ts';
import type { SensitivityReading } from '../sensitivity/result.ts';
import { targetName } from './types.ts';

export interface SobolChartInput {
  readonly sensitivity: SensitivityReading;
  /** The target's title (an output's label, else its name; `claim NAME` for a claim). */
  readonly title?: string;
  readonly top?: number;
}

/** Whether the study has Sobol indices for any input. */
export function hasSobol(s: SensitivityReading): boolean {
  return Object.values(s.indices).some((i) => Number.isFinite(i.S1) || Number.isFinite(i.ST));
}

export function sobolChart(input: SobolChartInput): TopLevelSpec {
  const s = input.sensitivity;
  const target = targetName(s.target);
  return indexBarsChart({
    sensitivity: s,
    series: [
      { label: 'S1 (first order)', value: (i) => i.S1, ci: (i) => i.S1CI95, colour: colours.main },
      { label: 'ST (total order)', value: (i) => i.ST, ci: (i) => i.STCI95, colour: colours.second },
    ],
    importance: (i) => i.ST ?? i.S1 ?? 0,
    title: `Sobol indices for ${input.title ?? (target.kind === 'claim' ? `claim ${target.name}` : target.name)}`,
    subtitle: [
      'S1: share of variance from the input alone; ST: with its interactions. Whiskers: 95% bootstrap CI',
      `Base sample N = ${formatCount(s.samples)}, ${formatCount(s.evaluations)} evaluations, seed ${s.seed}`,
    ],
    xTitle: 'Share of output variance',
    domain: [0, 0],
    top: input.top,
  });
}
