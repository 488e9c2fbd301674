/**
 * Squiggle's habits on the real command line: SI suffixes, `a to b` with a ≤ 0, `mx(…)` mixtures in
 * `--set`, in a model file's strings, in `describe` and in the manifest; bad strings exit 2 with one
 * line naming `--set gpus`.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture } from './helpers.ts';

const outDir = () => join(mkdtempSync(join(tmpdir(), 'aemc-dist-')), 'run');

/** summary.json without the fields that differ between two runs of the same samples (none today, but timing-proof). */
function results(stdout: string): unknown {
  const s = JSON.parse(stdout);
  return { outputs: s.outputs, claims: s.claims, samples: s.samples, seed: s.seed };
}

describe('distribution strings on the command line', () => {
  it("--set gpus='1M to 2M' gives exactly the run of --set gpus='1e6 to 2e6'", async () => {
    const run = (text: string) => cli(['run', 'edunov-2023', '--set', `gpus=${text}`, '--samples', '1e4', '--json', '--out', outDir()]);
    const [a, b] = await Promise.all([run('1M to 2M'), run('1e6 to 2e6')]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(results(a.stdout)).toEqual(results(b.stdout));
  });

  it("--set gpus='mx(1M to 2M, 3M, [0.9, 0.1])' runs and is recorded in the manifest", async () => {
    const out = outDir();
    const r = await cli(['run', 'edunov-2023', '--set', 'gpus=mx(1M to 2M, 3M, [0.9, 0.1])', '--samples', '1e4', '--json', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.samples).toBe(10_000);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.overrides).toEqual({ gpus: 'mx(1M to 2M, 3M, [0.9, 0.1])' });
    expect(manifest.parameters.gpus).toMatchObject({
      dist: 'mixture',
      label: 'mx(lognormal(p5=1e6, p95=2e6), 3e6, [0.9, 0.1])',
      params: { weights: [0.9, 0.1], probabilities: [0.9, 0.1] },
      overridden: 'mx(1M to 2M, 3M, [0.9, 0.1])',
    });
  });

  it('--set with a constant in SI form (pue=1.2, gpus=1.5M)', async () => {
    const out = outDir();
    const r = await cli(['run', 'edunov-2023', '--set', 'gpus=1.5M', '--samples', '1e3', '--json', '--out', out]);
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.parameters.gpus).toMatchObject({ dist: 'constant', label: '1.5e6', params: { value: 1.5e6 } });
  });

  it('describe shows mixtures, suffixes and the normal rule, as text and JSON', async () => {
    const text = await cli(['describe', fixture('dist-squiggle.ts'), '--set', 'b=-1 to 1']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('mx(normal(mean=0, sd=1), 5, [3, 1])');
    expect(text.stdout).toContain('mx(lognormal(p5=1e3, p95=2e3), 3e3, [9, 1])');
    expect(text.stdout).toContain('normal(mean=0, sd=0.6079568319117692)');
    const json = await cli(['describe', fixture('dist-squiggle.ts'), '--json']);
    const d = JSON.parse(json.stdout);
    expect(d.parameters.a).toMatchObject({ dist: 'mixture', weights: [3, 1], probabilities: [0.75, 0.25], mean: 1.25 });
    expect(d.parameters.d).toMatchObject({ dist: 'constant', value: 2000 });
  });

  it('a model file with mixture strings runs, and its atom has probability ¼', async () => {
    const r = await cli(['run', fixture('dist-squiggle.ts'), '--samples', '4e4', '--seed', '5', '--json', '--out', outDir()]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    // Binomial(4e4, ¼): sd 0.0022; 5 sd.
    expect(Math.abs(s.claims.a_at_atom.probability - 0.25)).toBeLessThan(0.011);
  });

  const bad: ReadonlyArray<readonly [string, string]> = [
    ['1MM', '--set gpus: got "1MM"; unknown suffix "MM"'],
    ['5x', '--set gpus: got "5x"; unknown suffix "x"'],
    ['1m to 2m', '--set gpus: got "1m to 2m"; unknown suffix "m"'],
    ['5 to 2', '--set gpus: got "5 to 2"; "5 to 2" is a 90% interval'],
    ['mx(1M to 2M, 3M, [0.9])', '--set gpus.weights: got [0.9]; weights must have one entry per component (2 components, 1 weight)'],
    ['mx(1M to 2M, 3M, [0.9, -0.1])', '--set gpus.weights[1]: got -0.1; weights[1] must be a finite number > 0'],
    ['mx(1M to 2M, normal(1M, -5))', '--set gpus.components[1].sd: got -5; sd must be a finite number > 0'],
    ['mx()', '--set gpus: got "mx()"; a mixture needs at least one component'],
  ];
  it.each(bad)("--set gpus='%s' exits 2 with one line naming --set gpus", async (text, starts) => {
    const r = await cli(['run', 'edunov-2023', '--set', `gpus=${text}`, '--samples', '1e3', '--out', outDir()]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.startsWith(`error: ${starts}`)).toBe(true);
  });
});
