/**
 * The library's options, checked in one place: each check throws the same InputError the CLI's
 * flags do, naming the option (`options.samples`), echoing the value and saying what is allowed.
 * Values are numbers and arrays here, not command-line text, so these are not the CLI's parsers;
 * the limits are the CLI's own (`src/cli/options.ts`), and test/library/options.test.ts holds
 * the two to the same defaults.
 */
import { availableParallelism } from 'node:os';
import { InputError } from '../errors.ts';
import type { PercentileMethod, Sampling } from '../engine/types.ts';

/** Samples in a run when none are asked for: `run`'s default. */
export const DEFAULT_SAMPLES = 1_000_000;
/** The most samples a run may ask for (as `--samples`). */
export const MAX_SAMPLES = 1e10;
/** `--max-samples`'s default: the cap of a run with a precision target. */
export const DEFAULT_MAX_SAMPLES = 10_000_000;
/** Sobol' base sample N (and Monte Carlo rows) of a sensitivity study: `sensitivity`'s default. */
export const DEFAULT_SENSITIVITY_SAMPLES = 8192;
/** As `--workers`. */
export const MAX_WORKERS = 256;

const field = (name: string) => `options.${name}`;

export function checkInteger(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InputError(field(name), value, `a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`);
  }
  return value;
}

export function checkSeed(value: unknown): string {
  if ((typeof value !== 'string' && typeof value !== 'number') || String(value).trim() === '') {
    throw new InputError(field('seed'), value, 'any non-empty text or a number (the same seed gives the same bytes for any number of workers)');
  }
  return String(value);
}

/** Worker threads: by default one per core for a model file, none (in-process) for a model object. */
export function checkWorkers(value: unknown, fromObject: boolean): number {
  if (value === undefined) return fromObject ? 0 : availableParallelism();
  const workers = checkInteger('workers', value, 0, MAX_WORKERS);
  if (fromObject && workers > 0) {
    throw new InputError(field('workers'), value, '0 for a model given as an object (it runs in-process: a function cannot be sent to a worker thread); give the path of its model file to run it on worker threads');
  }
  return workers;
}

export function checkSampling(value: unknown): Sampling {
  if (value === 'mc' || value === 'lhs' || value === 'sobol') return value;
  throw new InputError(field('sampling'), value, "'mc' (plain Monte Carlo), 'lhs' (Latin hypercube) or 'sobol' (scrambled Sobol sequence)");
}

export function checkPercentileMethod(value: unknown): 'auto' | PercentileMethod {
  if (value === 'auto' || value === 'exact' || value === 'ddsketch') return value;
  throw new InputError(field('percentileMethod'), value, "'auto' (exact up to 10^7 samples, then ddsketch), 'exact' or 'ddsketch'");
}

const strictlyBetween = (v: unknown, lo: number, hi: number): v is number => typeof v === 'number' && v > lo && v < hi;

/** Percentiles strictly between 0 and 100, sorted and without duplicates, as `--percentiles` gives them. */
export function checkPercentiles(value: unknown): number[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => strictlyBetween(v, 0, 100))) {
    throw new InputError(field('percentiles'), value, 'a non-empty array of numbers strictly between 0 and 100, e.g. [5, 50, 95]');
  }
  return [...new Set(value as number[])].sort((a, b) => a - b);
}

/** A relative half-width strictly between 0 and 1 (0.005 for ±0.5%), as `--precision`. */
export function checkPrecision(value: unknown): number {
  if (!strictlyBetween(value, 0, 1)) throw new InputError(field('precision'), value, 'a relative half-width strictly between 0 and 1, e.g. 0.005 for ±0.5%');
  return value;
}

export function checkPrecisionPercentile(value: unknown): number {
  if (!strictlyBetween(value, 0, 100)) throw new InputError(field('precisionPercentile'), value, 'a percentile strictly between 0 and 100, e.g. 95');
  return value;
}

/** `--scenario`: the name of one of the model's scenarios (resolution says which exist). */
export function checkScenario(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new InputError(field('scenario'), value, "the name of one of the model's scenarios, e.g. 'high-power' (or 'base' for none)");
  return value;
}

/** `--set`: parameter name → distribution text, e.g. `{ gpus: 'lognormal(p5=1e6, p95=2e6)' }`. */
export function checkSet(value: unknown): Readonly<Record<string, string>> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(field('set'), value, "an object of parameter name → distribution text, e.g. { gpus: 'lognormal(p5=1e6, p95=2e6)' }");
  }
  const set: Record<string, string> = {};
  for (const [name, text] of Object.entries(value)) {
    if (typeof text !== 'string' || text.trim() === '') {
      throw new InputError(`${field('set')}.${name}`, text, "a distribution as text, e.g. 'normal(10, 2)', '1e6 to 2e6' or '700'");
    }
    set[name] = text;
  }
  return set;
}

export function checkCallback<T extends (...args: never[]) => unknown>(name: string, value: unknown): T | undefined {
  if (value === undefined || typeof value === 'function') return value as T | undefined;
  throw new InputError(field(name), value, 'a function, or nothing');
}

export function checkSignal(value: unknown): AbortSignal | undefined {
  if (value === undefined || value instanceof AbortSignal) return value;
  throw new InputError(field('signal'), value, 'an AbortSignal (e.g. AbortSignal.timeout(60_000) or an AbortController\'s signal), or nothing');
}
