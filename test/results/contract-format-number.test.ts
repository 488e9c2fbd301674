/**
 * The one number formatter's rules (src/results/format-number.ts). Expected texts follow from the rules
 * in its module comment; the claim interval case is the issue's own ("0.31% (0.29–0.33%)", not
 * "0.3% – 0.3%").
 */
import { describe, expect, it } from 'vitest';
import { formatClaim, formatCount, formatIndex, formatInterval, formatIntervalDistinct, formatLabel, formatNumber, formatPercent } from '../../src/results/format-number.ts';

describe('formatNumber: 4 significant figures for people', () => {
  it('separators below a million, M/B/T from a million to a quadrillion, exponents beyond and below 0.001, trailing zeros dropped', () => {
    expect(formatNumber(13.0042)).toBe('13');
    expect(formatNumber(0.09704)).toBe('0.09704');
    expect(formatNumber(158_912)).toBe('158,900');
    expect(formatNumber(-13.96)).toBe('-13.96');
    expect(formatNumber(999_999.7)).toBe('1 M'); // rounds over the bound: compact, not "1,000,000"
    expect(formatNumber(1_234_567)).toBe('1.235 M');
    expect(formatNumber(13e6)).toBe('13 M');
    expect(formatNumber(999.96e6)).toBe('1 B'); // rounds over the suffix: not "1,000 M"
    expect(formatNumber(2.5e12)).toBe('2.5 T');
    expect(formatNumber(1e15)).toBe('1e15');
    expect(formatNumber(1.3e-5)).toBe('1.3e-5');
    expect(formatNumber(2e-4)).toBe('2e-4');
    expect(formatNumber(0.00012345)).toBe('1.234e-4');
    expect(formatNumber(1e308)).toBe('1e308');
  });

  it('zero, infinities and a missing value', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('-∞');
    expect(formatNumber(NaN)).toBe('NaN');
  });

  it('chart labels take 3 figures by the same rules', () => {
    expect(formatLabel(18.3938)).toBe('18.4');
    expect(formatLabel(7.884)).toBe('7.88');
    expect(formatLabel(1_234_567)).toBe('1.23 M');
    expect(formatLabel(Infinity)).toBe('∞');
  });
});

describe('formatPercent: a probability', () => {
  it('one decimal from 1% to 99%, exact ends', () => {
    expect(formatPercent(0.3512)).toBe('35.1%');
    expect(formatPercent(0.05)).toBe('5.0%');
    expect(formatPercent(0.99)).toBe('99.0%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
  });

  it('near 0 or 100%, two figures of the distance to it: a rare event is never 0.0%, a near-certainty never 100.0%', () => {
    expect(formatPercent(0.0031)).toBe('0.31%');
    expect(formatPercent(0.00031)).toBe('0.031%');
    expect(formatPercent(0.005)).toBe('0.5%');
    expect(formatPercent(0.0099999)).toBe('1.0%');
    expect(formatPercent(0.9969)).toBe('99.69%');
    expect(formatPercent(0.9999)).toBe('99.99%');
    expect(formatPercent(0.995)).toBe('99.5%');
    expect(formatPercent(3e-9)).toBe('3e-7%');
  });
});

describe('formatClaim: as many figures as the interval needs', () => {
  it("the issue's case: 0.31% (0.29–0.33%)", () => {
    expect(formatClaim(0.0031, [0.0029, 0.0033])).toEqual({ probability: '0.31%', interval: '0.29–0.33%' });
  });

  it('adds figures, to the estimate too, only when the ends would read the same', () => {
    expect(formatClaim(0.829, [0.824, 0.834])).toEqual({ probability: '82.9%', interval: '82.4–83.4%' });
    expect(formatClaim(0.82412, [0.82409, 0.82415])).toEqual({ probability: '82.41%', interval: '82.41–82.42%' });
    expect(formatClaim(0.99969, [0.99966, 0.99972])).toEqual({ probability: '99.969%', interval: '99.966–99.972%' });
  });

  it('keeps the exact ends', () => {
    expect(formatClaim(0, [0, 0.00037])).toEqual({ probability: '0%', interval: '0–0.037%' });
    expect(formatClaim(1, [0.99963, 1])).toEqual({ probability: '100%', interval: '99.963–100%' });
  });
});

describe('intervals, indices and counts', () => {
  it('lo–hi, or lo to hi when a minus sign would make the dash ambiguous; distinct ends get more figures', () => {
    expect(formatInterval([8.6551, 17.7421])).toBe('8.655–17.74');
    expect(formatInterval([8.6551, 17.7421], formatLabel)).toBe('8.66–17.7');
    expect(formatInterval([-1, 2])).toBe('-1 to 2');
    expect(formatIntervalDistinct([12.9933, 13.0067])).toBe('12.99–13.01');
    expect(formatIntervalDistinct([12.99933, 13.00067])).toBe('12.999–13.001');
  });

  it('indices to three decimals (columns align), counts with separators', () => {
    expect(formatIndex(0.4651)).toBe('0.465');
    expect(formatIndex(-0.0034)).toBe('-0.003');
    expect(formatIndex(NaN)).toBe('NaN');
    expect(formatCount(1_000_000)).toBe('1,000,000');
  });
});
