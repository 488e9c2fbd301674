/**
 * The pool starts its first thread at once and the others only when a run is long enough to pay
 * for their start-up (src/engine/runner.ts, `moreThreadsPay`); threads that join late join the run
 * in progress. Which thread runs a chunk never changes its result.
 */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load.ts';
import { inProcessRunner, moreThreadsPay, poolRunner, STARTUPS_WORTH } from '../../src/engine/runner.ts';
import type { SimulateTask, TaskResult } from '../../workers/protocol.ts';
import { fixture } from '../cli/helpers.ts';

const tasks = (n: number): SimulateTask[] =>
  Array.from({ length: n }, (_, chunk) => ({ kind: 'simulate', chunk, start: chunk * 5_000, size: 5_000, seed: 's', sampling: 'mc', percentileMethod: 'ddsketch' }));

const byChunk = (results: TaskResult[]) => JSON.stringify([...results].sort((a, b) => (a as { chunk: number }).chunk - (b as { chunk: number }).chunk));

describe('when more threads pay', () => {
  it('not for the last task, nor for work left under STARTUPS_WORTH start-ups at the pace so far', () => {
    expect(STARTUPS_WORTH).toBe(6);
    expect(moreThreadsPay(1, 5, 1000, 100)).toBe(false); // one task left: another thread has nothing to take
    expect(moreThreadsPay(30, 1, 20, 100)).toBe(false); // 600 ms left, 6 start-ups of 100 ms: not more
    expect(moreThreadsPay(31, 1, 20, 100)).toBe(true); // 620 ms left
    expect(moreThreadsPay(150, 10, 100, 100)).toBe(true); // 1.5 s left
    expect(moreThreadsPay(150, 10, 100, 300)).toBe(false); // the same on a machine where a start-up takes 0.3 s
  });

  it('with no pace yet (no result after the first): once the run has lasted that long', () => {
    expect(moreThreadsPay(10, 0, 599, 100)).toBe(false);
    expect(moreThreadsPay(10, 0, 600, 100)).toBe(true);
  });
});

describe('pool runner threads', () => {
  it('a short run starts one thread of the two asked for', async () => {
    const handle = await loadModel(fixture('linear-normal.ts'));
    const runner = await poolRunner(handle, 2);
    try {
      await runner.run(tasks(1), () => {});
      expect(runner.workers).toBe(1);
    } finally {
      await runner.close();
    }
  }, 60_000);

  it('threads started at once, joining as each is ready: the same results as in-process, chunk by chunk', async () => {
    const handle = await loadModel(fixture('linear-normal.ts'));
    const here: TaskResult[] = [];
    await inProcessRunner(handle).run(tasks(12), (r) => here.push(r));
    const runner = await poolRunner(handle, 3, { threadsAtOnce: true });
    const there: TaskResult[] = [];
    try {
      await runner.run(tasks(12), (r) => there.push(r));
      expect(runner.workers).toBe(3);
    } finally {
      await runner.close();
    }
    expect(byChunk(there)).toBe(byChunk(here));
  }, 60_000);
});
