/**
 * Squiggle's habits in distribution strings: SI suffixes on every number, and `a to b` as a
 * lognormal (a > 0) or a normal (a ≤ 0) with that 90% interval. Expected values for the normal rule
 * are Squiggle's own test cases (quantified-uncertainty/squiggle, "-2 to 4" → Normal(1, 1.8238704957353074),
 * "to(-2, 2)" → Normal(0, 1.2159136638235384), "5 to 2" refused).
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { fromSpec, NUMBER_SUFFIXES, parseDistribution } from '../../src/distributions/index.ts';
import { parseDistribution as libraryParse } from '../../src/index.ts';

function refusal(text: string, field = '--set gpus'): InputError {
  try {
    parseDistribution(field, text);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error(`${text} was accepted`);
}

describe('SI suffixes', () => {
  const same: ReadonlyArray<readonly [string, string]> = [
    ['1M to 2M', '1e6 to 2e6'],
    ['500k', '5e5'],
    ['1.5B', '1.5e9'],
    ['2G', '2e9'],
    ['2T', '2e12'],
    ['normal(1k, 100)', 'normal(1e3, 100)'],
    ['lognormal(p5=0.3M, p95=1.1M)', 'lognormal(p5=3e5, p95=1.1e6)'],
    ['discrete([1k, 2k], [1, 3])', 'discrete([1e3, 2e3], [1, 3])'],
    ['-2.5k to 1k', '-2.5e3 to 1e3'],
    ['1e3k', '1e6'],
    ['1_500k', '1.5e6'],
    ['.5M', '5e5'],
  ];
  it.each(same)('%s is %s, to the bit', (text, plain) => {
    const a = parseDistribution('x', text);
    const b = parseDistribution('x', plain);
    expect(a.label).toBe(b.label);
    expect(a.params).toEqual(b.params);
  });

  it('scales the decimal as written, rounded once (not x × 10^k)', () => {
    // 0.3 × 1e3 and 1.1 × 1e6 are not the nearest doubles to 300 and 1 100 000 in general; Number('1.1e6') is.
    for (const [text, value] of [['0.3k', 300], ['1.1M', 1.1e6], ['4.35B', 4.35e9], ['0.07T', 7e10]] as const) {
      expect(parseDistribution('x', text).params.value).toBe(value);
    }
  });

  it('documents its list: k, M, B, G, T', () => {
    expect(NUMBER_SUFFIXES).toEqual({ k: 3, M: 6, B: 9, G: 9, T: 12 });
  });

  const refused: ReadonlyArray<readonly [string, string, string]> = [
    ['1MM', 'unknown suffix "MM" in "1MM"', 'one suffix only'],
    ['5x', 'unknown suffix "x" in "5x"', 'k (1e3), M (1e6), B or G (1e9), T (1e12)'],
    ['1m', 'unknown suffix "m"', 'm is ambiguous'],
    ['2K', 'unknown suffix "K"', 'lower-case k'],
    ['3b', 'unknown suffix "b"', 'upper-case B'],
    ['1P', 'unknown suffix "P"', 'not supported'],
    ['5%', 'unknown suffix "%"', 'case-sensitive'],
    ['1Mto 2M', 'unknown suffix "Mto"', 'put a space before "to"'],
    ['normal(1kk, 2)', 'unknown suffix "kk" in "1kk" at position 8', 'a number may end in'],
    ['5e', 'unknown suffix "e" in "5e"', 'e notation'],
  ];
  it.each(refused)('refuses %s, naming the field and listing the allowed suffixes', (text, says, also) => {
    const error = refusal(text);
    expect(error.field).toBe('--set gpus');
    expect(error.value).toBe(text);
    expect(error.message).toContain(says);
    expect(error.message).toContain(also);
    expect(error.message).toContain('a number may end in k (1e3), M (1e6), B or G (1e9), T (1e12), case-sensitive');
    expect(error.message).not.toContain('\n');
  });

  it('keeps the old spelling "5to 10" (a to written right after a number)', () => {
    expect(parseDistribution('x', '5to 10').label).toBe('lognormal(p5=5, p95=10)');
  });
});

describe('"a to b": Squiggle\'s rule', () => {
  it('a > 0: the lognormal with p5 = a and p95 = b, as before', () => {
    const d = parseDistribution('x', '5 to 10');
    expect(d.kind).toBe('lognormal');
    expect(d.label).toBe('lognormal(p5=5, p95=10)');
    expect(d.quantile(0.05)).toBeCloseTo(5, 12);
    expect(d.quantile(0.95)).toBeCloseTo(10, 12);
  });

  it('a ≤ 0: the normal with 5th and 95th percentiles a and b (Squiggle\'s values to the bit)', () => {
    expect(parseDistribution('x', '-2 to 4').params).toEqual({ mean: 1, sd: 1.8238704957353074 });
    expect(parseDistribution('x', '-2 to 2').params).toEqual({ mean: 0, sd: 1.2159136638235384 });
    const d = parseDistribution('x', '0 to 5');
    expect(d.kind).toBe('normal');
    expect(d.quantile(0.05)).toBeCloseTo(0, 12);
    expect(d.quantile(0.95)).toBeCloseTo(5, 12);
    const e = parseDistribution('x', '-5M to -1M');
    expect(e.mean).toBe(-3e6);
    expect(e.quantile(0.95)).toBeCloseTo(-1e6, 6);
    // The label reads back as the same law.
    expect(parseDistribution('x', d.label).params).toEqual(d.params);
  });

  const refused: ReadonlyArray<readonly [string, string]> = [
    ['5 to 2', 'it needs a < b (got a = 5, b = 2)'],
    ['3 to 3', 'it needs a < b (got a = 3, b = 3)'],
    ['-1 to -4', 'it needs a < b (got a = -1, b = -4)'],
    ['-inf to 1', 'a and b must be finite numbers'],
    ['1 to nan', 'a and b must be finite numbers'],
    ['-1e308 to 1e308', 'b − a must be a finite number > 0'],
  ];
  it.each(refused)('refuses %s, naming the field and the rule', (text, says) => {
    const error = refusal(text, 'parameters.gpus');
    expect(error.field).toBe('parameters.gpus');
    expect(error.message).toBe(`parameters.gpus: got ${JSON.stringify(text)}; "${text}" is a 90% interval: a lognormal with p5 = a and p95 = b when a > 0, a normal with that interval when a ≤ 0 (as in Squiggle); ${says}`);
  });
});

describe('the same strings in every reader', () => {
  it('model files (fromSpec) and the library (parseDistribution) read them alike', () => {
    for (const text of ['1M to 2M', '-1 to 1', 'mx(1M to 2M, 3M, [0.9, 0.1])', '500k']) {
      const a = parseDistribution('x', text);
      expect(fromSpec('parameters.x', text).label).toBe(a.label);
      expect(libraryParse(text).label).toBe(a.label);
    }
    expect(() => fromSpec('parameters.gpus', '1MM')).toThrow(/^parameters\.gpus: got "1MM"; unknown suffix "MM"/);
    expect(() => libraryParse('5x')).toThrow(/^distribution: got "5x"; unknown suffix "x"/);
  });

  it('earlier messages still name the field', () => {
    expect(() => parseDistribution('--set gpus', 'normal(0, 1) extra')).toThrow(/^--set gpus: got "normal\(0, 1\) extra"; unexpected "extra" at position 14, expected end of text/);
    expect(() => parseDistribution('--set gpus', 'normal(1k, -1)')).toThrow(/^--set gpus\.sd: got -1; sd must be a finite number > 0/);
    expect(() => parseDistribution('--set gpus', 'lognorml(1, 2)')).toThrow(/^--set gpus: got "lognorml"; unknown distribution \(did you mean "lognormal"\?\); allowed: .*discrete, mixture$/);
    expect(() => parseDistribution('--set gpus', '7 8')).toThrow(/^--set gpus: got "7 8"; unexpected "8" at position 3, expected end of text/);
  });
});
