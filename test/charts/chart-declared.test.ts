/**
 * Charts read what the model declared (issue 11): a claim's threshold is the claim's `value`, its
 * probability the one summary.json recorded; titles are labels; fan charts come from `series`;
 * reference lines only where declared; axes fit p0.1–p99.9 plus thresholds and references; labels
 * never overlap and the exceedance note stays inside the plot. Fixture: test/fixtures/results/
 * chart-declared (make-fixtures.ts), whose output names follow no pattern on purpose.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { loadResults } from '../../src/charts/load.ts';
import { chooseCharts } from '../../src/charts/select.ts';
import { distributionChart } from '../../src/charts/distribution.ts';
import { exceedanceChart } from '../../src/charts/exceedance.ts';
import { toSvg } from '../../src/charts/render.ts';
import { percentile } from '../../src/charts/quantile.ts';
import { textWidth } from '../../src/charts/text-metrics.ts';
import { height, width } from '../../src/charts/theme.ts';
import { formatClaimText } from '../../src/results/format-number.ts';
import type { NamedChart } from '../../src/charts/types.ts';
import { FIXTURES, svgText } from './helpers.ts';

const DIR = join(FIXTURES, 'chart-declared');
const results = await loadResults(DIR);
const charts = chooseCharts(results);
const chart = (name: string): NamedChart => {
  const c = charts.find((x) => x.name === name);
  if (!c) throw new Error(`no chart ${name} in ${charts.map((x) => x.name).join(', ')}`);
  return c;
};

type Layer = { data?: { values?: Record<string, unknown>[] }; mark: { type: string; strokeDash?: number[]; align?: string; fontSize?: number; fontWeight?: number }; encoding?: Record<string, { value?: number; scale?: { domain?: number[]; type?: string } | null; field?: string }> };
const layers = (c: NamedChart): Layer[] => (c.spec as unknown as { layer: Layer[] }).layer;
/** The values of a chart's threshold (dashed) and reference (solid) rules; p5/median/p95 rules left out. */
const rules = (c: NamedChart, dashed?: boolean): number[] =>
  layers(c)
    .filter((l) => l.mark.type === 'rule' && (dashed === undefined || Boolean(l.mark.strokeDash) === dashed))
    .flatMap((l) => (l.data?.values ?? []).filter((v) => v.kind !== 'percentile').map((v) => v.value as number));
const title = (c: NamedChart): string => (c.spec.title as { text: string }).text;
const domain = (c: NamedChart): number[] => {
  for (const l of layers(c)) {
    const d = l.encoding?.x?.scale?.domain;
    if (d) return d;
  }
  throw new Error('no x domain');
};

