/**
 * The ziggurat's base edge r is written out in standardNormal.ts (solving for it at load cost every
 * thread ~25 ms): it must be, bit for bit, the root the bisection finds, as the paper's 3.442619855899.
 */
import { describe, expect, it } from 'vitest';
import { solveZigguratEdge, ZIGGURAT_R } from '../../src/distributions/variates/standardNormal.ts';

describe('ziggurat edge', () => {
  it('the written-out r is the bisection root, bit for bit (Marsaglia & Tsang 2000: r = 3.442619855899)', () => {
    expect(Object.is(solveZigguratEdge(), ZIGGURAT_R)).toBe(true);
    expect(ZIGGURAT_R).toBeCloseTo(3.442619855899, 11);
  });
});
