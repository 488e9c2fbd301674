/**
 * How a model's wrong values are named in messages: the preflight (main thread) and the hot
 * loop (workers) report the same fault in the same words, so both build their lines here.
 */
import { showValue } from '../errors.ts';

/**
 * A value's type and a short rendering of it, for "compute returned … for output y".
 *
 * @example
 * describeValue('1900'); // 'a string ("1900")'
 * describeValue(null);   // 'null'
 */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (isThenable(value)) return 'a Promise';
  switch (typeof value) {
    case 'number':
      return `a number (${value})`;
    case 'string':
      return `a string (${showValue(value)})`;
    case 'boolean':
      return `a boolean (${value})`;
    case 'bigint':
      return `a bigint (${value}n)`;
    case 'symbol':
      return `a symbol (${String(value)})`;
    case 'function':
      return 'a function';
    default:
      return Array.isArray(value) ? `an array (${showValue(value)})` : `an object (${showValue(value)})`;
  }
}

/** A promise, or anything `await` would treat as one. */
export function isThenable(value: unknown): boolean {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  try {
    return typeof (value as { then?: unknown }).then === 'function';
  } catch {
    return false;
  }
}

/** `a=1, b=2`: one sample's parameters, in model order. */
export function showSample(sample: Readonly<Record<string, number>>): string {
  return Object.entries(sample)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

/** compute's whole result is not an object of outputs (a number, null, a Promise, …). */
export function resultMessage(model: string, outputs: readonly string[], result: unknown, sample: string): string {
  if (isThenable(result)) return promiseMessage(model, sample);
  return `model ${model}: compute returned ${describeValue(result)} at the sample ${sample}; it must return an object with the outputs ${outputs.join(', ')}`;
}

/** One output's value is not a number. `result` is compute's whole result, to list what it does return. */
export function outputMessage(model: string, output: string, value: unknown, result: unknown, sample: string): string {
  if (isThenable(result)) return promiseMessage(model, sample);
  let returned = '';
  if (value === undefined && typeof result === 'object' && result !== null && !(output in result)) {
    const keys = Object.keys(result);
    returned = keys.length > 0 ? ` (it returns ${keys.join(', ')})` : ' (it returns an empty object)';
  }
  return `model ${model}: compute returned ${describeValue(value)} for output ${output}${returned} at the sample ${sample}; every output must be a number`;
}

export function claimMessage(model: string, claim: string, value: unknown, sample: string): string {
  if (isThenable(value)) return `model ${model}: claim ${claim} returned a Promise at the sample ${sample}; a claim must be synchronous and return true or false`;
  return `model ${model}: claim ${claim} returned ${describeValue(value)} at the sample ${sample}; a claim must return true or false`;
}

function promiseMessage(model: string, sample: string): string {
  return `model ${model}: compute returned a Promise at the sample ${sample}; compute must be synchronous (no async, no await): return the outputs object itself`;
}
