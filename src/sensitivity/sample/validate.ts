/** Argument checks shared by the design functions; each failure is an `InputError` naming the field. */
import { InputError } from '../../errors.ts';

export function checkCount(field: string, value: number, min = 1): void {
  if (!Number.isInteger(value) || value < min) throw new InputError(field, value, `an integer >= ${min}`);
}

export function checkProbability(field: string, value: number): void {
  if (!(typeof value === 'number' && value > 0 && value < 1)) throw new InputError(field, value, 'a probability strictly between 0 and 1');
}

/** A row range [first, first + count) inside a design of `rows` rows (a queue job's rows). */
export function checkRange(first: number, count: number, rows: number): void {
  if (!Number.isInteger(first) || first < 0 || first > rows) throw new InputError('first', first, `a row from 0 to ${rows}`);
  if (!Number.isInteger(count) || count < 0 || first + count > rows) throw new InputError('count', count, `a row count from 0 to ${rows - first} (the design has ${rows} rows)`);
}

/**
 * Where a design writes its `length` values: `into` when given (a view of the study's one buffer of rows,
 * `design-spec.ts`, so the design is not built apart and copied), else a new array.
 */
export function rowsInto(into: Float64Array | undefined, length: number): Float64Array {
  if (into === undefined) return new Float64Array(length);
  if (into.length !== length) throw new Error(`a design of ${length} values given ${into.length} to write into`);
  return into;
}
