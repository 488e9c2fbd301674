/**
 * Kernels kept across models that differ only in their distributions (workers/kernel.ts
 * KernelCache; issue 14: `serve`'s warm threads run a slider's new values through code already
 * optimised). A kernel is reused only when its body, constants and called functions are the
 * same, and a chunk run through a kept kernel gives the same bytes as one run fresh.
 */
import { describe, expect, it } from 'vitest';
import { importModel, loadImported } from '../../src/model/load.ts';
import { resolveModel } from '../../src/model/resolve.ts';
import { createChunkRunner, ScratchBuffers } from '../../workers/chunk.ts';
import { buildEvaluateKernel, buildSimulateKernel, KernelCache } from '../../workers/kernel.ts';
import type { SimulateResult, SimulateTask } from '../../workers/protocol.ts';

const compute = (p: Record<string, number>) => ({ y: p.a * p.b + p.c, z: p.a - p.b });
const big = (o: Record<string, number>) => o.y > 3;
const definition = {
  name: 'unit',
  parameters: { a: { dist: 'uniform', min: 1, max: 2 }, b: '1 to 3', c: 0.5 },
  outputs: { y: {}, z: {} },
  claims: { small: { output: 'y', op: '<', value: 2 }, big },
  compute,
};
const resolve = (set: Record<string, string> = {}, def: object = definition) => resolveModel(def, 'unit.ts', set);
const task = (chunk: number, size = 5000): SimulateTask => ({ kind: 'simulate', chunk, start: chunk * size, size, seed: '7', sampling: 'mc', percentileMethod: 'exact' });

describe('KernelCache', () => {
  it('reuses the kernels when only distributions change, for both kinds of kernel', () => {
    const cache = new KernelCache();
    const a = resolve();
    const b = resolve({ b: '2 to 9' });
    const c = resolve({ a: 'normal(3, 1)' });
    expect(buildSimulateKernel(b, cache)).toBe(buildSimulateKernel(a, cache));
    expect(buildSimulateKernel(c, cache)).toBe(buildSimulateKernel(a, cache));
    expect(buildEvaluateKernel(b, cache)).toBe(buildEvaluateKernel(a, cache));
    expect(buildEvaluateKernel(a, cache)).not.toBe(buildSimulateKernel(a, cache));
  });

  it('builds anew when a constant changes value or a parameter turns constant or uncertain', () => {
    const cache = new KernelCache();
    const base = buildSimulateKernel(resolve(), cache);
    expect(buildSimulateKernel(resolve({ c: '0.25' }), cache)).not.toBe(base);
    expect(buildSimulateKernel(resolve({ c: '-0' }), cache)).not.toBe(buildSimulateKernel(resolve({ c: '0' }), cache));
    expect(buildSimulateKernel(resolve({ b: '2' }), cache)).not.toBe(base);
    expect(buildSimulateKernel(resolve({ c: '0 to 1' }), cache)).not.toBe(base);
    expect(buildSimulateKernel(resolve(), cache)).toBe(base);
  });

  it('builds anew for another compute, another claim function or another threshold, even with the same text', () => {
    const cache = new KernelCache();
    const base = buildSimulateKernel(resolve(), cache);
    expect(buildSimulateKernel(resolve({}, { ...definition, compute: (p: Record<string, number>) => compute(p) }), cache)).not.toBe(base);
    expect(buildSimulateKernel(resolve({}, { ...definition, claims: { ...definition.claims, big: (o: Record<string, number>) => big(o) } }), cache)).not.toBe(base);
    expect(buildSimulateKernel(resolve({}, { ...definition, claims: { ...definition.claims, small: { output: 'y', op: '<', value: 2.5 } } }), cache)).not.toBe(base);
    // A threshold claim's test function is new at every resolve, and compiled into the body: it does not count.
    expect(buildSimulateKernel(resolve(), cache)).toBe(base);
  });

  it('keeps the last `size` kernels', () => {
    const cache = new KernelCache(2);
    const first = buildSimulateKernel(resolve({ c: '1' }), cache);
    buildSimulateKernel(resolve({ c: '2' }), cache);
    buildSimulateKernel(resolve({ c: '3' }), cache);
    expect(buildSimulateKernel(resolve({ c: '1' }), cache)).not.toBe(first);
  });

  it('a chunk through a kept kernel gives the same bytes as through a fresh one', () => {
    const cache = new KernelCache();
    const sets: Record<string, string>[] = [{}, { b: '2 to 9' }, { a: 'normal(3, 1)', b: 'lognormal(1, 0.5)' }, {}];
    createChunkRunner(resolve(), cache).run(task(0));
    for (const set of sets) {
      for (const chunk of [0, 3]) {
        const kept = createChunkRunner(resolve(set), cache).run(task(chunk)) as SimulateResult;
        const fresh = createChunkRunner(resolve(set)).run(task(chunk)) as SimulateResult;
        expect(kept.holds).toEqual(fresh.holds);
        expect(kept.moments).toEqual(fresh.moments);
        expect(kept.values!.map((v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex'))).toEqual(
          fresh.values!.map((v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')),
        );
      }
    }
  });

  it('a model file imported once and resolved per override set shares its kernels', async () => {
    const cache = new KernelCache();
    const module = await importModel('edunov-2023');
    const a = await loadImported(module, { gpus: '1e6 to 2e6' });
    const b = await loadImported(module, { gpus: '1e6 to 2.01e6' });
    expect(b.model.compute).toBe(a.model.compute);
    expect(buildSimulateKernel(b.model, cache)).toBe(buildSimulateKernel(a.model, cache));
  });
});

describe('ScratchBuffers', () => {
  it('runners of different models sharing scratch, chunks interleaved, give the same bytes as runners of their own', () => {
    const scratch = new ScratchBuffers();
    const hex = (r: SimulateResult) => r.values!.map((v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex'));
    const models = [resolve(), resolve({ b: '2 to 9' }), resolve({ c: '0 to 1' }), resolve({ a: '2' })];
    const shared = models.map((m) => createChunkRunner(m, undefined, scratch));
    const own = models.map((m) => createChunkRunner(m));
    for (const chunk of [0, 1, 2]) {
      for (const [i, size] of [[0, 5000], [1, 300], [2, 8000], [3, 5000], [0, 700], [2, 5000]] as const) {
        const t = { ...task(chunk, size), percentileMethod: i % 2 === 0 ? 'exact' : 'ddsketch' } as SimulateTask;
        const a = shared[i].run(t) as SimulateResult;
        const b = own[i].run(t) as SimulateResult;
        expect(a.holds).toEqual(b.holds);
        expect(a.moments).toEqual(b.moments);
        if (a.values) expect(hex(a)).toEqual(hex(b));
        if (a.sketches) expect(JSON.stringify(a.sketches)).toEqual(JSON.stringify(b.sketches));
      }
    }
  });

  it('hands out arrays of one use that never alias another use, grown when a chunk is larger', () => {
    const scratch = new ScratchBuffers();
    const cols = scratch.doubles('cols', 3, 10);
    const outs = scratch.doubles('outs', 3, 10);
    expect(cols.some((c) => outs.includes(c))).toBe(false);
    expect(scratch.doubles('cols', 2, 8)).toEqual(cols.slice(0, 2));
    expect(scratch.doubles('cols', 2, 8)[0]).toBe(cols[0]);
    const grown = scratch.doubles('cols', 4, 20);
    expect(grown.every((c) => c.length >= 20)).toBe(true);
    expect(scratch.ints(5).length).toBeGreaterThanOrEqual(5);
  });
});
