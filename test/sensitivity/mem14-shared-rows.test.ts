/**
 * Issue 14: a sensitivity study holds its design rows once. The designs are written straight into one
 * buffer (a SharedArrayBuffer for worker threads), each planned design's `unit` is a view of it, and
 * the evaluate tasks carry views of it rather than copies; where the runner makes rows from the
 * study's spec (a queue coordinator), nothing is built but the designs whose analyses read inputs.
 * The runner is replaced by one that records the tasks it is handed and runs them in this thread.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Task } from '../../workers/protocol.ts';
import { evaluateDesign } from '../../src/engine/evaluate.ts';
import { designRowsWanted, inProcessRunner, setRunnerFactory, type Runner, type RunnerFactory } from '../../src/engine/runner.ts';
import { loadModel, type ModelHandle } from '../../src/model/load.ts';
import { planDesigns, type DesignSpec } from '../../src/sensitivity/design-spec.ts';
import { runSensitivity } from '../../src/sensitivity/run.ts';
import { sampleMonteCarlo } from '../../src/sensitivity/sample/montecarlo.ts';
import { sampleMorris } from '../../src/sensitivity/sample/morris.ts';
import { saltelliLayout, sampleSaltelli } from '../../src/sensitivity/sample/saltelli.ts';
import { sampleTornado } from '../../src/sensitivity/sample/tornado.ts';
import { fixture } from '../cli/helpers.ts';

const handed = vi.hoisted(() => [] as Task[][]);
vi.mock('../../src/engine/runner.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/engine/runner.ts')>();
  return {
    ...real,
    // The engine's own runners record what they are handed, and run it here.
    createRunner: async (handle: ModelHandle, workers: number): Promise<Runner> => {
      if (real.designRowsWanted() !== 'shared') return real.createRunner(handle, workers);
      const local = real.inProcessRunner(handle);
      return { workers, run: (tasks, onResult, signal) => (handed.push([...tasks]), local.run(tasks, onResult, signal)), close: () => local.close() };
    },
  };
});

afterEach(() => {
  handed.length = 0;
  setRunnerFactory(undefined);
});

const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const K = 5;
/** Every design, Monte Carlo with Iman–Conover, sizes that span several chunks. */
const SPEC: DesignSpec = { method: 'all', k: K, samples: 20_000, seed: 'mem14', correlations: [[0, 1, 0.6], [2, 3, -0.4]], trajectories: 40 };
const evaluateTasks = () => handed.flat().filter((t) => t.kind === 'evaluate');

/** A runner factory whose runners make rows from the spec (as the queue's), recording the tasks. */
function specFactory(): RunnerFactory {
  return Object.assign(
    async (handle: ModelHandle): Promise<Runner> => {
      const local = inProcessRunner(handle);
      return { workers: 0, run: async (tasks) => void handed.push([...tasks]), close: () => local.close() };
    },
    { designsFromSpec: true },
  );
}

