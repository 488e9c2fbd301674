/**
 * Claims: a predicate function, `{ description, test }`, or data (`{ output, op, value }`).
 * A data claim is compiled here to the same predicate a user would write, so both forms give
 * the same answer on the same samples; only the data form can be drawn on a chart.
 */
import { InputError } from '../errors.ts';
import { formatNumber } from '../distributions/format.ts';
import type { ClaimFn, ClaimInput, ClaimOp, ClaimThreshold, ResolvedClaim } from './types.ts';

export const CLAIM_OPS: readonly ClaimOp[] = ['<', '<=', '>', '>='];

/** The claim's predicate, whichever form it was written in (undefined when it is none of them). */
export function claimTest(claim: ClaimInput<string, string> | unknown): ClaimFn<string, string> | undefined {
  if (typeof claim === 'function') return claim as ClaimFn<string, string>;
  if (typeof claim !== 'object' || claim === null) return undefined;
  const c = claim as Record<string, unknown>;
  if (typeof c.test === 'function') return c.test as ClaimFn<string, string>;
  if (isThreshold(c)) return thresholdTest(c);
  return undefined;
}

export function isThreshold(c: Record<string, unknown>): c is Record<string, unknown> & ClaimThreshold {
  return typeof c.output === 'string' && typeof c.value === 'number' && CLAIM_OPS.includes(c.op as ClaimOp);
}

/** One closure per operator, so the hot loop runs a plain comparison. */
export function thresholdTest({ output, op, value }: ClaimThreshold): ClaimFn<string, string> {
  switch (op) {
    case '<':
      return (o) => o[output]! < value;
    case '<=':
      return (o) => o[output]! <= value;
    case '>':
      return (o) => o[output]! > value;
    case '>=':
      return (o) => o[output]! >= value;
  }
}

/**
 * Validates one claim as written and returns it resolved: a function, `{ description?, test }`,
 * or data `{ output, op, value, description? }` whose `output` is one of `outputs`.
 */
export function resolveClaim(name: string, claim: unknown, outputs: readonly string[]): ResolvedClaim {
  const field = `claims.${name}`;
  if (typeof claim === 'function') return { name, test: claim as ClaimFn<string, string> };
  if (typeof claim !== 'object' || claim === null || Array.isArray(claim)) {
    throw new InputError(field, claim, `a claim is a function (outputs, params) => boolean, { description?, test }, or data { output, op, value } with op one of ${CLAIM_OPS.join(' ')}`);
  }
  const c = claim as Record<string, unknown>;
  const description = c.description;
  if (description !== undefined && typeof description !== 'string') throw new InputError(`${field}.description`, description, 'description is text');
  const docs = typeof description === 'string' ? { description } : {};
  const asData = 'output' in c || 'op' in c || 'value' in c;
  if (typeof c.test === 'function') {
    if (asData) throw new InputError(field, claim, 'a claim is either { description?, test } or { output, op, value, description? }, not both');
    return { name, test: c.test as ClaimFn<string, string>, ...docs };
  }
  if (!asData) {
    throw new InputError(field, claim, `a claim is a function (outputs, params) => boolean, { description?, test }, or data { output, op, value } with op one of ${CLAIM_OPS.join(' ')}`);
  }
  if (typeof c.output !== 'string' || !outputs.includes(c.output)) {
    throw new InputError(`${field}.output`, c.output, `the name of one of the model's outputs: ${outputs.join(', ')}`);
  }
  if (!CLAIM_OPS.includes(c.op as ClaimOp)) throw new InputError(`${field}.op`, c.op, `one of ${CLAIM_OPS.map((op) => `"${op}"`).join(', ')}`);
  if (typeof c.value !== 'number' || !Number.isFinite(c.value)) throw new InputError(`${field}.value`, c.value, 'a finite number, the threshold the output is compared with');
  const threshold: ClaimThreshold = { output: c.output, op: c.op as ClaimOp, value: c.value };
  return { name, test: thresholdTest(threshold), threshold, ...docs };
}

/** How a data claim reads: `reactors <= 2`. */
export function thresholdText({ output, op, value }: ClaimThreshold): string {
  return `${output} ${op} ${formatNumber(value)}`;
}
