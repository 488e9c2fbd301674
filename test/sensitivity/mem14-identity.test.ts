/**
 * Issue 14 (a study holds its design once): sensitivity.json is byte for byte what it was before the
 * designs went into one (shared) buffer and the tasks into views of it, for every method and `all`,
 * with and without rank correlations, for 0 (in-process), 1 and 2 worker threads, and through a
 * runner that makes the rows from the spec as a queue's workers do (the coordinator then builds no
 * Sobol' design).
 *
 * The expected SHA-256s are of sensitivity.json as commit a575d35 wrote it (designs built apart,
 * concatenated, and sliced per task), on these fixtures and options, for workers 0, 1 and 2 alike. A
 * deliberate change to sensitivity.json's contents changes them: recompute them then, from the code
 * before the change.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { inProcessRunner, setRunnerFactory, type Runner, type RunnerFactory } from '../../src/engine/runner.ts';
import { decodeJobTasks, encodeJobTasks } from '../../src/distributed/queue/job-codec.ts';
import { loadModel, type ModelHandle } from '../../src/model/load.ts';
import { runSensitivity, sensitivityFiles } from '../../src/sensitivity/index.ts';
import type { SensitivityMethod } from '../../src/sensitivity/registry.ts';
import { fixture } from '../cli/helpers.ts';

const BEFORE: Readonly<Record<string, string>> = {
  'corr/tornado': 'a6d4d8bc68d26d83f2d453efe09c68234cd9d22ab9f001ce7a9db496645989ef',
  'corr/spearman': '407969dc7a45d3ce1df0f2cc26b69b69d4f08a1c6bb23d6859ff2c36089c65e9',
  'corr/prcc': 'efac9af1906f7a8035f7c7c832a217714d77f81064d2933e84f159db762a0324',
  'corr/sobol': 'e672284b662f8b014b8a7e34dc6a0d79613d29662e02ab43d46aa326afac9524',
  'corr/morris': '50bdb3fc8781060d6836191ede01164db8f3c2a92154b2d77991a98714cf2449',
  'corr/all': '185a27cfe3f327bc366a70bdec2a9ee5b6a27e5e9e24f77bf3277e8bc12a4cf4',
  'indep/tornado': '61f40a8b7e3430e9d8d9d9c63bc11256233b38f1c91d4d0bf039b4266077bbce',
  'indep/spearman': 'a6dc98d98555a54670ad8d17a72c41b221ea128069d13f4f83bf135a98a97782',
  'indep/prcc': 'ff55052307e873aa6d7ace15805053e3d1c1012fce79953ab95a16cf66bad619',
  'indep/sobol': 'f675599190c0ea8f7dcfef1240c9ca5323dca2635869b782c810b0d0d5717986',
  'indep/morris': '24817de89a67466927fea5d1b46b316199085676da561cc9adb1255123942413',
  'indep/all': 'e44ba97e979276a376277cc2c381aa6a6fa7b7d8dbce272ebff82fe3d69b8b3f',
};

/** Correlated inputs (two pairs, a constant, a discrete input), and Sobol's G (independent, with a claim). */
const MODELS = { corr: 'mem14-correlated.ts', indep: 'sobol-g.ts' } as const;
const METHODS: ReadonlyArray<SensitivityMethod | 'all'> = ['tornado', 'spearman', 'prcc', 'sobol', 'morris', 'all'];

/** Sizes that cut each design into more than one 65,536-row chunk (except the tornado's 2k + 1 rows). */
function optionsOf(model: keyof typeof MODELS, method: SensitivityMethod | 'all') {
  const samples = method === 'morris' ? 15_000 : method === 'spearman' || method === 'prcc' ? 70_000 : 16_384;
  return {
    method,
    samples,
    seed: 'mem14',
    trajectories: method === 'morris' ? 15_000 : 50,
    ...(model === 'indep' && method === 'prcc' ? { claim: 'above1' } : {}),
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function sensitivityJson(handle: ModelHandle, model: keyof typeof MODELS, method: SensitivityMethod | 'all', workers: number): Promise<string> {
  const result = await runSensitivity(handle, { ...optionsOf(model, method), workers });
  return sensitivityFiles(result)['sensitivity.json'];
}

/**
 * A queue without Redis: each batch of tasks goes through the job codec (which drops the rows of a
 * task naming its design) and runs in-process on the rows made from the spec, as a worker would.
 */
function specFactory(carried: number[]): RunnerFactory {
  return Object.assign(
    async (handle: ModelHandle): Promise<Runner> => {
      const local = inProcessRunner(handle);
      return {
        workers: 0,
        async run(tasks, onResult, signal) {
          for (const t of tasks) if (t.kind === 'evaluate') carried.push(t.unit.length);
          await local.run(decodeJobTasks(encodeJobTasks(tasks)), onResult, signal);
        },
        close: () => local.close(),
      };
    },
    { designsFromSpec: true },
  );
}

afterEach(() => setRunnerFactory(undefined));

describe('sensitivity.json with the design held once (issue 14)', () => {
  for (const [model, file] of Object.entries(MODELS) as Array<[keyof typeof MODELS, string]>) {
    it(`${model}: every method and all, the bytes of a575d35 for workers 0, 1 and 2 and from the spec`, { timeout: 300_000 }, async () => {
      const handle = await loadModel(fixture(file), {});
      for (const method of METHODS) {
        const key = `${model}/${method}`;
        for (const workers of [0, 1, 2]) expect(sha256(await sensitivityJson(handle, model, method, workers)), `${key} workers ${workers}`).toBe(BEFORE[key]);
        const carried: number[] = [];
        setRunnerFactory(specFactory(carried));
        try {
          expect(sha256(await sensitivityJson(handle, model, method, 2)), `${key} rows made from the spec`).toBe(BEFORE[key]);
        } finally {
          setRunnerFactory(undefined);
        }
        // The coordinator's tasks carried no rows: the workers made them.
        expect(carried.length, key).toBeGreaterThan(0);
        expect(carried.every((n) => n === 0), key).toBe(true);
      }
    });
  }
});
