import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture } from './helpers.ts';

describe('ai-energy-mc run, end to end', () => {
  it('writes the results folder and prints summary.json with --json', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'aemc-')), 'run');
    const r = await cli(['run', fixture('lognormal-product.ts'), '--samples', '20000', '--seed', '3', '--workers', '2', '--percentiles', '2.5,50,97.5', '--out', out, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ model: 'lognormal-product', samples: 20000, seed: '3', workers: 2, sampling: 'mc' });
    expect(Object.keys(summary.outputs.y.percentiles)).toEqual(['p2.5', 'p50', 'p97.5']);
    expect(summary.outputs.y.percentileCI95['p97.5']).toHaveLength(2);
    expect(summary.claims.above_median.ci95).toHaveLength(2);
    expect(readdirSync(out).sort()).toEqual(['distributions.json', 'manifest.json', 'percentiles.csv', 'percentiles.md', 'summary.json']);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toEqual(summary);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.modelFileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.parameters.a).toMatchObject({ dist: 'lognormal', unit: '1' });
    expect(manifest.wallSeconds).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'percentiles.csv'), 'utf8').split('\n')[0]).toContain('p2.5');
    // No temporary folder left beside the results.
    expect(readdirSync(join(out, '..')).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
  });

  it('prints a readable table with the claims', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'aemc-')), 'run');
    const r = await cli(['run', fixture('lognormal-product.ts'), '--samples', '5000', '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/output\s+unit\s+p5\s+p50\s+p95\s+mean/);
    expect(r.stdout).toMatch(/above_median\s+\d+\.\d%/);
    expect(r.stdout).toContain(`Results: ${out}`);
  });

  it('reports non-finite outputs instead of folding them into statistics', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'aemc-')), 'run');
    const r = await cli(['run', fixture('non-finite.ts'), '--samples', '10000', '--out', out, '--json']);
    const s = JSON.parse(r.stdout);
    expect(s.outputs.logx.nonFinite + s.outputs.logx.count).toBe(10000);
    expect(s.outputs.logx.nonFinite).toBeGreaterThan(4000);
    expect(Number.isFinite(s.outputs.logx.mean)).toBe(true);
  });

  it('--set replaces a distribution and is recorded in the manifest', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'aemc-')), 'run');
    const r = await cli(['run', fixture('lognormal-product.ts'), '--samples', '5000', '--set', 'k=2', '--set', 'a=lognormal(p5=1, p95=2)', '--out', out, '--json']);
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.overrides).toEqual({ k: '2', a: 'lognormal(p5=1, p95=2)' });
    expect(manifest.parameters.k).toMatchObject({ dist: 'constant', overridden: '2' });
  });

  it('lists and describes models, also as JSON', async () => {
    const models = await cli(['models', '--json']);
    expect(models.code).toBe(0);
    expect(JSON.parse(models.stdout).map((m: { name: string }) => m.name)).toContain('edunov-2023');
    const d = await cli(['describe', fixture('lognormal-product.ts'), '--json']);
    const description = JSON.parse(d.stdout);
    expect(description).toMatchObject({ name: 'lognormal-product', parameters: { a: { dist: 'lognormal', mu: 0.5, sigma: 0.3, unit: '1' } }, outputs: { y: { unit: '1' } } });
    expect(description.claims.above_median).toBeDefined();
    const text = await cli(['describe', fixture('lognormal-product.ts')]);
    expect(text.stdout).toContain('lognormal');
  });

  it('the default out folder lands under results/runs/<model>/', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'aemc-cwd-'));
    const r = await cli(['run', fixture('lognormal-product.ts'), '--samples', '1000', '--seed', 'x y'], { cwd });
    expect(r.code).toBe(0);
    const runs = readdirSync(join(cwd, 'results', 'runs', 'lognormal-product'));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatch(/^\d{8}T\d{6}Z-x_y$/);
    expect(existsSync(join(cwd, 'results', 'runs', 'lognormal-product', runs[0], 'summary.json'))).toBe(true);
  });
});

describe('charts and reports from the command line', () => {
  it('run --charts --report writes them inside the results folder; report and compare re-render from folders', async () => {
    const root = mkdtempSync(join(tmpdir(), 'aemc-charts-'));
    const a = join(root, 'a');
    const b = join(root, 'b');
    const r = await cli(['run', fixture('lognormal-product.ts'), '--samples', '5000', '--out', a, '--charts', '--report', '--quiet']);
    expect(r.code).toBe(0);
    expect(existsSync(join(a, 'report.html'))).toBe(true);
    expect(readdirSync(join(a, 'charts')).filter((f) => f.endsWith('.png')).length).toBeGreaterThan(0);
    await cli(['run', fixture('lognormal-product.ts'), '--samples', '5000', '--seed', '2', '--out', b, '--quiet']);
    const report = await cli(['report', b, '--quiet']);
    expect(report.code).toBe(0);
    expect(existsSync(join(b, 'report.html'))).toBe(true);
    const out = join(root, 'compare.svg');
    const compare = await cli(['compare', a, b, '--output', 'y', '--out', out]);
    expect(compare.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<svg');
    expect(existsSync(join(root, 'compare.png'))).toBe(true);
    // A new path: the one above exists now, and compare never overwrites a file without --force.
    const bad = await cli(['compare', a, '--output', 'nope', '--out', join(root, 'compare-2.svg')]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--output: got "nope"; an output that .* has: y/);
  });
});
