/**
 * Every chart spec compiles with vega-lite without a warning (compileChart throws on one)
 * and renders through vega's headless view to an SVG with the marks it should have.
 * Expected counts follow from the fixtures in test/fixtures/results (make-fixtures.ts).
 */
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { compareChart } from '../../src/charts/compare.ts';
import { convergenceChart } from '../../src/charts/convergence.ts';
import { correlationChart } from '../../src/charts/correlation.ts';
import { distributionChart } from '../../src/charts/distribution.ts';
import { exceedanceChart } from '../../src/charts/exceedance.ts';
import { fanChart } from '../../src/charts/fan.ts';
import { ChartRenderError, compileChart, toSvg } from '../../src/charts/render.ts';
import { sobolChart } from '../../src/charts/sobol.ts';
import { colours, config, palette } from '../../src/charts/theme.ts';
import { tornadoChart } from '../../src/charts/tornado.ts';
import type { SensitivityResult } from '../../src/sensitivity/result.ts';
import { markItems, readFixture, svgText } from './helpers.ts';

const edunov = readFixture('edunov-2023');
const projection = readFixture('projection');
const tokenDemand = readFixture('token-demand');
const sensitivity = edunov.sensitivity as SensitivityResult;

function out(name: string) {
  return { name, distribution: edunov.distributions.outputs[name], summary: edunov.summary.outputs[name], modelTitle: edunov.summary.title };
}

/** Compiles (no warnings allowed) and renders; returns the SVG, its marks and its text. */
async function render(spec: TopLevelSpec): Promise<{ svg: string; marks: Record<string, number[]>; text: string }> {
  compileChart(spec);
  const svg = await toSvg(spec);
  expect(svg.startsWith('<svg')).toBe(true);
  return { svg, marks: markItems(svg), text: svgText(svg) };
}

/** The x scale type of a layered spec's first layer that sets one. */
function xScaleType(spec: TopLevelSpec): string | undefined {
  const layers = 'layer' in spec ? spec.layer : [];
  for (const l of layers) {
    const x = 'encoding' in l ? (l.encoding?.x as { scale?: { type?: string } } | undefined) : undefined;
    if (x?.scale?.type) return x.scale.type;
  }
  return undefined;
}

describe('distribution chart', () => {
  it('draws every histogram bin within p0.1–p99.9 and p5/median/p95, and no reference nobody declared', async () => {
    const spec = distributionChart(out('annual_twh'));
    const { marks, text } = await render(spec);
    const dist = edunov.distributions.outputs.annual_twh;
    expect(marks.rect[0]).toBeGreaterThan(30);
    expect(marks.rect[0]).toBeLessThanOrEqual(dist.histogram.counts.length);
    expect(marks.rule).toEqual([3]);
    expect(marks.text).toEqual([3]);
    expect(text).toContain('Distribution of annual_twh');
    expect(text).toContain('annual_twh (TWh/yr)');
    expect(text).toContain('median 13');
    expect(text).toContain('p5 9.19');
    expect(text).not.toContain('reactor');
  });

  it('draws the declared references and claim thresholds, each labelled', async () => {
    const claim = { name: 'c', output: 'annual_twh', op: '<=' as const, value: 15.768, probability: 0.8 };
    const spec = distributionChart({ ...out('annual_twh'), references: [{ label: '5 reactors (1 GW, 90%)', value: 39.42 }], claims: [claim] });
    const { marks, text } = await render(spec);
    expect(marks.rule).toEqual([3, 1, 1]);
    expect(text).toContain('5 reactors (1 GW, 90%)');
    expect(text).toContain('≤ 15.77');
  });

  it('uses a log x axis when the histogram was binned on a log scale', async () => {
    const spec = distributionChart(out('tokens_per_person_day'));
    expect(xScaleType(spec)).toBe('log');
    const { text } = await render(spec);
    // Ticks in the formatter's compact form once the axis reaches a million.
    expect(text).toContain('100,000');
    expect(text).toContain('1 M');
    expect(xScaleType(distributionChart(out('annual_twh')))).toBe('linear');
  });
});

describe('exceedance chart', () => {
  it('draws P(output > x) and, with no declared claim, no threshold', async () => {
    const { marks } = await render(exceedanceChart(out('annual_twh')));
    expect(marks.line).toEqual([1]);
    expect(marks.area).toEqual([1]);
    expect(marks.rule).toBeUndefined();
  });

  it('switches to a log x axis when the quantiles span more than 1.5 decades', async () => {
    const spec = exceedanceChart(out('tokens_per_person_day'));
    expect(xScaleType(spec)).toBe('log');
    const { marks } = await render(spec);
    expect(marks.rule).toBeUndefined();
  });
});

