import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { runSensitivity, writeSensitivity } from '../../src/sensitivity/index.ts';
import { fixtureHandle } from './helpers.ts';

const CONTRACT_FIELDS = ['S1', 'S1CI95', 'ST', 'STCI95', 'spearman', 'spearmanCI95', 'prcc', 'prccCI95', 'muStar', 'sigma', 'low', 'high'];

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('runSensitivity', () => {
  it('method all on Ishigami: every method fills its fields; ranked by ST; evaluations add up', async () => {
    const handle = await fixtureHandle('ishigami');
    const r = await runSensitivity(handle, { method: 'all', samples: 1024, seed: 'all', workers: 0, resamples: 200 });
    expect(r.model).toBe('ishigami');
    expect(r.target).toEqual({ output: 'y' });
    expect(r.samples).toBe(1024);
    // tornado 2k+1, Monte Carlo N, Saltelli N(k+2), Morris 50(k+1)
    expect(r.evaluations).toBe(7 + 1024 + 1024 * 5 + 50 * 4);
    expect(r.warnings).toEqual([]);
    for (const name of ['x1', 'x2', 'x3']) {
      for (const f of CONTRACT_FIELDS) expect(r.indices[name][f as keyof (typeof r.indices)[string]], `${name}.${f}`).not.toBeNull();
    }
    expect(r.rankedBy).toBe('ST');
    expect(r.ranking).toEqual(['x1', 'x2', 'x3']);
    expect(r.indices.x3.S1!).toBeCloseTo(0, 1);
  });

  it('only the fields of the method run are filled', async () => {
    const handle = await fixtureHandle('ishigami');
    const r = await runSensitivity(handle, { method: 'tornado', samples: 1, seed: 't', workers: 0 });
    expect(r.evaluations).toBe(7);
    expect(r.indices.x1.low).not.toBeNull();
    expect(r.indices.x1.S1).toBeNull();
    expect(r.indices.x1.muStar).toBeNull();
    expect(r.rankedBy).toBe('swing');
  });

  it('same seed: identical result for in-process and 2 worker threads', async () => {
    const handle = await fixtureHandle('ishigami');
    const options = { method: 'all', samples: 512, seed: 'workers', resamples: 100 } as const;
    const a = await runSensitivity(handle, { ...options, workers: 0 });
    const b = await runSensitivity(handle, { ...options, workers: 2 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('rounds the Sobol base sample up to a power of two, with a warning', async () => {
    const handle = await fixtureHandle('ishigami');
    const r = await runSensitivity(handle, { method: 'sobol', samples: 1000, seed: 'p2', workers: 0, resamples: 50 });
    expect(r.samples).toBe(1024);
    expect(r.evaluations).toBe(1024 * 5);
    expect(r.warnings[0]).toMatch(/rounded up to 1024/);
  });

  it('analyses a claim indicator', async () => {
    const handle = await fixtureHandle('linear-normal');
    const r = await runSensitivity(handle, { method: 'prcc', claim: 'above10', samples: 4000, seed: 'claim', workers: 0 });
    expect(r.target).toEqual({ claim: 'above10' });
    expect(r.ranking.slice(0, 2)).toEqual(['x1', 'x2']);
    expect(r.constants).toEqual(['offset']);
    expect(Object.keys(r.indices)).toEqual(['x1', 'x2', 'x3', 'x4', 'x5']);
  });

  it('warns which methods assume independence on a model with correlated inputs', async () => {
    const handle = await fixtureHandle('correlated');
    const r = await runSensitivity(handle, { method: 'all', samples: 256, seed: 'corr', workers: 0, resamples: 50 });
    const w = r.warnings.join('\n');
    for (const method of ['sobol', 'morris', 'tornado', 'spearman']) expect(w).toMatch(new RegExp(`^${method}: .*x~y 0.7`, 'm'));
    expect(w).not.toMatch(/^prcc:/m);
    expect(r.details.montecarlo?.correlations).toMatch(/Iman–Conover/);
  });

  it('names the bad input', async () => {
    const handle = await fixtureHandle('ishigami');
    const base = { samples: 16, seed: 'x', workers: 0 } as const;
    await expect(runSensitivity(handle, { ...base, method: 'fast' as never })).rejects.toThrow(/--method.*one of tornado, spearman, prcc, sobol, morris, all/);
    await expect(runSensitivity(handle, { ...base, method: 'sobol', output: 'z' })).rejects.toThrow(/--output: got "z"; an output of ishigami: y/);
    await expect(runSensitivity(handle, { ...base, method: 'sobol', claim: 'nope' })).rejects.toThrow(/--claim: got "nope"; a claim of ishigami: positive/);
    await expect(runSensitivity(handle, { ...base, method: 'sobol', samples: 0 })).rejects.toBeInstanceOf(InputError);
    await expect(runSensitivity(handle, { ...base, method: 'morris', levels: 3 })).rejects.toThrow(/even integer/);
  });
});

describe('writeSensitivity', () => {
  it('writes sensitivity.json, .csv and .md, parameters sorted by importance, no temporary folder left', async () => {
    const handle = await fixtureHandle('sobol-g');
    const result = await runSensitivity(handle, { method: 'sobol', samples: 1024, seed: 'write', workers: 0, resamples: 100 });
    const root = mkdtempSync(join(tmpdir(), 'sens-'));
    dirs.push(root);
    const dir = join(root, 'out');
    await writeSensitivity(dir, result);
    expect(readdirSync(root)).toEqual(['out']);
    expect(readdirSync(dir).sort()).toEqual(['sensitivity.csv', 'sensitivity.json', 'sensitivity.md']);
    const json = JSON.parse(readFileSync(join(dir, 'sensitivity.json'), 'utf8'));
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['model', 'target', 'method', 'samples', 'seed', 'evaluations', 'warnings', 'indices']));
    expect(json.indices.x1.STCI95).toHaveLength(2);
    expect(json.indices.x1.spearman).toBeNull();
    const csv = readFileSync(join(dir, 'sensitivity.csv'), 'utf8').trim().split('\n');
    expect(csv[0].startsWith('rank,parameter,S1,S1CI95_lo,S1CI95_hi,ST,')).toBe(true);
    expect(csv.slice(1, 3).map((l) => l.split(',')[1])).toEqual(['x1', 'x2']);
    const md = readFileSync(join(dir, 'sensitivity.md'), 'utf8');
    expect(md).toMatch(/\| parameter \| S1 \| S1 95% CI \| ST \| ST 95% CI \|/);
    expect(md.indexOf('| x1 |')).toBeLessThan(md.indexOf('| x8 |'));
    expect(md).not.toMatch(/Spearman/);
    // Rewriting replaces the folder whole.
    await writeSensitivity(dir, { ...result, warnings: ['again'] });
    expect(readFileSync(join(dir, 'sensitivity.md'), 'utf8')).toMatch(/- again/);
    expect(existsSync(join(root, 'out'))).toBe(true);
    expect(readdirSync(root)).toEqual(['out']);
  });
});