describe('charts read declarations, never names', () => {
  it('a fan chart per declared series, the primary output first, the series’ earlier members folded into the fan', () => {
    const names = charts.map((c) => c.name);
    expect(names[0]).toBe('fan-electricity');
    expect(names[1]).toBe('distribution-energy');
    expect(names).not.toContain('distribution-a');
    expect(names).not.toContain('distribution-b');
    expect(names).toContain('distribution-c');
    expect(title(chart('fan-electricity'))).toBe('Electricity: projection with uncertainty');
  });

  it('the threshold drawn is the claim’s value, and the printed probability is the claim’s own, with its interval', async () => {
    const claim = results.summary!.claims.few_units;
    expect(claim).toMatchObject({ output: 'units', op: '<=', value: 2 });
    const c = chart('exceedance-units');
    expect(rules(c, true)).toEqual([claim.value]);
    const text = svgText(await toSvg(c.spec as TopLevelSpec));
    expect(text).toContain(`P(Reactors needed ≤ 2) = ${formatClaimText(claim.probability, claim.ci95)}`);
    // An "at most" claim reads off P(output ≤ x): the point sits at the claim's probability, not its complement.
    const point = layers(c).find((l) => l.mark.type === 'point')!.data!.values![0] as { y: number };
    expect(Math.abs(point.y - claim.probability)).toBeLessThan(0.01);

    const big = results.summary!.claims.big_year;
    const e = chart('exceedance-energy');
    expect(rules(e, true)).toEqual([20]);
    expect(svgText(await toSvg(e.spec as TopLevelSpec))).toContain(`P(Annual electricity > 20) = ${formatClaimText(big.probability, big.ci95)}`);
  });

  it('draws no threshold or reference that was not declared: a function claim and a claim-like name draw nothing', () => {
    for (const name of ['exceedance-tokens_per_person_day', 'exceedance-two_reactors_2030', 'distribution-two_reactors_2030', 'exceedance-c']) {
      expect(rules(chart(name)), name).toEqual([]);
    }
    expect(rules(chart('distribution-units'), false)).toEqual([]);
    // energy: the declared reference (solid) and the declared claim (dashed), besides p5/median/p95.
    expect(rules(chart('exceedance-energy'), false)).toEqual([2 * 7.884]);
    const dist = chart('distribution-energy');
    const labels = layers(dist).filter((l) => l.mark.type === 'text').flatMap((l) => (l.data?.values ?? []).map((v) => v.text));
    expect(labels.sort()).toEqual(['2 reactors (1 GW, 90%)', '> 20', 'median 13', 'p5 9.19', 'p95 18.4'].sort());
  });

  it('a reference at a claim’s threshold is one dashed rule, labelled with the comparison and the reference’s words', async () => {
    const claim = { name: 'c', output: 'energy', op: '<=' as const, value: 15.768, probability: 0.8 };
    const input = { name: 'energy', distribution: results.distributions!.outputs.energy, summary: results.summary!.outputs.energy };
    for (const spec of [distributionChart({ ...input, claims: [claim], references: [{ label: '2 reactors (1 GW, 90%)', value: 15.768 }] }), exceedanceChart({ ...input, claims: [claim], references: [{ label: '2 reactors (1 GW, 90%)', value: 15.768 }] })]) {
      const c = { name: 'x', caption: '', spec };
      expect(rules(c, true)).toEqual([15.768]);
      expect(rules(c, false)).toEqual([]);
      expect(svgText(await toSvg(spec))).toContain('≤ 2 reactors (1 GW, 90%)');
    }
  });

  it('uses labels in titles and axes, and a name as written where no label is declared', async () => {
    expect(title(chart('distribution-energy'))).toBe('Distribution of Annual electricity');
    expect(title(chart('exceedance-energy'))).toBe('Exceedance curve of Annual electricity');
    expect(title(chart('exceedance-units'))).toBe('Cumulative probability of Reactors needed');
    expect(title(chart('convergence-energy'))).toBe('Convergence of Annual electricity');
    expect(title(chart('tornado-energy'))).toBe('Tornado: what moves Annual electricity');
    expect(title(chart('sobol-energy'))).toBe('Sobol indices for Annual electricity');
    expect(title(chart('distribution-tokens_per_person_day'))).toBe('Distribution of tokens_per_person_day');
    expect(svgText(await toSvg(chart('distribution-energy').spec as TopLevelSpec))).toContain('Annual electricity (TWh/yr)');
  });

  it('fits each value axis to p0.1–p99.9 of the data plus the declared thresholds and references', () => {
    for (const c of charts.filter((x) => /^(distribution|exceedance)-/.test(x.name))) {
      const output = c.name.replace(/^[a-z]+-/, '');
      const dist = results.distributions!.outputs[output];
      // p0.1 and p99.9: the grid's ends (0.999 as 99.9 / 100 rounds past the grid's last p).
      const lo = percentile(undefined, dist, 0.1) ?? dist.quantiles.x[0];
      const hi = percentile(undefined, dist, 99.9) ?? dist.quantiles.x[dist.quantiles.x.length - 1];
      const marked = rules(c);
      const want = [Math.min(lo, ...marked), Math.max(hi, ...marked)];
      const [d0, d1] = domain(c);
      const log = layers(c).some((l) => l.encoding?.x?.scale?.type === 'log');
      const slack = log ? (want[1] / want[0]) ** 0.03 : (want[1] - want[0]) * 0.03;
      if (log) {
        expect(d0, c.name).toBeGreaterThanOrEqual(want[0] / slack);
        expect(d1, c.name).toBeLessThanOrEqual(want[1] * slack);
      } else {
        expect(d0, c.name).toBeGreaterThanOrEqual(want[0] - slack);
        expect(d1, c.name).toBeLessThanOrEqual(want[1] + slack);
      }
      expect(d0, c.name).toBeLessThanOrEqual(want[0]);
      expect(d1, c.name).toBeGreaterThanOrEqual(want[1]);
    }
  });

  it('keeps the labels above the plot apart, and the claim note inside the plot', () => {
    for (const c of charts.filter((x) => /^(distribution|exceedance)-/.test(x.name))) {
      const lane = layers(c).filter((l) => l.mark.type === 'text' && l.encoding?.x?.field === 'cx');
      for (const l of lane) {
        const items = (l.data?.values ?? []) as { cx: number; cy: number; text: string }[];
        const w = (t: string) => textWidth(t, l.mark.fontSize ?? 11, l.mark.fontWeight ?? 600);
        for (const a of items) {
          expect(a.cx - w(a.text) / 2, `${c.name}: ${a.text}`).toBeGreaterThanOrEqual(-0.5);
          expect(a.cx + w(a.text) / 2, `${c.name}: ${a.text}`).toBeLessThanOrEqual(width + 0.5);
          for (const b of items) {
            if (a === b || a.cy !== b.cy) continue;
            expect(Math.abs(a.cx - b.cx), `${c.name}: ${a.text} / ${b.text}`).toBeGreaterThanOrEqual((w(a.text) + w(b.text)) / 2);
          }
        }
      }
      for (const note of layers(c).filter((l) => l.mark.type === 'text' && l.encoding?.x?.value !== undefined)) {
        const lines = (note.data!.values![0] as { lines: string[] }).lines;
        const w = Math.max(...lines.map((t) => textWidth(t, 12, 600)));
        const x = note.encoding!.x.value!;
        const left = note.mark.align === 'right' ? x - w : x;
        expect(left, c.name).toBeGreaterThanOrEqual(0);
        expect(left + w, c.name).toBeLessThanOrEqual(width);
        expect(note.encoding!.y.value!, c.name).toBeGreaterThanOrEqual(0);
        expect(note.encoding!.y.value! + 16 * lines.length, c.name).toBeLessThanOrEqual(height);
      }
    }
  });

  it('draws the median’s confidence band in the convergence chart like the others', () => {
    const rows = (chart('convergence-energy').spec as unknown as { data: { values: { stat: string; lo?: number; hi?: number }[] } }).data.values;
    for (const stat of ['mean', 'median', 'p95']) {
      const mine = rows.filter((r) => r.stat === stat);
      expect(mine.length).toBeGreaterThan(3);
      expect(mine.every((r) => Number.isFinite(r.lo) && Number.isFinite(r.hi) && (r.lo as number) < (r.hi as number)), stat).toBe(true);
    }
  });

  it('sizes Sobol and correlation charts to their content: landscape, the axis ending near the largest index', () => {
    for (const name of ['sobol-energy', 'correlation-energy']) {
      const spec = chart(name).spec as unknown as { width: number; height: number; layer: Layer[] };
      expect(spec.height).toBeLessThan(spec.width);
      const d = domain(chart(name));
      const values = spec.layer.flatMap((l) => (l.data?.values ?? []).flatMap((v) => [v.value, v.hi].filter((x): x is number => typeof x === 'number')));
      expect(d[1] - Math.max(...values)).toBeLessThanOrEqual(0.06);
    }
  });
});

