/**
 * Command-line values, parsed and checked in one place. Each parser throws an InputError
 * naming the flag, echoing the value and saying what is allowed.
 */
import { availableParallelism } from 'node:os';
import { InputError } from '../errors.ts';
import type { Sampling } from '../../workers/protocol.ts';

/** The most samples a run may ask for: 10^10, about half an hour on two cores (the chunk plan is held in memory). */
export const MAX_SAMPLES = 1e10;

/**
 * How a whole number may be written: decimal digits, optionally grouped by underscores
 * (`1_000_000`), optionally in exponent form (`1e6`, `2.5e6`). Nothing else: `Number()` alone
 * would also take `0x10`, `0b1`, `0o7`, `Infinity` and surrounding spaces, none of which a
 * user means as a sample count.
 */
const PLAIN_NUMBER = /^\d+(?:_\d+)*(?:\.\d+(?:_\d+)*)?(?:[eE]\+?\d+)?$/;

/** A positive integer, written plainly, with underscores, or in exponent form (`1e6`). */
export function parsePositiveInteger(flag: string, text: string, max = Number.MAX_SAFE_INTEGER): number {
  const value = PLAIN_NUMBER.test(text) ? Number(text.replaceAll('_', '')) : NaN;
  // Before the integer test: 1e1000 reads as Infinity, which is too large rather than malformed.
  if (value > max) throw new InputError(flag, text, `at most ${max.toLocaleString('en-US')}`);
  if (!Number.isInteger(value) || value < 1) {
    throw new InputError(flag, text, 'a whole number of at least 1, written in decimal (100000), with underscores (100_000) or in exponent form (1e5)');
  }
  return value;
}

/** A decimal number as people write one (`0.5`, `.5`, `5e-3`, `1_000`), else NaN: no hex, binary, octal or Infinity. */
function plainDecimal(text: string): number {
  return /^(?:\d+(?:_\d+)*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(text) ? Number(text.replaceAll('_', '')) : NaN;
}

/** The longest --timeout: what a Node timer can wait (2^31 − 1 ms, about 24.8 days). */
export const MAX_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

/** `--timeout SECONDS`: a positive number of seconds (decimals allowed), written plainly. */
export function parseTimeout(text: string): number {
  const value = plainDecimal(text);
  if (!Number.isFinite(value) || value <= 0 || value > MAX_TIMEOUT_SECONDS) {
    throw new InputError('--timeout', text, `a number of seconds more than 0 and at most ${MAX_TIMEOUT_SECONDS.toLocaleString('en-US')}, e.g. 600 or 2.5`);
  }
  return value;
}

export function parseSamples(text: string): number {
  return parsePositiveInteger('--samples', text, MAX_SAMPLES);
}

export function parseMaxSamples(text: string): number {
  return parsePositiveInteger('--max-samples', text, MAX_SAMPLES);
}

/** `0.5%` or `0.005`: a relative half-width strictly between 0 and 1. */
export function parsePrecision(text: string): number {
  const percent = text.trim().endsWith('%');
  const value = plainDecimal(percent ? text.trim().slice(0, -1) : text.trim());
  const relative = percent ? value / 100 : value;
  if (text.trim() === '' || !Number.isFinite(relative) || relative <= 0 || relative >= 1) {
    throw new InputError('--precision', text, 'a relative half-width such as 0.5% or 0.005 (more than 0, less than 100%)');
  }
  return relative;
}

/** `p95` or `95` → 95. */
export function parsePrecisionPercentile(text: string): number {
  const value = plainDecimal(text.trim().replace(/^p/, ''));
  if (!Number.isFinite(value) || value <= 0 || value >= 100) {
    throw new InputError('--precision-percentile', text, 'a percentile such as p95 or 99.9, strictly between 0 and 100');
  }
  return value;
}

export function parsePercentileMethod(text: string): 'auto' | 'exact' | 'ddsketch' {
  if (text === 'auto' || text === 'exact' || text === 'ddsketch') return text;
  throw new InputError('--percentile-method', text, 'auto (exact up to 10^7 samples, then ddsketch), exact, or ddsketch');
}

export function parseWorkers(text: string): number {
  return parsePositiveInteger('--workers', text, 256);
}

export function defaultWorkers(): number {
  return availableParallelism();
}

export function parseSampling(text: string): Sampling {
  if (text === 'mc' || text === 'lhs' || text === 'sobol') return text;
  throw new InputError('--sampling', text, 'mc (plain Monte Carlo), lhs (Latin hypercube) or sobol (scrambled Sobol sequence)');
}

export function parseSeed(text: string): string {
  if (text.trim() === '') throw new InputError('--seed', text, 'any non-empty text or number');
  return text;
}

/** `1,5,50,95,99` → [1, 5, 50, 95, 99]; each strictly between 0 and 100, sorted, duplicates removed. */
export function parsePercentiles(text: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  const values = parts.map((part) => {
    const v = plainDecimal(part);
    if (part === '' || !Number.isFinite(v) || v <= 0 || v >= 100) {
      throw new InputError('--percentiles', text, `a comma-separated list of numbers strictly between 0 and 100; "${part}" is not`);
    }
    return v;
  });
  return [...new Set(values)].sort((a, b) => a - b);
}

/** `--set name=dist`, repeatable; collects into a name → distribution-text map. */
export function collectSet(text: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = text.indexOf('=');
  const name = at > 0 ? text.slice(0, at).trim() : '';
  const dist = at > 0 ? text.slice(at + 1).trim() : '';
  if (!name || !dist) throw new InputError('--set', text, "name=distribution, e.g. --set gpus='lognormal(p5=1e6, p95=2e6)' or --set pue=1.2");
  if (Object.hasOwn(previous, name)) throw new InputError('--set', text, `${name} is set twice`);
  return { ...previous, [name]: dist };
}

/** `compare --label NAME`, once per folder: collected in order; an empty name is refused. */
export function collectLabel(text: string, previous: readonly string[] = []): string[] {
  if (text.trim() === '') throw new InputError('--label', text, 'a non-empty name for the run, e.g. --label "700 W"');
  return [...previous, text];
}

export function parseTrajectories(text: string): number {
  return parsePositiveInteger('--trajectories', text, 1e8);
}
