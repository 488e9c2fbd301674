/**
 * The one formatter's compact forms as charts, the report and the terminal print them (issue 11, §4):
 * "13 M", "0.3%", "1.3e-5"; a claim with an interval whose ends differ ("0.31% (0.29–0.33%)", never
 * "0.3% – 0.3%"), trailing zeros kept so the three read alike; the comparison a declared claim states.
 */
import { describe, expect, it } from 'vitest';
import { claimComparison, formatClaim, formatClaimText, formatLabel, formatNumber, formatPercent } from '../../src/results/format-number.ts';

describe('compact numbers', () => {
  it('the issue’s examples', () => {
    expect(formatNumber(13e6)).toBe('13 M');
    expect(formatPercent(0.003)).toBe('0.3%');
    expect(formatNumber(1.3e-5)).toBe('1.3e-5');
  });

  it('M, B and T up to a quadrillion, carried to the next suffix when rounding reaches it', () => {
    expect(formatNumber(1.2984e7)).toBe('12.98 M');
    expect(formatLabel(1.2984e7)).toBe('13 M');
    expect(formatNumber(4.2e9)).toBe('4.2 B');
    expect(formatNumber(999_960_000)).toBe('1 B');
    expect(formatNumber(-2.5e12)).toBe('-2.5 T');
    expect(formatNumber(3e15)).toBe('3e15');
    expect(formatNumber(158_912)).toBe('158,900');
  });
});

describe('claims', () => {
  it('intervals with enough figures to differ, and the same figures throughout', () => {
    expect(formatClaimText(0.0031, [0.0029, 0.0033])).toBe('0.31% (0.29–0.33%)');
    expect(formatClaimText(0.0032, [0.003, 0.0035])).toBe('0.32% (0.30–0.35%)');
    expect(formatClaimText(0.824, [0.822, 0.826])).toBe('82.4% (82.2–82.6%)');
    expect(formatClaimText(0.0031, [NaN, NaN])).toBe('0.31%');
    expect(formatClaim(0.003, [0.00299, 0.00301]).interval).not.toMatch(/^(\S+)–\1%$/);
  });

  it('states the comparison of a declared claim', () => {
    expect(claimComparison('reactors', '<=', 2)).toBe('P(reactors ≤ 2)');
    expect(claimComparison('Annual electricity', '>', 15.768)).toBe('P(Annual electricity > 15.77)');
    expect(claimComparison('x', '>=', 13e6)).toBe('P(x ≥ 13 M)');
  });
});

describe('chart axes in the same compact form', () => {
  it('an axis reaching a million labels its ticks 7 M, 8 M …; a smaller one keeps vega’s labels', async () => {
    const { compactLabels } = await import('../../src/charts/theme.ts');
    const { toSvg } = await import('../../src/charts/render.ts');
    expect(compactLabels([0, 999_999])).toEqual({});
    const values = [7e6, 9.5e6, 1.2e7].map((x) => ({ x }));
    const svg = await toSvg({ data: { values }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative', scale: { zero: false }, axis: { ...compactLabels([7e6, 1.2e7]) } } } });
    expect(svg).toContain('>8 M<');
    expect(svg).not.toContain('8,000,000');
  });
});
