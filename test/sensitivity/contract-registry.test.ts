/**
 * The method registry is the one list of sensitivity methods: names, parsing and ranking come from it,
 * and methods that read one design share its rows without changing any index. Expected values are the
 * same study run one method at a time (same seed: every design is seeded on its own, so a method's
 * indices cannot depend on which other methods ran beside it).
 */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load.ts';
import { METHODS, parseMethod, rankFor, selectMethods, SENSITIVITY_METHODS } from '../../src/sensitivity/registry.ts';
import { runSensitivity, type ParameterIndices, type SensitivityResult } from '../../src/sensitivity/index.ts';
import { InputError } from '../../src/errors.ts';

const FIELDS: Record<string, readonly (keyof ParameterIndices)[]> = {
  tornado: ['low', 'high', 'swing'],
  spearman: ['spearman', 'spearmanCI95'],
  prcc: ['prcc', 'prccCI95'],
  sobol: ['S1', 'S1CI95', 'ST', 'STCI95'],
  morris: ['mu', 'muStar', 'muStarCI95', 'sigma'],
};

describe('the method registry', () => {
  it('names every method once, and the names are what --method accepts besides all', () => {
    expect(SENSITIVITY_METHODS).toEqual(METHODS.map((m) => m.name));
    expect(new Set(SENSITIVITY_METHODS).size).toBe(METHODS.length);
    for (const name of [...SENSITIVITY_METHODS, 'all']) expect(parseMethod(name)).toBe(name);
    expect(() => parseMethod('fast')).toThrow(InputError);
    expect(() => parseMethod('Sobol')).toThrow(/--method: got "Sobol"; one of tornado, spearman, prcc, sobol, morris, all/);
    // Every method of the test's own list is registered, and no other.
    expect(Object.keys(FIELDS).sort()).toEqual([...SENSITIVITY_METHODS].sort());
  });

  it('ranks by the heaviest method that ran: ST with all, each method by its own index alone', () => {
    expect(rankFor(selectMethods('all')).by).toBe('ST');
    const own = { tornado: 'swing', spearman: 'spearman', prcc: 'prcc', sobol: 'ST', morris: 'muStar' };
    for (const m of METHODS) expect(rankFor(selectMethods(m.name)).by).toBe(own[m.name]);
  });

  it("with all, each method's indices and details equal those of the method run alone, and Spearman and PRCC share one design", async () => {
    const handle = await loadModel(new URL('../fixtures/linear-normal.ts', import.meta.url).pathname);
    const base = { seed: 'registry', workers: 0, resamples: 100 } as const;
    // Morris alone counts trajectories in --samples; beside the others it takes `trajectories` (default 50).
    const all = await runSensitivity(handle, { ...base, method: 'all', samples: 64 });
    const alone: Record<string, SensitivityResult> = {};
    for (const m of SENSITIVITY_METHODS) alone[m] = await runSensitivity(handle, { ...base, method: m, samples: m === 'morris' ? 50 : 64 });
    for (const [method, fields] of Object.entries(FIELDS)) {
      for (const name of Object.keys(all.indices)) {
        for (const f of fields) expect(all.indices[name][f], `${method} ${name}.${f}`).toEqual(alone[method].indices[name][f]);
      }
    }
    expect(all.details.tornado).toEqual(alone.tornado.details.tornado);
    expect(all.details.sobol).toEqual(alone.sobol.details.sobol);
    expect(all.details.morris).toEqual(alone.morris.details.morris);
    expect(all.details.montecarlo).toEqual(alone.spearman.details.montecarlo);
    expect(all.details.montecarlo).toEqual(alone.prcc.details.montecarlo);
    // One Monte Carlo design for both correlation methods: the evaluations are the four designs' rows.
    const designs = [all.details.tornado, all.details.montecarlo, all.details.sobol, all.details.morris].map((d) => d?.evaluations ?? 0);
    expect(all.evaluations).toBe(designs.reduce((a, b) => a + b, 0));
    expect(all.details.montecarlo?.evaluations).toBe(64);
    expect(Object.keys(all.details)).toEqual(['tornado', 'montecarlo', 'sobol', 'morris']);
    expect(all.rankedBy).toBe('ST');
  });
});
