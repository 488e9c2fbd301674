/**
 * The library (`src/index.ts`, the package's `exports`): simulate and sensitivity resolve to what
 * the CLI writes, a model object runs in-process and gives the same numbers as its file on worker
 * threads, options are checked with the CLI's typed errors, and a run can be stopped by a signal.
 * (The packed, installed package is exercised by pack.test.ts.)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import lognormalProduct from '../fixtures/lognormal-product.ts';
import { cli, fixture } from '../cli/helpers.ts';
import {
  AbortedError,
  defineModel,
  InputError,
  ModelError,
  parseDistribution,
  sensitivity,
  simulate,
  type Summary,
} from '../../src/index.ts';

const SLOW = { timeout: 180_000 };
const FILE = fixture('lognormal-product.ts');
/** Two chunks: two worker threads each get one. */
const SAMPLES = 70_000;

const withoutWorkers = (s: Summary) => ({ ...s, workers: undefined });

describe('simulate', SLOW, () => {
  it('a model object (in-process) and its file (2 worker threads) give the same summary and distributions; the file run is what `run --json` prints', async () => {
    const fromObject = await simulate(lognormalProduct, { samples: SAMPLES, seed: 'lib' });
    const fromFile = await simulate(FILE, { samples: SAMPLES, seed: 'lib', workers: 2 });
    expect(fromObject.summary.workers).toBe(0);
    expect(fromFile.summary.workers).toBe(2);
    expect(withoutWorkers(fromObject.summary)).toEqual(withoutWorkers(fromFile.summary));
    expect(fromObject.distributions).toEqual(fromFile.distributions);
    // lognormal-product's analytic median: e^1.3.
    expect(fromObject.summary.outputs.y.percentiles.p50! / Math.exp(1.3)).toBeCloseTo(1, 1);

    const r = await cli(['run', FILE, '--samples', String(SAMPLES), '--seed', 'lib', '--workers', '2', '--json', '--quiet', '--out', tmpOut()]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(fromFile.summary);
  });

  it('options mirror the flags: percentiles, sampling, set, precision; onProgress ends at the sample count', async () => {
    const seen: Array<[number, number]> = [];
    const { summary } = await simulate(lognormalProduct, {
      samples: 5000,
      seed: 7,
      sampling: 'lhs',
      percentiles: [95, 5, 50, 50],
      set: { c: '1' },
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(summary.seed).toBe('7');
    expect(summary.sampling).toBe('lhs');
    expect(Object.keys(summary.outputs.y.percentiles)).toEqual(['p5', 'p50', 'p95']);
    expect(seen.at(-1)).toEqual([5000, 5000]);
    // c fixed at 1: y = a·b, median e^1.5.
    expect(summary.outputs.y.percentiles.p50! / Math.exp(1.5)).toBeCloseTo(1, 1);

    const precise = await simulate(lognormalProduct, { precision: 0.05, precisionOutput: 'y', maxSamples: 200_000, seed: 1 });
    expect(precise.summary.precision?.met).toBe(true);
    expect(precise.summary.samples).toBeLessThanOrEqual(200_000);
  });

  it('a built-in model by name, on one worker thread', async () => {
    const { summary } = await simulate('edunov-2023', { samples: 2000, workers: 1 });
    expect(summary.model).toBe('edunov-2023');
    expect(summary.samples).toBe(2000);
  });
});

describe('refusals are typed errors, never an exit', SLOW, () => {
  const refused = async (run: () => Promise<unknown>, type: new (...a: never[]) => Error, pattern: RegExp) => {
    const err = await run().then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(type);
    expect((err as Error).message).toMatch(pattern);
  };

  it('options', async () => {
    await refused(() => simulate(lognormalProduct, { workers: 2 }), InputError, /^options\.workers: got 2; 0 for a model given as an object .*give the path of its model file/);
    await refused(() => simulate(lognormalProduct, { samples: 0 }), InputError, /^options\.samples: got 0; a whole number from 1/);
    await refused(() => simulate(lognormalProduct, { samples: 1.5 }), InputError, /^options\.samples/);
    await refused(() => simulate(lognormalProduct, { seed: '' }), InputError, /^options\.seed/);
    await refused(() => simulate(lognormalProduct, { sampling: 'halton' as 'mc' }), InputError, /^options\.sampling: got "halton"/);
    await refused(() => simulate(lognormalProduct, { percentiles: [0, 50] }), InputError, /^options\.percentiles/);
    await refused(() => simulate(lognormalProduct, { percentileMethod: 'tdigest' as 'exact' }), InputError, /^options\.percentileMethod/);
    await refused(() => simulate(lognormalProduct, { precision: 2 }), InputError, /^options\.precision: got 2/);
    await refused(() => simulate(lognormalProduct, { precisionOutput: 'y' }), InputError, /^options\.precisionOutput: got "y"; goes with options\.precision/);
    await refused(() => simulate(lognormalProduct, { precision: 0.1, precisionOutput: 'z' }), InputError, /^options\.precisionOutput: got "z"; an output of lognormal-product: y/);
    await refused(() => simulate(lognormalProduct, { set: { a: 3 as unknown as string } }), InputError, /^options\.set\.a: got 3/);
    await refused(() => simulate(lognormalProduct, { set: { zz: '1' } }), InputError, /^--set: got "zz"; model lognormal-product has no parameter "zz"/);
    await refused(() => simulate(FILE, { workers: -1 }), InputError, /^options\.workers: got -1/);
    await refused(() => sensitivity(lognormalProduct, { method: 'fast' as 'sobol' }), InputError, /^--method: got "fast"/);
  });

  it('models', async () => {
    await refused(() => simulate('no-such-model'), InputError, /^model: got "no-such-model"; no built-in model by that name/);
    await refused(() => simulate(42 as unknown as string), InputError, /^model: got 42; a model object/);
    await refused(() => simulate({ ...lognormalProduct, name: 'Bad Name' }), InputError, /^name: got "Bad Name"/);
    const throwing = defineModel({ name: 'throws', parameters: { x: 1 }, outputs: { y: {} }, compute: (): { y: number } => { throw new Error('boom'); } });
    await refused(() => simulate(throwing), ModelError, /^model throws: compute threw "boom"/);
  });
});

describe('stopping a run', SLOW, () => {
  it('a signal aborted before the start, or during the run (worker threads), rejects with AbortedError', async () => {
    const early = new AbortController();
    early.abort();
    await expect(simulate(lognormalProduct, { signal: early.signal })).rejects.toBeInstanceOf(AbortedError);
    const during = new AbortController();
    const run = simulate(FILE, { samples: 5_000_000, workers: 2, signal: during.signal, percentileMethod: 'ddsketch', onProgress: () => during.abort() });
    await expect(run).rejects.toBeInstanceOf(AbortedError);
  });

  it("an error given as the signal's reason (AbortSignal.timeout's TimeoutError) is what rejects", async () => {
    const run = simulate(lognormalProduct, { samples: 5_000_000, percentileMethod: 'ddsketch', signal: AbortSignal.timeout(50) });
    await expect(run).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});

describe('sensitivity', SLOW, () => {
  it('resolves to what `sensitivity --json` prints', async () => {
    const result = await sensitivity(FILE, { method: 'tornado', workers: 1, seed: 3 });
    const r = await cli(['sensitivity', FILE, '--method', 'tornado', '--workers', '1', '--seed', '3', '--json', '--quiet', '--out', tmpOut()]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(result);
    const fromObject = await sensitivity(lognormalProduct, { method: 'tornado', seed: 3 });
    expect(fromObject.indices).toEqual(result.indices);
  });
});

describe('parseDistribution', () => {
  it('reads the one-line form and names the field in its errors', () => {
    expect(parseDistribution('1e6 to 2e6').label).toBe('lognormal(p5=1e6, p95=2e6)');
    expect(parseDistribution('normal(10, 2)').quantile(0.5)).toBe(10);
    expect(() => parseDistribution('normal(10,')).toThrow(InputError);
    expect(() => parseDistribution('normal(10,', 'gpus')).toThrow(/^gpus/);
  });
});

/** A results folder path in a new temporary folder. */
function tmpOut(): string {
  return join(mkdtempSync(join(tmpdir(), 'aemc-library-')), 'out');
}
