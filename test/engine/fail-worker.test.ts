/**
 * Worker threads that die: each failure becomes one error naming the model and what to do, and the
 * pool terminates every thread (the test process would hang on a live worker otherwise).
 */
import { describe, expect, it } from 'vitest';
import { ModelError, RunError } from '../../src/errors.ts';
import { loadModel } from '../../src/model/load.ts';
import { AbortedError, poolRunner, workerFailure } from '../../src/engine/runner.ts';
import type { SimulateTask } from '../../workers/protocol.ts';
import { fixture } from '../cli/helpers.ts';

const tasks = (n: number): SimulateTask[] =>
  Array.from({ length: n }, (_, chunk) => ({ kind: 'simulate', chunk, start: chunk * 10_000, size: 10_000, seed: '1', sampling: 'mc', percentileMethod: 'ddsketch' }));

describe('pool runner: a worker that dies', () => {
  it('out of memory: a RunError naming the model and the heap limit', async () => {
    const handle = await loadModel(fixture('fail-oom.ts'));
    const runner = await poolRunner(handle, 1, { resourceLimits: { maxOldGenerationSizeMb: 64 } });
    const err = await runner.run(tasks(50), () => {}).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(RunError);
    expect((err as Error).message).toMatch(/^model fail-oom: a worker thread ran out of memory \(its heap limit is 64 MB\) while running the model; /);
    await runner.close();
  }, 60_000);

  it('process.exit in compute: a ModelError with the exit code', async () => {
    const handle = await loadModel(fixture('fail-exit.ts'));
    const runner = await poolRunner(handle, 2);
    const err = await runner.run(tasks(4), () => {}).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(ModelError);
    expect((err as Error).message).toMatch(/a worker thread exited with code 3 while running the model \(does compute call process\.exit\?\)/);
  }, 30_000);

  it('an abort rejects with the reason given to abort() when it is an error, else AbortedError', async () => {
    const handle = await loadModel(fixture('linear-normal.ts'));
    for (const [reason, type] of [[new RunError('stopped by --timeout', 124), RunError], [undefined, AbortedError]] as const) {
      const runner = await poolRunner(handle, 1);
      const controller = new AbortController();
      controller.abort(reason);
      const err = await runner.run(tasks(2), () => {}, controller.signal).then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(type);
    }
  }, 30_000);

  it('an error thrown by the result handler fails the run instead of escaping', async () => {
    const handle = await loadModel(fixture('linear-normal.ts'));
    const runner = await poolRunner(handle, 1);
    const err = await runner.run(tasks(2), () => {
      throw new Error('handler broke');
    }).then(() => undefined, (e: unknown) => e);
    expect((err as Error).message).toBe('handler broke');
  }, 30_000);
});

describe('workerFailure', () => {
  it('names the model, the exit code and the likely cause', () => {
    const e = workerFailure('m', 'simulate', { exitCode: 3 });
    expect(e).toBeInstanceOf(ModelError);
    expect(e.message).toBe('model m: a worker thread exited with code 3 while running the model (does compute call process.exit?); compute must return its outputs, never end the process');
  });
});
