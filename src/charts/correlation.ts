/**
 * Rank correlations of each input with the output: Spearman's ρ and the partial rank
 * correlation coefficient (PRCC, the correlation left after removing the other inputs'
 * linear effect on the ranks), with 95% CIs; inputs sorted by |PRCC| (else |ρ|).
 * Marino et al. (2008), "A methodology for performing global uncertainty and sensitivity
 * analysis in systems biology", J. Theor. Biol. 254:178–196.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatCount } from '../results/format-number.ts';
import { indexBarsChart } from './index-bars.ts';
import { colours } from './theme.ts';
import type { SensitivityReading } from '../sensitivity/result.ts';
import { targetName } from './types.ts';

export interface CorrelationChartInput {
  readonly sensitivity: SensitivityReading;
  /** The target's title (an output's label, else its name; `claim NAME` for a claim). */
  readonly title?: string;
  readonly top?: number;
}

/** Whether the study has Spearman or PRCC values for any input. */
export function hasCorrelation(s: SensitivityReading): boolean {
  return Object.values(s.indices).some((i) => Number.isFinite(i.spearman) || Number.isFinite(i.prcc));
}

export function correlationChart(input: CorrelationChartInput): TopLevelSpec {
  const s = input.sensitivity;
  const target = targetName(s.target);
  return indexBarsChart({
    sensitivity: s,
    series: [
      { label: 'Spearman ρ', value: (i) => i.spearman, ci: (i) => i.spearmanCI95, colour: colours.main },
      { label: 'PRCC', value: (i) => i.prcc, ci: (i) => i.prccCI95, colour: colours.third },
    ],
    importance: (i) => Math.abs(i.prcc ?? i.spearman ?? 0),
    title: `Rank correlations with ${input.title ?? (target.kind === 'claim' ? `claim ${target.name}` : target.name)}`,
    subtitle: [
      'Spearman ρ: rank correlation; PRCC: partial rank correlation (other inputs held out). Whiskers: 95% CI',
      `${formatCount(s.samples)} samples, seed ${s.seed}`,
    ],
    xTitle: 'Correlation',
    domain: [0, 0],
    top: input.top,
  });
}
