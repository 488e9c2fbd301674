/**
 * Claims: a predicate function, `{ description, test }`, or data (`{ output, op, value }`).
 * A data claim is compiled here to the same predicate a user would write, so both forms give
 * the same answer on the same samples; only the data form can be drawn on a chart.
 */
import type { ClaimFn, ClaimInput, ClaimOp, ClaimThreshold } from './types.ts';

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
