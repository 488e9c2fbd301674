/**
 * Structural checks over every built-in model file in models/: each parameter is a distribution
 * object with a non-empty unit and source; each output has a unit; names match file names; claims and
 * correlations refer to what exists; and compute, at a central value of every parameter, returns
 * exactly the declared outputs, all finite.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ModelDefinition } from '../../src/model/types.ts';
import { claimTest } from '../../src/model/claim.ts';

const modelsDir = fileURLToPath(new URL('../../models/', import.meta.url));
const files = readdirSync(modelsDir)
  .filter((f) => f.endsWith('.ts'))
  .sort();

const models: Array<[string, ModelDefinition]> = await Promise.all(
  files.map(async (f) => [basename(f, '.ts'), (await import(join(modelsDir, f))).default as ModelDefinition] as [string, ModelDefinition]),
);

type Spec = { dist: string; unit?: unknown; source?: unknown; [k: string]: unknown };

/** A central value of a parameter: mode, median or the most likely discrete value. */
function central(s: Spec): number {
  const n = (k: string) => s[k] as number;
  switch (s.dist) {
    case 'constant':
      return n('value');
    case 'uniform':
      return (n('min') + n('max')) / 2;
    case 'triangular':
    case 'pert':
      return n('mode');
    case 'lognormal':
      if (s.median !== undefined) return n('median');
      if (s.p5 !== undefined) return Math.sqrt(n('p5') * n('p95'));
      if (s.p10 !== undefined) return Math.sqrt(n('p10') * n('p90'));
      return Math.exp(n('mu'));
    case 'discrete': {
      const w = s.weights as number[];
      return (s.values as number[])[w.indexOf(Math.max(...w))];
    }
    default:
      throw new Error(`no central value for ${s.dist}`);
  }
}

describe('built-in models', () => {
  it('the expected models are present', () => {
    expect(models.map(([n]) => n)).toEqual(
      expect.arrayContaining(['edunov-2023', 'inference-fleet', 'token-demand', 'projection', 'supply-demand']),
    );
  });

  describe.each(models)('%s', (file, model) => {
    it('is named after its file and has a title and description', () => {
      expect(model.name).toBe(file);
      expect(model.title?.trim()).toBeTruthy();
      expect(model.description?.trim()).toBeTruthy();
    });

    it('every parameter is a distribution object with a non-empty unit and source', () => {
      const entries = Object.entries(model.parameters);
      expect(entries.length).toBeGreaterThan(0);
      for (const [name, spec] of entries) {
        expect(typeof spec, name).toBe('object');
        const s = spec as Spec;
        expect(typeof s.dist, name).toBe('string');
        expect(typeof s.unit === 'string' && s.unit.trim().length > 0, `${name}: unit`).toBe(true);
        expect(typeof s.source === 'string' && s.source.trim().length > 0, `${name}: source`).toBe(true);
        expect(name, 'snake_case name').toMatch(/^[a-z][a-z0-9_]*$/);
      }
    });

    it('distribution fields are consistent', () => {
      for (const [name, spec] of Object.entries(model.parameters)) {
        const s = spec as Spec;
        const n = (k: string) => s[k] as number;
        if (s.dist === 'triangular' || s.dist === 'pert') {
          expect(n('min') <= n('mode') && n('mode') <= n('max') && n('min') < n('max'), name).toBe(true);
        }
        if (s.dist === 'uniform') expect(n('min') < n('max'), name).toBe(true);
        if (s.dist === 'lognormal' && s.p5 !== undefined) expect(0 < n('p5') && n('p5') < n('p95'), name).toBe(true);
        if (s.dist === 'lognormal' && s.p10 !== undefined) expect(0 < n('p10') && n('p10') < n('p90'), name).toBe(true);
        if (s.dist === 'discrete') {
          const values = s.values as number[];
          const weights = s.weights as number[];
          expect(values.length, name).toBe(weights.length);
          expect(weights.every((w) => w >= 0) && weights.reduce((a, b) => a + b, 0) > 0, name).toBe(true);
        }
      }
    });

    it('every output has a unit', () => {
      const entries = Object.entries(model.outputs);
      expect(entries.length).toBeGreaterThan(0);
      for (const [name, out] of entries) {
        expect(typeof out.unit === 'string' && out.unit.trim().length > 0, `${name}: unit`).toBe(true);
      }
    });

    it('claims are predicates; correlations name existing parameters', () => {
      for (const [name, claim] of Object.entries(model.claims ?? {})) {
        const test = claimTest(claim)!;
        expect(typeof test, name).toBe('function');
      }
      for (const [a, b, r] of model.correlations ?? []) {
        expect(model.parameters).toHaveProperty(a);
        expect(model.parameters).toHaveProperty(b);
        expect(Math.abs(r)).toBeLessThanOrEqual(1);
      }
    });

    it('compute at central values returns exactly the declared outputs, all finite, and claims evaluate', () => {
      const point: Record<string, number> = {};
      for (const [name, spec] of Object.entries(model.parameters)) point[name] = central(spec as Spec);
      const out = model.compute(point);
      expect(Object.keys(out).sort()).toEqual(Object.keys(model.outputs).sort());
      for (const [name, value] of Object.entries(out)) expect(Number.isFinite(value), name).toBe(true);
      for (const claim of Object.values(model.claims ?? {})) {
        const test = claimTest(claim)!;
        expect(typeof test(out, point)).toBe('boolean');
      }
    });
  });
});