describe('planDesigns writes every design into one buffer', () => {
  it("'shared': one SharedArrayBuffer, each design a view at its offset, the bytes of each design built alone", () => {
    const { planned, unit, rows } = planDesigns(SPEC, () => {}, 'shared');
    const plain = planDesigns(SPEC, () => {}, 'plain');
    expect(unit.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(plain.unit.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    expect(unit.length).toBe(rows * K);
    expect(bytes(unit).equals(bytes(plain.unit))).toBe(true);
    // Built apart, as before: each design's own bytes.
    const apart = {
      tornado: sampleTornado(K).unit,
      montecarlo: sampleMonteCarlo(K, { n: 20_000, seed: 'mem14', correlations: SPEC.correlations }).unit,
      saltelli: sampleSaltelli(K, { n: 32_768, seed: 'mem14' }).unit,
      morris: sampleMorris(K, { trajectories: 40, seed: 'mem14' }).unit,
    };
    expect(planned.map((p) => p.design.layout.method)).toEqual(['tornado', 'montecarlo', 'saltelli', 'morris']);
    for (const p of planned) {
      const u = p.design.unit;
      expect(u.buffer, p.design.layout.method).toBe(unit.buffer);
      expect(u.byteOffset).toBe(p.offset * K * 8);
      expect(bytes(u).equals(bytes(apart[p.design.layout.method])), p.design.layout.method).toBe(true);
    }
  });

  it("'none': no buffer; Sobol' keeps its layout and rows but is never built, the designs whose analyses read inputs are built once each", () => {
    const plain = planDesigns(SPEC, () => {}, 'plain');
    const warnings: string[] = [];
    const none = planDesigns({ ...SPEC, samples: 20_000 }, (w) => warnings.push(w), 'none');
    expect(none.unit).toBeUndefined();
    expect(none.rows).toBe(plain.rows);
    expect(none.samples).toBe(plain.samples);
    expect(warnings.some((w) => w.includes('rounded up to 32768'))).toBe(true);
    none.planned.forEach((p, i) => {
      const q = plain.planned[i];
      expect(p.offset).toBe(q.offset);
      expect(p.design.rows).toBe(q.design.rows);
      expect(p.design.layout).toEqual(q.design.layout);
      if (p.design.layout.method === 'saltelli') {
        expect(() => p.design.unit).toThrow(/saltelli design was not built here/);
      } else {
        expect(p.design.unit.buffer).not.toBe(q.design.unit.buffer);
        expect(bytes(p.design.unit).equals(bytes(q.design.unit))).toBe(true);
      }
    });
    // Sobol' alone: nothing at all; its checks still made (2k Sobol' dimensions at most).
    expect(() => planDesigns({ ...SPEC, method: 'sobol' }, () => {}, 'none').planned[0].design.unit).toThrow();
    expect(planDesigns({ ...SPEC, method: 'sobol' }, () => {}, 'none').planned[0].design.layout).toEqual(saltelliLayout(K, { n: 32_768, seed: 'mem14' }));
    expect(() => planDesigns({ ...SPEC, method: 'sobol', k: 1000 }, () => {}, 'none')).toThrow(/uncertain parameters for the Sobol' method/);
  });
});

describe('evaluate tasks carry views of the design, not copies', () => {
  it('worker threads: every task a view of the one SharedArrayBuffer the planned designs share, row after row', async () => {
    const handle = await loadModel(fixture('mem14-correlated.ts'), {});
    const { planned, unit } = planDesigns(SPEC, () => {}, 'shared');
    await evaluateDesign(handle, unit, { workers: 2, design: JSON.stringify(SPEC) });
    const tasks = evaluateTasks();
    expect(tasks.length).toBeGreaterThan(2);
    let at = 0;
    for (const t of tasks) {
      expect(t.unit.buffer).toBe(unit.buffer);
      expect(t.unit.byteOffset).toBe(at * K * 8);
      expect(t.unit.length).toBe(t.rows * K);
      expect(t.design?.first).toBe(at);
      at += t.rows;
    }
    expect(at * K).toBe(unit.length);
    for (const p of planned) expect(p.design.unit.buffer).toBe(unit.buffer);
  });

  it('runSensitivity: a SharedArrayBuffer for worker threads, an ordinary buffer in-process, views either way', async () => {
    const handle = await loadModel(fixture('mem14-correlated.ts'), {});
    const options = { method: 'all' as const, samples: 20_000, seed: 'mem14', trajectories: 40 };
    await runSensitivity(handle, { ...options, workers: 2 });
    const threads = evaluateTasks();
    expect(new Set(threads.map((t) => t.unit.buffer)).size).toBe(1);
    expect(threads[0].unit.buffer).toBeInstanceOf(SharedArrayBuffer);
    handed.length = 0;
    await runSensitivity(handle, { ...options, workers: 0 });
    const here = evaluateTasks();
    expect(new Set(here.map((t) => t.unit.buffer)).size).toBe(1);
    expect(here[0].unit.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    expect(here[0].unit.buffer.byteLength).toBe(threads[0].unit.buffer.byteLength);
  });

  it('an ordinary buffer given for worker threads: a copy per task, which the runner transfers (a view would be cloned whole)', async () => {
    const handle = await loadModel(fixture('mem14-correlated.ts'), {});
    const { unit } = planDesigns(SPEC, () => {}, 'plain');
    await evaluateDesign(handle, unit, { workers: 2 });
    for (const t of evaluateTasks()) {
      expect(t.unit.buffer).not.toBe(unit.buffer);
      expect(t.unit.byteLength).toBe(t.unit.buffer.byteLength);
    }
  });

  it('a runner that makes rows from the spec: tasks carry none, and the design may be given by its row count', async () => {
    const handle = await loadModel(fixture('mem14-correlated.ts'), {});
    const { rows } = planDesigns(SPEC, () => {}, 'none');
    await expect(evaluateDesign(handle, { rows }, { workers: 2, design: JSON.stringify(SPEC) })).rejects.toThrow(/does not make rows from a spec/);
    setRunnerFactory(specFactory());
    expect(designRowsWanted()).toBe('spec');
    await evaluateDesign(handle, { rows }, { workers: 2, design: JSON.stringify(SPEC) });
    const tasks = evaluateTasks();
    expect(tasks.reduce((sum, t) => sum + t.rows, 0)).toBe(rows);
    for (const t of tasks) {
      expect(t.unit.length).toBe(0);
      expect(t.design?.spec).toBe(JSON.stringify(SPEC));
    }
  });
});
