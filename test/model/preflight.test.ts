import { describe, expect, it } from 'vitest';
import { RunError } from '../../src/errors.ts';
import { guard } from '../../src/model/guard.ts';
import { preflight } from '../../src/model/preflight.ts';
import { resolveModel } from '../../src/model/resolve.ts';
import { describeValue } from '../../src/model/values.ts';

const base = {
  name: 'unit',
  parameters: { watts: { dist: 'uniform', min: 1, max: 2 }, hours: 10 },
  outputs: { y: {} },
};
const model = (extra: Record<string, unknown>) => resolveModel({ ...base, ...extra }, 'unit.ts');

describe('the guarded parameter object', () => {
  it('lets through what the hot loop object allows: own names, prototype methods, symbols, then/toJSON', () => {
    const g = guard(Object.assign({}, { x: 1, k: 2 }));
    const p = g.proxy as Record<string, unknown>;
    expect(JSON.stringify(p)).toBe('{"x":1,"k":2}');
    expect(String(p)).toBe('[object Object]');
    expect({ ...p }).toEqual({ x: 1, k: 2 });
    expect('x' in p && !('y' in p)).toBe(true);
    expect((p as { hasOwnProperty(k: string): boolean }).hasOwnProperty('k')).toBe(true);
    expect(p.then).toBeUndefined();
    expect(g.fault).toBeUndefined();
  });

  it('records the first missing read and the first write, even if the model catches the stop', () => {
    const g = guard(Object.assign({}, { x: 1 }));
    const p = g.proxy as Record<string, number>;
    try {
      void p.wats;
    } catch {
      /* a model that swallows errors */
    }
    expect(() => (p.x = 3)).toThrow();
    expect(g.fault).toEqual({ kind: 'read', key: 'wats' });
  });
});

describe('preflight', () => {
  it('passes a sound model and returns no warnings', () => {
    expect(preflight(model({ compute: (p: { watts: number; hours: number }) => ({ y: p.watts * p.hours }) }))).toEqual([]);
  });

  it('reads in a branch taken only above the median are met at the upper quartile', () => {
    const m = model({ compute: (p: Record<string, number>) => ({ y: p.watts > 1.6 ? p.hourz : p.watts }) });
    expect(() => preflight(m)).toThrow(/^model unit: compute reads p\.hourz, which is not a parameter \(did you mean hours\?\)$/);
  });

  it('without a near name, lists the parameters', () => {
    const m = model({ compute: (p: Record<string, number>) => ({ y: p.gpus }) });
    expect(() => preflight(m)).toThrow(/reads p\.gpus, which is not a parameter \(the parameters are: watts, hours\)$/);
  });

  it('a compute that never returns ends at the timeout (exit 124)', () => {
    const m = model({
      compute: (p: Record<string, number>) => {
        for (;;) if (p.watts > 5) break;
        return { y: 1 };
      },
    });
    let caught: unknown;
    try {
      preflight(m, { timeoutSeconds: 0.2 });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(RunError);
    expect((caught as RunError).exitCode).toBe(124);
    expect((caught as RunError).message).toMatch(/^model unit: compute did not finish within --timeout 0\.2 s/);
  });

  it('restores process.exit after a compute that calls it', () => {
    const exit = process.exit;
    const m = model({ compute: () => process.exit(5) });
    expect(() => preflight(m)).toThrow(/compute called process\.exit\(5\)/);
    expect(process.exit).toBe(exit);
  });
});

describe('describeValue', () => {
  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    ['1900', 'a string ("1900")'],
    [true, 'a boolean (true)'],
    [[1], 'an array ([1])'],
    [{ a: 1 }, 'an object ({"a":1})'],
    [Promise.resolve(1), 'a Promise'],
    [3n, 'a bigint (3n)'],
  ])('%s → %s', (value, text) => {
    expect(describeValue(value)).toBe(text);
  });
});
