import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture } from './helpers.ts';

describe('ai-energy-mc sensitivity, end to end', () => {
  it('writes sensitivity.json (the contract), csv, md and a manifest; --json prints the same JSON', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'aemc-sens-')), 's');
    const r = await cli(['sensitivity', fixture('ishigami.ts'), '--method', 'sobol', '--samples', '1024', '--seed', '4', '--workers', '2', '--out', out, '--json', '--quiet']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ model: 'ishigami', target: { output: 'y' }, method: 'sobol', samples: 1024, seed: '4', evaluations: 1024 * 5 });
    for (const name of ['x1', 'x2', 'x3']) {
      expect(result.indices[name].S1CI95).toHaveLength(2);
      expect(result.indices[name].ST).toBeGreaterThanOrEqual(-0.05);
    }
    expect(JSON.parse(readFileSync(join(out, 'sensitivity.json'), 'utf8'))).toEqual(result);
    for (const f of ['sensitivity.csv', 'sensitivity.md', 'manifest.json']) expect(existsSync(join(out, f))).toBe(true);
  });

  it('analyses a claim indicator with --claim', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'aemc-sens-')), 's');
    const r = await cli(['sensitivity', fixture('lognormal-product.ts'), '--claim', 'above_median', '--method', 'spearman', '--samples', '4000', '--out', out, '--json', '--quiet']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.target).toEqual({ claim: 'above_median' });
    // c has the widest lognormal (σ = 0.5), so it moves the claim most.
    expect(result.indices.c.spearman).toBeGreaterThan(result.indices.a.spearman);
  });

  it('rejects an unknown method, an unknown output, and --output with --claim', async () => {
    const bad = await cli(['sensitivity', fixture('ishigami.ts'), '--method', 'fast']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--method: got "fast"; one of tornado, spearman, prcc, sobol, morris, all/);
    const noOutput = await cli(['sensitivity', fixture('ishigami.ts'), '--output', 'z', '--quiet']);
    expect(noOutput.stderr).toMatch(/z/);
    expect(noOutput.code).not.toBe(0);
    const both = await cli(['sensitivity', fixture('lognormal-product.ts'), '--output', 'y', '--claim', 'above_median']);
    expect(both.stderr).toMatch(/either --output or --claim/);
  });
});
