import { InputError } from '../errors.ts';

/**
 * Parameter checks shared by the distribution factories. Each throws an `InputError` whose field is
 * the parameter's own name (`sd`, `weights[2]`, …); `fromSpec` and `parseDistribution` prefix it with
 * the dotted path of the model field, so a user reads `parameters.gpus.sd: got -1; sd must be a finite number > 0`.
 */

/** A finite number, or an InputError naming `name`. */
export function requireFinite(name: string, value: unknown, allowed = `${name} must be a finite number`): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InputError(name, value, allowed);
  return value;
}

/** A finite number > 0. */
export function requirePositive(name: string, value: unknown, allowed = `${name} must be a finite number > 0`): number {
  const x = requireFinite(name, value, allowed);
  if (!(x > 0)) throw new InputError(name, value, allowed);
  return x;
}

/** Finite min < max whose width is finite too. */
export function requireRange(min: unknown, max: unknown): [number, number] {
  const lo = requireFinite('min', min);
  const hi = requireFinite('max', max);
  if (!(lo < hi)) throw new InputError('min', min, `min must be less than max (got max = ${hi})`);
  if (!Number.isFinite(hi - lo)) throw new InputError('max', max, 'max − min must be a finite number');
  return [lo, hi];
}

/** A mode within [min, max]. */
export function requireMode(mode: unknown, min: number, max: number): number {
  const m = requireFinite('mode', mode);
  if (!(m >= min && m <= max)) throw new InputError('mode', mode, `mode must lie in [min, max] = [${min}, ${max}]`);
  return m;
}
