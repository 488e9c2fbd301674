/** Argument checks shared by the design functions; each failure is an `InputError` naming the field. */
import { InputError } from '../../errors.ts';

export function checkCount(field: string, value: number, min = 1): void {
  if (!Number.isInteger(value) || value < min) throw new InputError(field, value, `an integer >= ${min}`);
}

export function checkProbability(field: string, value: number): void {
  if (!(typeof value === 'number' && value > 0 && value < 1)) throw new InputError(field, value, 'a probability strictly between 0 and 1');
}
