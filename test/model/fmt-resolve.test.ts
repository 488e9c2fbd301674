/** Issue 11: the model format's declared fields, resolved or refused with the field named. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { resolveModel } from '../../src/model/resolve.ts';
import { claimTest, thresholdText } from '../../src/model/claim.ts';
import { preflight } from '../../src/model/preflight.ts';
import fleet from '../fixtures/fmt-fleet.ts';

const base = {
  name: 'unit',
  parameters: { watts: { dist: 'uniform', min: 1, max: 2 }, hours: 10 },
  outputs: { y: {}, z: {} },
  compute: (p: { watts: number; hours: number }) => ({ y: p.watts * p.hours, z: p.watts }),
};
const resolve = (extra: Record<string, unknown>, scenario?: string, set: Record<string, string> = {}) =>
  resolveModel({ ...base, ...extra }, 'unit.ts', set, scenario);

/** The InputError message a resolution throws. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('claims as data', () => {
  it('resolves to a threshold and a compiled test, keeping the description', () => {
    const m = resolve({ claims: { small: { output: 'y', op: '<=', value: 15, description: 'at most 15' }, f: (o: { y: number }) => o.y > 1 } });
    expect(m.claims[0]).toMatchObject({ name: 'small', description: 'at most 15', threshold: { output: 'y', op: '<=', value: 15 } });
    expect(m.claims[0]!.test({ y: 15 }, {})).toBe(true);
    expect(m.claims[0]!.test({ y: 15.01 }, {})).toBe(false);
    expect(m.claims[1]!.threshold).toBeUndefined();
    expect(thresholdText(m.claims[0]!.threshold!)).toBe('y <= 15');
  });

  it('each operator compares as written, at the threshold too', () => {
    const at = (op: string, y: number) => claimTest({ output: 'y', op, value: 2 })!({ y }, {});
    expect([at('<', 2), at('<=', 2), at('>', 2), at('>=', 2)]).toEqual([false, true, false, true]);
    expect([at('<', 1), at('<=', 3), at('>', 3), at('>=', 1)]).toEqual([true, false, true, false]);
  });

  it('refuses an undeclared output, an unknown op, a value that is not a finite number, naming claims.NAME.field', () => {
    expect(refusal(() => resolve({ claims: { c: { output: 'w', op: '<', value: 1 } } }))).toBe(
      'claims.c.output: got "w"; the name of one of the model\'s outputs: y, z',
    );
    expect(refusal(() => resolve({ claims: { c: { output: 'y', op: '=<', value: 1 } } }))).toBe('claims.c.op: got "=<"; one of "<", "<=", ">", ">="');
    expect(refusal(() => resolve({ claims: { c: { output: 'y', op: '==', value: 1 } } }))).toMatch(/^claims\.c\.op: got "=="/);
    expect(refusal(() => resolve({ claims: { c: { output: 'y', op: '<', value: '2' } } }))).toBe(
      'claims.c.value: got "2"; a finite number, the threshold the output is compared with',
    );
    expect(refusal(() => resolve({ claims: { c: { output: 'y', op: '<', value: Infinity } } }))).toMatch(/^claims\.c\.value: got Infinity/);
    expect(refusal(() => resolve({ claims: { c: { output: 'y', op: '<', value: NaN } } }))).toMatch(/^claims\.c\.value: got NaN/);
    expect(refusal(() => resolve({ claims: { c: { output: 'y', op: '<', value: 1, description: 3 } } }))).toMatch(/^claims\.c\.description: got 3; description is text/);
    expect(refusal(() => resolve({ claims: { c: { output: 'y', op: '<', value: 1, test: () => true } } }))).toMatch(/not both/);
    expect(refusal(() => resolve({ claims: { c: { description: 'nothing' } } }))).toMatch(/^claims\.c: got .*a claim is a function/);
  });

  it('the preflight runs a data claim through its compiled test', () => {
    const m = resolve({ claims: { c: { output: 'y', op: '>', value: 1 } } });
    expect(preflight(m)).toEqual([]);
  });
});

describe('outputs that describe themselves', () => {
  it('keeps label, primary, references and series', () => {
    const m = resolve({
      outputs: {
        y: { unit: 'TWh', label: 'Annual electricity', primary: true, references: [{ label: '2 reactors', value: 15.77 }] },
        z: { series: { name: 'z', x: 2025 }, primary: false },
      },
    });
    expect(m.outputs).toEqual([
      { name: 'y', unit: 'TWh', label: 'Annual electricity', primary: true, references: [{ label: '2 reactors', value: 15.77 }] },
      { name: 'z', series: { name: 'z', x: 2025 } },
    ]);
  });

  it('refuses two primary outputs, naming both', () => {
    expect(refusal(() => resolve({ outputs: { y: { primary: true }, z: { primary: true } } }))).toBe(
      'outputs.z.primary: got true; at most one output is primary, and outputs.y already is; mark only one of y and z',
    );
    expect(refusal(() => resolve({ outputs: { y: { primary: 'yes' }, z: {} } }))).toMatch(/^outputs\.y\.primary: got "yes"; true or false/);
  });

  it('refuses a label that is not text, bad references and a bad series, naming the field', () => {
    expect(refusal(() => resolve({ outputs: { y: { label: 3 }, z: {} } }))).toBe('outputs.y.label: got 3; label is text');
    expect(refusal(() => resolve({ outputs: { y: { references: { label: 'a', value: 1 } }, z: {} } }))).toMatch(/^outputs\.y\.references: got .*an array of \{ label, value \}/);
    expect(refusal(() => resolve({ outputs: { y: { references: [{ label: 'a', value: 1 }, { label: '', value: 2 }] }, z: {} } }))).toMatch(/^outputs\.y\.references\[1\]\.label: got ""; non-empty text/);
    expect(refusal(() => resolve({ outputs: { y: { references: [{ label: 'a', value: Infinity }] }, z: {} } }))).toMatch(/^outputs\.y\.references\[0\]\.value: got Infinity; a finite number/);
    expect(refusal(() => resolve({ outputs: { y: { series: { name: 'y', x: '2025' } }, z: {} } }))).toMatch(/^outputs\.y\.series\.x: got "2025"; a finite number/);
    expect(refusal(() => resolve({ outputs: { y: { series: { x: 2025 } }, z: {} } }))).toMatch(/^outputs\.y\.series\.name: got undefined; non-empty text/);
    expect(refusal(() => resolve({ outputs: { y: { primray: true }, z: {} } }))).toMatch(/^outputs\.y\.primray: got true; an output's fields are unit, description, label, primary, references, series, source/);
  });
});

describe('scenarios', () => {
  const scenarios = {
    hot: { description: 'hotter', set: { watts: 3, hours: '5 to 6' } },
    'long-days': { set: { hours: { dist: 'constant', value: 24, source: 'a day' } } },
  };

  it('lists every scenario with its values as --set text, applying none by default', () => {
    const m = resolve({ scenarios });
    expect(m.scenario).toBeUndefined();
    expect(m.scenarios).toEqual([
      { name: 'hot', description: 'hotter', set: { watts: '3', hours: '5 to 6' } },
      { name: 'long-days', set: { hours: '24' } },
    ]);
    expect(m.parameters.map((p) => p.dist.label)).toEqual(['uniform(min=1, max=2)', '10']);
    expect(resolve({ scenarios }, 'base').scenario).toBeUndefined();
  });

  it('applies one, with --set on top, and says which values it replaced', () => {
    const m = resolve({ scenarios }, 'hot', { hours: '7' });
    expect(m.scenario).toBe('hot');
    expect(m.parameters.map((p) => [p.name, p.dist.label, p.fromScenario, p.overridden])).toEqual([
      ['watts', '3', '3', undefined],
      ['hours', '7', undefined, '7'],
    ]);
    const d = resolve({ scenarios }, 'long-days').parameters[1]!;
    expect([d.dist.mean, d.source]).toEqual([24, 'a day']);
  });

  it('refuses an unknown scenario listing the known ones, and says when a model has none', () => {
    expect(refusal(() => resolve({ scenarios }, 'cold'))).toBe('--scenario: got "cold"; model unit has no scenario "cold"; its scenarios are: hot, long-days (or base for none)');
    expect(refusal(() => resolve({}, 'cold'))).toBe('--scenario: got "cold"; model unit declares no scenarios (a model lists them under `scenarios`)');
  });

  it('refuses a scenario that sets an unknown parameter, naming the scenario and listing the parameters', () => {
    expect(refusal(() => resolve({ scenarios: { hot: { set: { wats: 3 } } } }))).toBe(
      'scenarios.hot.set.wats: got "wats"; scenario hot sets "wats", which is not a parameter of model unit; its parameters are: watts, hours',
    );
  });

  it('refuses bad values, names and shapes', () => {
    expect(refusal(() => resolve({ scenarios: { hot: { set: { watts: 'lognormal(p5=3)' } } } }))).toMatch(/^scenarios\.hot\.set\.watts/);
    expect(refusal(() => resolve({ scenarios: { hot: { set: { watts: { dist: 'normal', mean: 1, sd: -1 } } } } }))).toMatch(/^scenarios\.hot\.set\.watts\.sd/);
    expect(refusal(() => resolve({ scenarios: { hot: { set: { watts: NaN } } } }))).toMatch(/^scenarios\.hot\.set\.watts: got NaN/);
    expect(refusal(() => resolve({ scenarios: { Hot: { set: { watts: 3 } } } }))).toMatch(/^scenarios\.Hot: got "Hot"; a scenario's name names results folders/);
    expect(refusal(() => resolve({ scenarios: { base: { set: { watts: 3 } } } }))).toMatch(/^scenarios\.base: got "base"; "base" and "all" are reserved/);
    expect(refusal(() => resolve({ scenarios: { all: { set: { watts: 3 } } } }))).toMatch(/^scenarios\.all: /);
    expect(refusal(() => resolve({ scenarios: { hot: { set: {} } } }))).toMatch(/^scenarios\.hot\.set: got \{\}; an object naming at least one parameter/);
    expect(refusal(() => resolve({ scenarios: { hot: { sets: { watts: 3 } } } }))).toMatch(/^scenarios\.hot\.sets: /);
    expect(refusal(() => resolve({ scenarios: { hot: { description: 1, set: { watts: 3 } } } }))).toMatch(/^scenarios\.hot\.description: got 1; description is text/);
    expect(refusal(() => resolve({ scenarios: [] }))).toMatch(/^scenarios: got \[\]; an object of named scenarios/);
    expect(refusal(() => resolve({ scenarios: JSON.parse('{"__proto__": {"set": {"watts": 3}}}') }))).toMatch(/^scenarios\.__proto__/);
  });
});

describe('the fixture that uses every field', () => {
  it('resolves, passes the preflight in each scenario', () => {
    for (const scenario of [undefined, 'high-power', 'efficient', 'big-fleet']) {
      const m = resolveModel(fleet, 'fmt-fleet.ts', {}, scenario);
      expect(preflight(m)).toEqual([]);
    }
  });
});
