/**
 * renderResultCharts and renderComparison write .vl.json, .svg and .png files, and the PNGs
 * carry legible text: drawn with the bundled Inter, no system fonts. Prints render times.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderComparison, renderResultCharts } from '../../src/charts/index.ts';
import { toPng, toSvg } from '../../src/charts/render.ts';
import { distributionChart } from '../../src/charts/distribution.ts';
import { InputError } from '../../src/errors.ts';
import { writeReport } from '../../src/report/index.ts';
import { copyFixture, darkPixels, decodePng, fixtureDir, readFixture } from './helpers.ts';

describe('renderResultCharts', () => {
  it('writes every chart as .vl.json, .svg and .png under charts/', async () => {
    const dir = copyFixture('edunov-2023');
    const files = await renderResultCharts(dir);
    expect(files.length).toBe(15 * 3);
    for (const f of files) {
      expect(f.startsWith(join(dir, 'charts'))).toBe(true);
      expect(existsSync(f)).toBe(true);
    }
    const spec = JSON.parse(readFileSync(join(dir, 'charts', 'distribution-annual_twh.vl.json'), 'utf8')) as { $schema: string; title: { text: string } };
    expect(spec.$schema).toMatch(/vega-lite\/v6/);
    expect(spec.title.text).toBe('Distribution of annual_twh');
    const svg = readFileSync(join(dir, 'charts', 'distribution-annual_twh.svg'), 'utf8');
    expect(svg).toContain('Distribution of annual_twh');
  });

  it('skips PNGs when asked', async () => {
    const dir = copyFixture('projection');
    const files = await renderResultCharts(dir, { png: false });
    expect(files.some((f) => f.endsWith('.png'))).toBe(false);
    expect(files).toContain(join(dir, 'charts', 'distribution-annual_twh_2030.svg'));
  });
});

describe('degenerate outputs', () => {
  it('skips charts for an output with no finite sample or a single value, and still renders the rest', async () => {
    const dir = copyFixture('edunov-2023');
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    const dists = JSON.parse(readFileSync(join(dir, 'distributions.json'), 'utf8'));
    const empty = { n: [], mean: [], meanCI95: [], p50: [], p95: [], p95CI95: [] };
    summary.outputs.constant = { ...summary.outputs.reactors, unit: 'GW', mean: 5, sd: 0, min: 5, max: 5, percentiles: { p5: 5, p50: 5, p95: 5 }, percentileCI95: {} };
    dists.outputs.constant = { unit: 'GW', quantiles: { p: [0.1, 0.5, 0.9], x: [5, 5, 5] }, histogram: { scale: 'linear', edges: [5, 5], counts: [1000000] }, convergence: empty };
    summary.outputs.broken = { unit: 'TWh/yr', count: 0, nonFinite: 1000000, mean: null, sd: null, min: null, max: null, meanCI95: [null, null], percentiles: {}, percentileCI95: {} };
    dists.outputs.broken = { unit: 'TWh/yr', quantiles: { p: [], x: [] }, histogram: { scale: 'linear', edges: [], counts: [] }, convergence: empty };
    writeFileSync(join(dir, 'summary.json'), JSON.stringify(summary));
    writeFileSync(join(dir, 'distributions.json'), JSON.stringify(dists));
    const files = await renderResultCharts(dir, { png: false });
    expect(files.length).toBe(15 * 2);
    expect(files.some((f) => /constant|broken/.test(f))).toBe(false);
    const page = readFileSync(await writeReport(dir), 'utf8');
    expect(page).toContain('>broken<');
    expect(page).toContain('Non-finite');
  });
});

describe('PNG', () => {
  it('has legible title text drawn with the bundled fonts (dark glyph pixels where the title is, none beside it)', async () => {
    const { summary, distributions } = readFixture('edunov-2023');
    const svg = await toSvg(
      distributionChart({ name: 'annual_twh', distribution: distributions.outputs.annual_twh, summary: summary.outputs.annual_twh }),
    );
    const png = decodePng(toPng(svg));
    const svgWidth = Number(/width="(\d+)"/.exec(svg)?.[1]);
    expect(png.width).toBe(2 * svgWidth);
    // The title "Distribution of annual_twh" (16 px semibold) starts at the 12 px padding: at 2×,
    // rows ~24–60 and columns ~24–460. Glyphs give hundreds of dark pixels; past its end there are none.
    const title = darkPixels(png, 20, 20, 470, 64);
    expect(title).toBeGreaterThan(1500);
    expect(title).toBeLessThan(0.5 * 450 * 44); // strokes of glyphs, not a filled block
    expect(darkPixels(png, 700, 20, png.width - 20, 50)).toBe(0);
  });
});

describe('renderComparison', () => {
  it('draws one output across runs as SVG, PNG or vega-lite JSON', async () => {
    const out = join(copyFixture('edunov-2023'), '..');
    const dirs = [fixtureDir('edunov-2023'), fixtureDir('token-demand')];
    const svgFile = await renderComparison(dirs, 'annual_twh', join(out, 'cmp', 'annual.svg'));
    expect(readFileSync(svgFile, 'utf8')).toContain('annual_twh across 2 runs');
    const pngFile = await renderComparison(dirs, 'annual_twh', join(out, 'cmp', 'annual.png'));
    expect(decodePng(readFileSync(pngFile)).width).toBeGreaterThan(1000);
    const jsonFile = await renderComparison(dirs, 'annual_twh', join(out, 'cmp', 'annual.vl.json'));
    expect(JSON.parse(readFileSync(jsonFile, 'utf8')).layer.length).toBe(4);
  });

  it('names the folder and lists the outputs it has when the output is missing', async () => {
    const dirs = [fixtureDir('edunov-2023'), fixtureDir('projection')];
    await expect(renderComparison(dirs, 'annual_twh', '/tmp/x.svg')).rejects.toThrow(InputError);
    await expect(renderComparison(dirs, 'annual_twh', '/tmp/x.svg')).rejects.toThrow(/annual_twh_2023/);
    await expect(renderComparison(dirs.slice(0, 1), 'annual_twh', '/tmp/x.gif')).rejects.toThrow(/\.svg, \.png or \.json/);
  });
});
