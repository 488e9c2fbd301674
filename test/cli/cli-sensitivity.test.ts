/** sensitivity (issue 11 §6): the primary output by default; --method all draws as many Morris trajectories as --method morris. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliTrajectories } from '../../src/sensitivity/registry.ts';
import { cli, fixture } from './helpers.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'cli-sens-'));
const sensitivity = async (args: string[]) => {
  const r = await cli(['sensitivity', ...args, '--json', '--quiet', '--out', join(tmp(), 's')]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('sensitivity', () => {
  it("targets the model's primary output by default (declared second), else the first output", async () => {
    expect((await sensitivity([fixture('cli-primary.ts'), '--method', 'spearman', '-n', '512'])).target).toEqual({ output: 'answer' });
    expect((await sensitivity([fixture('cli-plain.ts'), '--method', 'spearman', '-n', '512'])).target).toEqual({ output: 'y' });
  });

  it('--method all and --method morris: the same trajectories, hence the same Morris indices (same seed)', async () => {
    const model = fixture('linear-normal.ts');
    const alone = await sensitivity([model, '--method', 'morris']);
    const all = await sensitivity([model, '--method', 'all', '-n', '1024']);
    expect(alone.details.morris.trajectories).toBe(50);
    expect(all.details.morris.trajectories).toBe(50);
    expect(alone.samples).toBe(50);
    for (const p of ['x1', 'x2', 'x3', 'x4', 'x5']) expect(all.indices[p].muStar).toBe(alone.indices[p].muStar);
    // --trajectories sets both alike; with morris alone an explicit -n still counts trajectories.
    const t = await sensitivity([model, '--method', 'all', '-n', '256', '--trajectories', '12']);
    const m = await sensitivity([model, '--method', 'morris', '--trajectories', '12']);
    const n = await sensitivity([model, '--method', 'morris', '-n', '12']);
    expect([t.details.morris.trajectories, m.details.morris.trajectories, n.details.morris.trajectories]).toEqual([12, 12, 12]);
    for (const p of ['x1', 'x2']) expect(t.indices[p].muStar).toBe(m.indices[p].muStar);
  }, 300_000);

  it('--trajectories 0 is refused naming the flag', async () => {
    const r = await cli(['sensitivity', fixture('linear-normal.ts'), '--trajectories', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --trajectories: got "0"; a whole number of at least 1/);
  });
});

describe('cliTrajectories', () => {
  it('--trajectories, else -n given with morris alone, else 50', () => {
    expect(cliTrajectories({ method: 'all', samples: 8192, samplesGiven: true })).toBe(50);
    expect(cliTrajectories({ method: 'morris', samples: 8192, samplesGiven: false })).toBe(50);
    expect(cliTrajectories({ method: 'morris', samples: 20, samplesGiven: true })).toBe(20);
    expect(cliTrajectories({ method: 'all', samples: 20, samplesGiven: true, trajectories: 7 })).toBe(7);
  });
});
