/**
 * Which charts a results folder gets, and under which file names. Pure: results in, named
 * specs out; `index.ts` renders them to files and the report embeds them.
 *
 * The choice:
 * - a fan chart for each group of year-indexed outputs (`<base>_YYYY`, two or more years);
 * - for every other output, and for the last year of each year-indexed group (the farthest,
 *   widest horizon; the fan already shows the others): a distribution, an exceedance curve
 *   and a convergence chart (the last only when distributions.json has running estimates);
 *   outputs with no finite sample or a single value get none (the tables show them), and one
 *   whose histogram edges are unusable (null in an older run) gets no distribution chart;
 * - tornado, Sobol and rank-correlation charts when sensitivity.json has their fields.
 *
 * Claims on exceedance curves (summary.json does not record a claim's threshold, so it is
 * read from the claim's name): a claim named like `two_reactors_suffice` or
 * `fewer_than_20_reactors_2030` — a count (a digit string or one…ten) followed by a thing
 * (`reactors`, `plants`, …) — is drawn
 *   (a) on the output named after the thing (`reactors`, `reactors_2030`) at the count, and
 *   (b) for reactor claims, on energy outputs (unit mentions TWh) at count × the annual output
 *       of one reactor (`reactorTwh`);
 * a claim naming a year applies only to outputs of that year. Each output shows the first
 * claim, in summary.json's order, that applies to it.
 */
import type { OutputDistribution, OutputSummary, Summary } from '../results/types.ts';
import type { CompareRun } from './compare.ts';
import { convergenceChart } from './convergence.ts';
import { correlationChart, hasCorrelation } from './correlation.ts';
import { distributionChart } from './distribution.ts';
import { exceedanceChart } from './exceedance.ts';
import type { ExceedanceClaim } from './exceedance.ts';
import { fanChart, splitYear, yearSeries } from './fan.ts';
import type { LoadedResults } from './load.ts';
import { hasSobol, sobolChart } from './sobol.ts';
import { formatLabel } from '../results/format-number.ts';
import { isEnergyUnit } from './theme.ts';
import { hasTornado, tornadoChart } from './tornado.ts';
import { targetName } from './types.ts';
import { plainTextSpec } from './text.ts';
import type { NamedChart } from './types.ts';

/** Annual output of a 1 GW reactor at a 90% capacity factor: 1 GW × 8,760 h × 0.9 = 7.884 TWh. */
export const DEFAULT_REACTOR_TWH = 7.884;

export interface ChartChoiceOptions {
  /**
   * Annual output of one reactor in TWh, for reactor rules on energy outputs and for reactor
   * claims on energy exceedance curves. Default `DEFAULT_REACTOR_TWH`; `null` draws none.
   */
  readonly reactorTwh?: number | null;
}

const WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** What a claim's name says about its threshold, if it follows the `<count>_<things>` pattern. */
export interface CountClaim {
  readonly count: number;
  /** Singular: `reactor`, `plant`. */
  readonly thing: string;
  readonly year?: number;
}

/**
 * @example parseCountClaim('two_reactors_suffice') // { count: 2, thing: 'reactor' }
 * @example parseCountClaim('fewer_than_20_reactors_2030') // { count: 20, thing: 'reactor', year: 2030 }
 */
export function parseCountClaim(name: string): CountClaim | undefined {
  const m = /(?:^|_)(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)_([a-z]+?)s?(?=_|$)/i.exec(name);
  if (!m) return undefined;
  const count = WORDS[m[1].toLowerCase()] ?? Number(m[1]);
  const y = /_((?:19|20|21)\d\d)(?=_|$)/.exec(name);
  return { count, thing: m[2].toLowerCase(), ...(y ? { year: Number(y[1]) } : {}) };
}

/** The claim (if any) to draw on an output's exceedance curve; see the module comment. */
export function claimFor(
  output: string,
  unit: string | undefined,
  claims: Summary['claims'],
  reactorTwh: number | undefined,
): ExceedanceClaim | undefined {
  const split = splitYear(output);
  const base = split?.base ?? output;
  for (const [name, c] of Object.entries(claims)) {
    const parsed = parseCountClaim(name);
    if (!parsed) continue;
    if (parsed.year !== undefined && parsed.year !== split?.year) continue;
    const plural = `${parsed.thing}s`;
    const common = { name, probability: c.probability, ci95: c.ci95 };
    if (base === plural || base === parsed.thing) return { ...common, threshold: parsed.count, thresholdLabel: `${parsed.count} ${plural}` };
    if (parsed.thing === 'reactor' && reactorTwh !== undefined && isEnergyUnit(unit)) {
      const threshold = parsed.count * reactorTwh;
      return { ...common, threshold, thresholdLabel: `${parsed.count} reactor${parsed.count === 1 ? '' : 's'} = ${formatLabel(threshold)} ${unit}` };
    }
  }
  return undefined;
}

