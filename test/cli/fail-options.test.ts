import { describe, expect, it } from 'vitest';
import { parseMaxSamples, parsePercentiles, parsePrecision, parseSamples, parseTimeout, parseWorkers } from '../../src/cli/options.ts';

const WHOLE = 'a whole number of at least 1, written in decimal (100000), with underscores (100_000) or in exponent form (1e5)';

describe('integer flags: decimal, underscores and exponent form only', () => {
  it.each(['0x10', '0b1', '0o7', '1e6.5', ' 12 ', '12 ', 'Infinity', '-Infinity', '1__0', '_1', '1_', '1.5', '-5', '+5', '', 'abc', '1e-3', '1,000'])('%j is refused', (text) => {
    expect(() => parseSamples(text)).toThrow(`--samples: got ${JSON.stringify(text)}; ${WHOLE}`);
    expect(() => parseWorkers(text)).toThrow(`--workers: got ${JSON.stringify(text)}; ${WHOLE}`);
    expect(() => parseMaxSamples(text)).toThrow(`--max-samples: got ${JSON.stringify(text)}; ${WHOLE}`);
  });

  it('too large, including 1e1000 (Infinity), says the limit', () => {
    expect(() => parseSamples('1e1000')).toThrow('--samples: got "1e1000"; at most 10,000,000,000');
    expect(() => parseSamples('2e10')).toThrow('at most 10,000,000,000');
    expect(() => parseWorkers('300')).toThrow('--workers: got "300"; at most 256');
  });

  it.each([['1_000_000', 1e6], ['1e6', 1e6], ['1E+6', 1e6], ['2.5e3', 2500], ['100000', 1e5], ['1e10', 1e10]])('%j → %d', (text, value) => {
    expect(parseSamples(text)).toBe(value);
  });
});

describe('decimal flags refuse hex, binary, octal and Infinity too', () => {
  it('--timeout', () => {
    expect(parseTimeout('2')).toBe(2);
    expect(parseTimeout('0.5')).toBe(0.5);
    expect(parseTimeout('1_800')).toBe(1800);
    for (const bad of ['0', '-1', '0x10', 'soon', 'Infinity', '1e1000', ' 2', '3000000']) expect(() => parseTimeout(bad), bad).toThrow(/^--timeout: got /);
  });

  it('--precision and --percentiles', () => {
    expect(parsePrecision('0.5%')).toBe(0.005);
    expect(parsePrecision('5e-3')).toBe(0.005);
    expect(() => parsePrecision('0x1%')).toThrow(/^--precision: got "0x1%"/);
    expect(parsePercentiles('5, 50,95')).toEqual([5, 50, 95]);
    expect(() => parsePercentiles('0x32')).toThrow(/^--percentiles: got "0x32"/);
  });
});
