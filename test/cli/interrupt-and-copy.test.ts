import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, cli } from './helpers.ts';

describe('Ctrl-C', () => {
  it('stops the workers, exits 130 and leaves no results folder, not even a temporary one', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'aemc-int-'));
    const out = join(parent, 'run');
    const child = spawn(process.execPath, [BIN, 'run', 'edunov-2023', '--samples', '5e7', '--workers', '2', '--out', out], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, AI_ENERGY_MC_PROGRESS: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Wait for the progress bar (asked for without a terminal): the workers are running.
    await new Promise<void>((resolve) => child.stderr.once('data', () => resolve()));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted (SIGINT): no results written');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('a copied model file', () => {
  it('runs by path after a distribution is changed, and differs from the original as it should', async () => {
    // Built-in models import their shared sub-models relatively, so a copy lives beside them in models/.
    const copy = join(ROOT, 'models', `.copy-${process.pid}.ts`);
    try {
      copyFileSync(join(ROOT, 'models', 'edunov-2023.ts'), copy);
      // Rename it and change one distribution: twice the GPUs (a parameter listed after the shared ones replaces it).
      const text = readFileSync(copy, 'utf8')
        .replace("name: 'edunov-2023'", "name: 'my-edunov'")
        .replace('...claimFleetParameters,', "...claimFleetParameters,\n    gpus: { dist: 'lognormal', p5: 2e6, p95: 4e6, unit: 'GPUs', source: 'a test of copying' },");
      writeFileSync(copy, text);
      const dir = mkdtempSync(join(tmpdir(), 'aemc-copy-'));
      const original = JSON.parse((await cli(['run', 'edunov-2023', '--samples', '20000', '--out', join(dir, 'a'), '--json', '--quiet'])).stdout);
      const doubled = JSON.parse(
        (await cli(['run', copy, '--samples', '20000', '--out', join(dir, 'b'), '--json', '--quiet'])).stdout,
      );
      expect(doubled.model).toBe('my-edunov');
      // Twice the GPUs, twice the energy: the medians differ by a factor of about two.
      expect(doubled.outputs.annual_twh.percentiles.p50 / original.outputs.annual_twh.percentiles.p50).toBeCloseTo(2, 1);
    } finally {
      rmSync(copy, { force: true });
    }
  });
});

describe('a model written from scratch, anywhere', () => {
  const source = `export default {
  name: 'my-fleet',
  parameters: {
    gpus: { dist: 'lognormal', p5: 1e6, p95: 2e6, unit: 'GPUs' },
    watts: { dist: 'pert', min: 500, mode: 700, max: 750, unit: 'W' },
    hours: 8760,
  },
  outputs: { annual_twh: { unit: 'TWh/yr' } },
  compute: (p) => ({ annual_twh: (p.gpus * p.watts * p.hours) / 1e12 }),
  claims: { under_two_reactors: (o) => o.annual_twh <= 2 * 7.88 },
};
`;
  for (const ext of ['ts', 'js', 'mjs']) {
    it(`runs from a .${ext} file outside the project, with no imports`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'aemc-own-'));
      const file = join(dir, `model.${ext}`);
      writeFileSync(file, source);
      const r = await cli(['run', file, '--samples', '5000', '--out', join(dir, 'out'), '--json', '--quiet']);
      expect(r.stderr).toBe('');
      const summary = JSON.parse(r.stdout);
      expect(summary.model).toBe('my-fleet');
      expect(summary.outputs.annual_twh.percentiles.p50).toBeGreaterThan(5);
      expect(summary.claims.under_two_reactors.probability).toBeGreaterThan(0.5);
    });
  }
});
