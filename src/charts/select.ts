/**
 * Which charts a results folder gets, and under which file names. Pure: results in, named
 * specs out; `index.ts` renders them to files and the report embeds them.
 *
 * Everything a chart says beyond the numbers comes from what the model declared (`declared.ts`):
 * titles from outputs' labels (else the name as written), fan charts from outputs' `series`,
 * reference lines from outputs' `references`, thresholds from claims declared as data. Nothing is
 * read from a name: a folder without declarations gets plain charts.
 *
 * The choice:
 * - a fan chart for each declared series with two or more drawable members;
 * - for every other output, for the last member of each series (the farthest, widest horizon;
 *   the fan shows the others) and for any member a claim is declared on: a distribution, an
 *   exceedance curve and a convergence chart (the last only when distributions.json has running
 *   estimates); outputs with no finite sample or a single value get none (the tables show them),
 *   and one whose histogram edges are unusable (null in an older run) gets no distribution chart;
 * - tornado, Sobol and rank-correlation charts when sensitivity.json has their fields.
 * The primary output's charts come first (the report leads with them).
 */
import type { OutputDistribution, OutputSummary, Summary } from '../results/types.ts';
import type { CompareRun } from './compare.ts';
import { convergenceChart } from './convergence.ts';
import { correlationChart, hasCorrelation } from './correlation.ts';
import { declarations, declaredSeries, outputTitle, primaryOutput } from './declared.ts';
import { distributionChart } from './distribution.ts';
import { exceedanceChart } from './exceedance.ts';
import { fanChart, fanDrawable, seriesTitle } from './fan.ts';
import type { LoadedResults } from './load.ts';
import { hasSobol, sobolChart } from './sobol.ts';
import { hasTornado, tornadoChart } from './tornado.ts';
import { targetName } from './types.ts';
import { plainTextSpec } from './text.ts';
import type { NamedChart } from './types.ts';

/** Options of the chart choice (none yet: what is drawn follows from the folder's declarations). */
export type ChartChoiceOptions = Readonly<Record<never, never>>;

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
export function chooseCharts(results: LoadedResults, _options: ChartChoiceOptions = {}): NamedChart[] {
  const { summary, distributions: dists, sensitivity } = results;
  const charts: NamedChart[] = [];
  const modelTitle = summary?.title ?? results.manifest?.title;

  if (summary) {
    const skip = new Set<string>();
    for (const [name, members] of declaredSeries(results)) {
      const points = members.flatMap((m) => (fanDrawable(summary.outputs[m.output]) ? [{ x: m.x, summary: summary.outputs[m.output], output: m.output }] : []));
      if (points.length < 2) continue;
      const title = seriesTitle(points.map((p) => (results.summary?.outputs[p.output]?.label ?? results.manifest?.outputs[p.output]?.label)), name);
      charts.push({
        name: `fan-${slug(name)}`,
        caption: `${title}, ${points[0].x} to ${points[points.length - 1].x}: median, 50% and 90% intervals.`,
        spec: fanChart({ title, points, modelTitle }),
      });
      for (const p of points.slice(0, -1)) if (declarations(results, p.output).claims.length === 0) skip.add(p.output);
    }
    const primary = primaryOutput(results);
    const names = Object.keys(summary.outputs);
    const ordered = primary === undefined ? names : [primary, ...names.filter((n) => n !== primary)];
    for (const name of ordered) {
      const out = summary.outputs[name];
      if (skip.has(name)) continue;
      const dist = dists?.outputs[name];
      if (!dist) continue;
      const s = slug(name);
      if (!hasSpread(dist)) continue;
      const d = declarations(results, name);
      const common = { name, title: d.title, distribution: dist, summary: out, modelTitle };
      if (hasHistogram(dist)) {
        charts.push({
          name: `distribution-${s}`,
          caption: `How ${d.title} is distributed over the samples, with its p5, median and p95${d.claims.length ? ' and the claims’ thresholds' : ''}${d.references.length ? ' and the reference values the model declares' : ''}.`,
          spec: distributionChart({ ...common, references: d.references, claims: d.claims }),
        });
      }
      const below = d.claims.length > 0 && (d.claims[0].op === '<' || d.claims[0].op === '<=');
      charts.push({
        name: `exceedance-${s}`,
        caption: `The chance that ${d.title} ${below ? 'stays at or below' : 'exceeds'} each value${d.claims.length ? `, with the threshold of claim ${d.claims.map((c) => c.name).join(', ')}` : ''}.`,
        spec: exceedanceChart({ ...common, claims: d.claims, references: d.references }),
      });
      if (dist.convergence.n.length > 0) {
        charts.push({
          name: `convergence-${s}`,
          caption: `Running estimates of ${d.title} as samples accumulate, with 95% confidence bands.`,
          spec: convergenceChart(common),
        });
      }
    }
  }

  if (sensitivity) {
    const target = targetName(sensitivity.target);
    const s = slug(target.name);
    const unit = target.kind === 'output' ? (summary?.outputs[target.name]?.unit ?? results.manifest?.outputs[target.name]?.unit) : undefined;
    const title = target.kind === 'output' ? outputTitle(results, target.name) : `claim ${target.name}`;
    if (hasTornado(sensitivity)) {
      charts.push({ name: `tornado-${s}`, caption: `Which inputs move ${title} most, one at a time.`, spec: tornadoChart({ sensitivity, unit, title }) });
    }
    if (hasSobol(sensitivity)) {
      charts.push({ name: `sobol-${s}`, caption: `Sobol indices: the share of ${title}'s variance each input explains.`, spec: sobolChart({ sensitivity, title }) });
    }
    if (hasCorrelation(sensitivity)) {
      charts.push({ name: `correlation-${s}`, caption: `Rank correlations of each input with ${title}.`, spec: correlationChart({ sensitivity, title }) });
    }
  }
  // Text from the results files shows as written: control characters made visible (see text.ts).
  return uniqueNames(charts).map((c) => ({ ...c, spec: plainTextSpec(c.spec) }));
}

/** Label runs for the comparison chart: the label given (`compare --label`), else the model name, disambiguated by folder when repeated. */
export function compareRuns(runs: readonly { dir: string; summary: Summary; label?: string }[], output: string): CompareRun[] {
  const counts = new Map<string, number>();
  for (const r of runs) counts.set(r.summary.model, (counts.get(r.summary.model) ?? 0) + 1);
  return runs.map((r) => {
    const out = r.summary.outputs[output] as OutputSummary;
    const folder = r.dir.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? r.dir;
    return { label: r.label ?? ((counts.get(r.summary.model) ?? 0) > 1 ? `${r.summary.model} (${folder})` : r.summary.model), summary: out };
  });
}
