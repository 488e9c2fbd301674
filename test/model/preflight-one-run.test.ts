/**
 * The preflight runs its model calls inside ONE `vm` run (issue 14: each vm call with
 * breakOnSigint starts and joins a watchdog thread, which made the check cost 30–100 ms per new
 * override in `serve`). What each call reports must not change: the timeout names the call that
 * was running, the model's own throws stay the model's (even one carrying a vm error code), and
 * process.exit is named and restored.
 */
import vm from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModelError, RunError } from '../../src/errors.ts';
import { preflight } from '../../src/model/preflight.ts';
import { resolveModel } from '../../src/model/resolve.ts';

const parameters = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`x${i}`, { dist: 'uniform', min: i, max: i + 1 }]));
const model = (compute: (p: Record<string, number>) => unknown, claims: Record<string, unknown> = {}) =>
  resolveModel({ name: 'unit', parameters, outputs: { y: {} }, claims, compute }, 'unit.ts');
const sum = (p: Record<string, number>) => ({ y: Object.values(p).reduce((a, b) => a + b, 0) });

afterEach(() => vi.restoreAllMocks());

describe('the preflight in one vm run', () => {
  it('checks 41 points and 3 claims per point (164 model calls) in one runInContext', () => {
    const spy = vi.spyOn(vm.Script.prototype, 'runInContext');
    let calls = 0;
    const m = model((p) => (calls++, sum(p)), { a: { output: 'y', op: '<', value: 200 }, b: (o: Record<string, number>) => o.y > 1, c: { test: () => true } });
    expect(preflight(m)).toEqual([]);
    expect(calls).toBe(41);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('a compute that never returns at one point: the timeout names compute and that sample', () => {
    const m = model((p) => {
      if (p.x3 > 3.7) for (;;);
      return sum(p);
    });
    let caught: unknown;
    try {
      preflight(m, { timeoutSeconds: 0.3 });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(RunError);
    expect((caught as RunError).exitCode).toBe(124);
    expect((caught as RunError).message).toMatch(/^model unit: compute did not finish within --timeout 0\.3 s while the model was being checked \(at the sample .*x3=3\.75.*\), before sampling started$/);
  });

  it('a claim that never returns is named as the claim', () => {
    const m = model(sum, { slow: () => { for (;;); } });
    expect(() => preflight(m, { timeoutSeconds: 0.2 })).toThrow(/^model unit: claim slow did not finish within --timeout 0\.2 s/);
  });

  it("the model's own error with a vm error code is its throw, not a timeout", () => {
    const m = model(() => {
      throw Object.assign(new Error('mine'), { code: 'ERR_SCRIPT_EXECUTION_TIMEOUT' });
    });
    expect(() => preflight(m, { timeoutSeconds: 5 })).toThrow(ModelError);
    expect(() => preflight(m)).toThrow(/^model unit: compute threw "mine" for the sample /);
  });

  it('process.exit at a later point is named with that point, and restored', () => {
    const exit = process.exit;
    const m = model((p) => (p.x7 > 7.7 ? process.exit(3) : sum(p)));
    expect(() => preflight(m)).toThrow(/^model unit: compute called process\.exit\(3\) at the sample .*x7=7\.75/);
    expect(process.exit).toBe(exit);
  });

  it('an exit the model caught still stops the check at that call, and the next check passes', () => {
    const m = model((p) => {
      try {
        if (p.x0 < 0.3) process.exit(1);
      } catch {
        /* swallowed */
      }
      return sum(p);
    });
    expect(() => preflight(m)).toThrow(/compute called process\.exit\(1\) at the sample .*x0=0\.25/);
    expect(preflight(model(sum))).toEqual([]);
  });
});