describe('the loader reads the declarations and refuses bad ones with the file and field named', () => {
  const copy = (): string => {
    const dir = join(mkdtempSync(join(tmpdir(), 'aemc-chart-')), 'run');
    mkdirSync(dir);
    for (const f of ['summary.json', 'distributions.json', 'manifest.json']) writeFileSync(join(dir, f), readFileSync(join(DIR, f)));
    return dir;
  };
  const edit = (dir: string, file: string, change: (j: Record<string, any>) => void): void => {
    const j = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    change(j);
    writeFileSync(join(dir, file), JSON.stringify(j));
  };

  it('reads labels, claims as data, primary, references and series', () => {
    expect(results.summary!.outputs.energy.label).toBe('Annual electricity');
    expect(results.summary!.primaryOutput).toBe('energy');
    expect(results.manifest!.outputs.energy.references).toEqual([{ label: '2 reactors (1 GW, 90%)', value: 15.768 }]);
    expect(results.manifest!.outputs.c.series).toEqual({ name: 'electricity', x: 2027 });
    expect(results.manifest!.claims.few_units).toMatchObject({ output: 'units', op: '<=', value: 2 });
    expect(results.summary!.claims.two_reactors_suffice.op).toBeUndefined();
  });

  for (const [file, change, message] of [
    ['summary.json', (j: any) => (j.claims.few_units.op = '=<'), /^summary\.json: claims\.few_units\.op: got "=<"; one of <, <=, >, >=/],
    ['summary.json', (j: any) => (j.claims.few_units.value = '2'), /^summary\.json: claims\.few_units\.value: got "2"/],
    ['summary.json', (j: any) => (j.outputs.energy.label = 7), /^summary\.json: outputs\.energy\.label: got 7; a string/],
    ['manifest.json', (j: any) => (j.outputs.energy.references[0].value = 'x'), /^manifest\.json: outputs\.energy\.references\[0\]\.value: got "x"; a finite number/],
    ['manifest.json', (j: any) => (j.outputs.energy.references = { label: 'x' }), /^manifest\.json: outputs\.energy\.references: /],
    ['manifest.json', (j: any) => (j.outputs.c.series = { name: 'e', x: '2027' }), /^manifest\.json: outputs\.c\.series\.x: got "2027"/],
    ['manifest.json', (j: any) => (j.outputs.energy.primary = 'yes'), /^manifest\.json: outputs\.energy\.primary: got "yes"; true or false/],
  ] as const) {
    it(`${file}: ${String(message)}`, async () => {
      const dir = copy();
      edit(dir, file, change);
      const err = await loadResults(dir).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(err?.message.split('\n').length).toBe(1);
      expect(err?.message).toMatch(message);
    });
  }

  it('an older folder (no declarations, no p50CI95) still loads, with neutral values', async () => {
    const old = await loadResults(join(FIXTURES, 'edunov-2023'));
    expect(old.summary!.outputs.annual_twh.label).toBeUndefined();
    expect(old.manifest!.outputs.annual_twh.references).toBeUndefined();
    expect(old.distributions!.outputs.annual_twh.convergence.p50CI95!.every((i) => i.every(Number.isNaN))).toBe(true);
  });
});
