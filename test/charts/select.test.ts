/** The pure helpers: which charts a folder gets, file names, formatting, quantiles. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { formatCount, formatIntervalDistinct, formatLabel, formatNumber, formatPercent } from '../../src/results/format-number.ts';
import { loadResults } from '../../src/charts/load.ts';
import { exceedance, percentile } from '../../src/charts/quantile.ts';
import { chooseCharts, slug } from '../../src/charts/select.ts';
import { measureText, readFontWidths } from '../../src/charts/text-metrics.ts';
import { interFontFile } from '../../src/charts/fonts.ts';
import { logAxis, wantsLogScale } from '../../src/charts/theme.ts';
import { readFileSync } from 'node:fs';
import type { OutputDistribution } from '../../src/results/types.ts';
import { fixtureDir, readFixture } from './helpers.ts';

describe('chooseCharts', () => {
  it('gives every output of a plain run a distribution, exceedance and convergence chart, plus the sensitivity charts', async () => {
    const charts = chooseCharts(await loadResults(fixtureDir('edunov-2023')));
    expect(charts.map((c) => c.name)).toEqual([
      'distribution-annual_twh',
      'exceedance-annual_twh',
      'convergence-annual_twh',
      'distribution-reactors',
      'exceedance-reactors',
      'convergence-reactors',
      'distribution-plants',
      'exceedance-plants',
      'convergence-plants',
      'distribution-tokens_per_person_day',
      'exceedance-tokens_per_person_day',
      'convergence-tokens_per_person_day',
      'tornado-annual_twh',
      'sobol-annual_twh',
      'correlation-annual_twh',
    ]);
    for (const c of charts) expect(c.caption.length).toBeGreaterThan(10);
  });

  it('turns crafted output names into safe, unique file names', async () => {
    const names = chooseCharts(await loadResults(fixtureDir('xss'))).map((c) => c.name);
    for (const n of names) expect(n).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(new Set(names).size).toBe(names.length);
  });

  it('a folder without declarations gets no fan chart and every output its own charts (no series read from `_YYYY` names)', async () => {
    const names = chooseCharts(await loadResults(fixtureDir('projection'))).map((c) => c.name);
    expect(names.filter((n) => n.startsWith('fan-'))).toEqual([]);
    expect(names.filter((n) => n.startsWith('distribution-')).length).toBe(16);
  });

  it('draws no threshold or reference where nothing is declared, whatever the names say', async () => {
    for (const c of chooseCharts(await loadResults(fixtureDir('edunov-2023')))) {
      const text = JSON.stringify(c.spec);
      expect(text, c.name).not.toContain('reactors =');
      expect(text, c.name).not.toContain('"threshold"');
      expect(text, c.name).not.toContain('"reference"');
    }
  });
});

describe('helpers', () => {
  it('slug keeps letters, digits, _ and - only', () => {
    expect(slug('annual_twh')).toBe('annual_twh');
    expect(slug('../../etc/passwd')).toBe('etc-passwd');
    expect(slug('<script>')).toBe('script');
    expect(slug('')).toBe('output');
  });

  it('formats numbers, counts, percentages and intervals', () => {
    expect(formatNumber(13.0042)).toBe('13');
    // One formatter: 4 figures in tables and on the terminal, 3 in chart labels.
    expect(formatNumber(18.3938)).toBe('18.39');
    expect(formatLabel(18.3938)).toBe('18.4');
    expect(formatLabel(1234567)).toBe('1.23 M');
    expect(formatNumber(100000)).toBe('100,000');
    expect(formatCount(1000000)).toBe('1,000,000');
    expect(formatPercent(0.3512)).toBe('35.1%');
    // Near 100%, the distance to it in two figures rather than a bound.
    expect(formatPercent(0.9999)).toBe('99.99%');
    expect(formatIntervalDistinct([12.9933, 13.0067])).toBe('12.99–13.01');
    expect(formatIntervalDistinct([-0.01, -0.002])).toBe('-0.01 to -0.002');
  });

  it('reads percentiles from summary.json first, else interpolates the quantile grid', () => {
    const grid = { quantiles: { p: [0.1, 0.5, 0.9], x: [1, 5, 9] } } as unknown as OutputDistribution;
    expect(percentile(undefined, grid, 50)).toBe(5);
    expect(percentile(undefined, grid, 30)).toBeCloseTo(3);
    expect(percentile(undefined, grid, 99)).toBeUndefined();
    expect(exceedance(grid, 5)).toBeCloseTo(0.5);
    expect(exceedance(grid, 3)).toBeCloseTo(0.7);
    expect(exceedance(grid, 100)).toBeCloseTo(0.1);
  });

  it('chooses log axes past 1.5 decades with 1-2-5 or decade ticks', () => {
    expect(wantsLogScale(9, 18)).toBe(false);
    expect(wantsLogScale(1, 100)).toBe(true);
    expect(wantsLogScale(0, 100)).toBe(false);
    expect(logAxis(4, 40).values).toEqual([5, 10, 20]);
    expect(logAxis(2000, 3e6)).toEqual({ values: [1e4, 1e5, 1e6], format: '~s' });
  });

  it('measures Inter text from the font file (a wide W beats a narrow i)', () => {
    const widths = readFontWidths(readFileSync(interFontFile(400)));
    const w = measureText(widths, 'WWWW', 10);
    const i = measureText(widths, 'iiii', 10);
    expect(w).toBeGreaterThan(2 * i);
    // Inter's average lowercase advance is about half an em.
    expect(measureText(widths, 'abcdefghijklmnopqrstuvwxyz', 10) / 26).toBeGreaterThan(4);
    expect(measureText(widths, 'abcdefghijklmnopqrstuvwxyz', 10) / 26).toBeLessThan(7);
  });
});

describe('loadResults', () => {
  it('rejects a folder with neither summary.json nor sensitivity.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aemc-empty-'));
    await expect(loadResults(dir)).rejects.toThrow(InputError);
    await expect(loadResults(dir)).rejects.toThrow(/summary\.json/);
  });

  it('names the file and field of a malformed histogram', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'aemc-bad-')), 'run');
    mkdirSync(dir);
    const { summary, distributions } = readFixture('edunov-2023');
    writeFileSync(join(dir, 'summary.json'), JSON.stringify(summary));
    const broken = structuredClone(distributions) as unknown as { outputs: Record<string, { histogram: { counts: number[] } }> };
    broken.outputs.annual_twh.histogram.counts.push(1);
    writeFileSync(join(dir, 'distributions.json'), JSON.stringify(broken));
    await expect(loadResults(dir)).rejects.toThrow(/distributions\.json: outputs\.annual_twh\.histogram/);
  });
});