describe('comparison chart', () => {
  it('draws one p5–p95 interval, one p25–p75 bar and one median per run', async () => {
    const spec = compareChart({
      output: 'annual_twh',
      runs: [
        { label: 'edunov-2023', summary: edunov.summary.outputs.annual_twh },
        { label: 'token-demand', summary: tokenDemand.summary.outputs.annual_twh },
      ],
    });
    const { marks, text } = await render(spec);
    expect(marks.rule).toEqual([2, 2]);
    expect(marks.symbol).toEqual([2]);
    expect(marks.text).toEqual([2]);
    expect(text).toContain('annual_twh across 2 runs');
    expect(text).toContain('edunov-2023');
    expect(text).toContain('token-demand');
  });
});

describe('sensitivity charts', () => {
  const k = Object.keys(sensitivity.indices).length;

  it('tornado: a low and a high bar per input around the baseline, widest swing on top', async () => {
    const spec = tornadoChart({ sensitivity, unit: 'TWh/yr' });
    const { marks, text } = await render(spec);
    expect(marks.rect).toEqual([2 * k]);
    expect(marks.rule).toEqual([1]);
    expect(text).toContain('Tornado: what moves annual_twh');
    expect(text).toContain('Baseline 13 (every input at its median)');
    expect(text.indexOf('h100_count')).toBeLessThan(text.indexOf('power_per_gpu_w'));
  });

  it('tornado estimates the baseline when sensitivity.json has none, and says so', async () => {
    const { text } = await render(tornadoChart({ sensitivity: { ...sensitivity, details: {} } }));
    expect(text).toContain('estimated from the least influential input');
  });

  it('Sobol: S1 and ST bars with a CI whisker each', async () => {
    const { marks, text } = await render(sobolChart({ sensitivity }));
    expect(marks.rect).toEqual([2 * k]);
    expect(marks.rule).toEqual([1, 2 * k]);
    expect(text).toContain('Sobol indices for annual_twh');
    expect(text).toContain('S1 (first order)');
    expect(text).toContain('ST (total order)');
  });

  it('correlations: Spearman and PRCC bars with CI whiskers on a −1…1 axis', async () => {
    const { marks, text } = await render(correlationChart({ sensitivity }));
    expect(marks.rect).toEqual([2 * k]);
    expect(marks.rule).toEqual([1, 2 * k]);
    expect(text).toContain('PRCC');
  });
});

describe('fan chart', () => {
  it('draws the p5–p95 and p25–p75 bands and a median line with a point per member', async () => {
    const years = Array.from({ length: 8 }, (_, i) => ({ x: 2023 + i, summary: projection.summary.outputs[`annual_twh_${2023 + i}`] }));
    const { marks, text } = await render(fanChart({ title: 'AI electricity', points: years, modelTitle: projection.summary.title }));
    expect(marks.area).toEqual([1, 1]);
    expect(marks.line).toEqual([1]);
    expect(marks.symbol).toEqual([8]);
    expect(text).toContain('AI electricity: projection with uncertainty');
    expect(text).toContain('2030');
    expect(text).toContain('90% interval (p5–p95)');
  });
});

describe('convergence chart', () => {
  it('draws mean, median and p95 panels with CI bands and the final value', async () => {
    const { marks, text } = await render(convergenceChart(out('annual_twh')));
    expect(marks.line).toEqual([1, 1, 1]);
    expect(marks.area).toEqual([1, 1, 1]);
    expect(marks.rule).toEqual([1, 1, 1]);
    expect(marks.symbol).toEqual([8, 8, 8]);
    for (const t of ['Convergence of annual_twh', 'mean', 'median', 'p95', 'Samples (running total)', '1M']) expect(text).toContain(t);
  });
});

describe('theme', () => {
  it('every chart uses Inter and the Okabe–Ito palette', () => {
    expect(config.font).toBe('Inter');
    expect(palette).toContain('#0072B2');
    expect(palette).toContain('#E69F00');
    for (const c of [colours.main, colours.second, colours.third, colours.reference]) expect(palette).toContain(c);
  });
});

describe('rendering', () => {
  it('fails on a vega-lite compile warning instead of shipping a "fixed" chart', async () => {
    const bad: TopLevelSpec = {
      data: { values: [{ a: 1 }] },
      mark: 'point',
      encoding: { x: { field: 'a', type: 'quantitative', scale: { type: 'log', zero: true } } },
    };
    expect(() => compileChart(bad)).toThrow(ChartRenderError);
    await expect(toSvg(bad)).rejects.toThrow(/zero/);
  });
});