/**
 * A file-name-safe stem for a chart about `name`: letters, digits, `_` and `-` only, so a
 * crafted output name cannot reach outside `charts/`.
 */
export function slug(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return (s || 'output').slice(0, 80);
}

/** Makes chart names unique by numbering repeats (`x`, `x-2`, …). */
function uniqueNames(charts: NamedChart[]): NamedChart[] {
  const seen = new Map<string, number>();
  return charts.map((c) => {
    const n = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, n);
    return n === 1 ? c : { ...c, name: `${c.name}-${n}` };
  });
}

/**
 * Whether an output's distribution can be drawn: some finite samples, and not all equal (a
 * constant output has no histogram or curve worth a chart; the summary table shows it).
 */
export function hasSpread(dist: OutputDistribution): boolean {
  const x = dist.quantiles.x.filter(Number.isFinite);
  return x.length >= 2 && x[x.length - 1] > x[0];
}

/** Whether the histogram has a bin with samples and width (an older run's overflowed edges, read as NaN, have none). */
function hasHistogram(dist: OutputDistribution): boolean {
  const { edges, counts } = dist.histogram;
  return counts.some((c, i) => c > 0 && edges[i + 1] > edges[i]);
}

/** The charts for one results folder, in reading order. */
export function chooseCharts(results: LoadedResults, options: ChartChoiceOptions = {}): NamedChart[] {
  const reactorTwh = options.reactorTwh === null ? undefined : (options.reactorTwh ?? DEFAULT_REACTOR_TWH);
  const { summary, distributions: dists, sensitivity } = results;
  const charts: NamedChart[] = [];
  const modelTitle = summary?.title ?? results.manifest?.title;

  if (summary) {
    const series = yearSeries(summary.outputs);
    const skip = new Set<string>();
    for (const [base, years] of series) {
      charts.push({
        name: `fan-${slug(base)}`,
        caption: `${base} year by year: median, 50% and 90% intervals.`,
        spec: fanChart({ base, years, modelTitle }),
      });
      for (const y of years.slice(0, -1)) skip.add(`${base}_${y.year}`);
    }
    for (const [name, out] of Object.entries(summary.outputs)) {
      if (skip.has(name)) continue;
      const dist = dists?.outputs[name];
      if (!dist) continue;
      const s = slug(name);
      if (!hasSpread(dist)) continue;
      if (hasHistogram(dist)) {
        charts.push({
          name: `distribution-${s}`,
          caption: `How ${name} is distributed over the samples, with its p5, median and p95.`,
          spec: distributionChart({ name, distribution: dist, summary: out, modelTitle, reactorTwh }),
        });
      }
      const claim = claimFor(name, out.unit, summary.claims, reactorTwh);
      charts.push({
        name: `exceedance-${s}`,
        caption: `The chance that ${name} exceeds each value${claim ? `, with the threshold of claim ${claim.name}` : ''}.`,
        spec: exceedanceChart({ name, distribution: dist, summary: out, modelTitle, claim }),
      });
      if (dist.convergence.n.length > 0) {
        charts.push({
          name: `convergence-${s}`,
          caption: `Running estimates of ${name} as samples accumulate, with 95% confidence bands.`,
          spec: convergenceChart({ name, distribution: dist, summary: out, modelTitle }),
        });
      }
    }
  }

  if (sensitivity) {
    const target = targetName(sensitivity.target);
    const s = slug(target.name);
    const unit = target.kind === 'output' ? (summary?.outputs[target.name]?.unit ?? results.manifest?.outputs[target.name]?.unit) : undefined;
    if (hasTornado(sensitivity)) {
      charts.push({ name: `tornado-${s}`, caption: `Which inputs move ${target.name} most, one at a time.`, spec: tornadoChart({ sensitivity, unit }) });
    }
    if (hasSobol(sensitivity)) {
      charts.push({ name: `sobol-${s}`, caption: `Sobol indices: the share of ${target.name}'s variance each input explains.`, spec: sobolChart({ sensitivity }) });
    }
    if (hasCorrelation(sensitivity)) {
      charts.push({ name: `correlation-${s}`, caption: `Rank correlations of each input with ${target.name}.`, spec: correlationChart({ sensitivity }) });
    }
  }
  // Text from the results files shows as written: control characters made visible (see text.ts).
  return uniqueNames(charts).map((c) => ({ ...c, spec: plainTextSpec(c.spec) }));
}

/** Label runs for the comparison chart: the model name, disambiguated by folder when repeated. */
export function compareRuns(runs: readonly { dir: string; summary: Summary }[], output: string): CompareRun[] {
  const counts = new Map<string, number>();
  for (const r of runs) counts.set(r.summary.model, (counts.get(r.summary.model) ?? 0) + 1);
  return runs.map((r) => {
    const out = r.summary.outputs[output] as OutputSummary;
    const folder = r.dir.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? r.dir;
    return { label: (counts.get(r.summary.model) ?? 0) > 1 ? `${r.summary.model} (${folder})` : r.summary.model, summary: out };
  });
}
