/**
 * Issue 9, "statistics at small sizes", through the real command line: a precision target is never
 * declared met on too few samples or on a relative width of 0; Sobol' and Morris indices from too
 * small an N carry a warning (on stderr and in sensitivity.json).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture } from './helpers.ts';

const temp = () => join(mkdtempSync(join(tmpdir(), 'aemc-small-')), 'out');
/** Each test spawns the CLI, which spawns worker threads: room for a busy 2-core machine. */
const SLOW = { timeout: 180_000 };
const warnings = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('warning: '));

describe.concurrent('--precision at small sizes', SLOW, () => {
  it('--precision 5% --max-samples 10: not met, because 10 samples cannot bound p95', async () => {
    const out = temp();
    const r = await cli(['run', fixture('linear-normal.ts'), '--precision', '5%', '--max-samples', '10', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/precision target ±5\.0% NOT met within the sample cap/);
    expect(warnings(r.stderr)).toContain(
      'warning: precision: the 95% interval of y p95 reaches the largest of its 10 finite samples, too few to bound it (at least 142 are needed), so its target counts as not met; raise --max-samples',
    );
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.samples).toBe(10);
    expect(summary.precision.met).toBe(false);
    expect(summary.precision.unbounded).toEqual([{ output: 'y', percentile: 'p95', needed: 142 }]);
    expect(summary.warnings.some((w: string) => w.startsWith('precision: the 95% interval of y p95 reaches the largest'))).toBe(true);
  });

  it('an output that is always 0: its p95 is held to an absolute half-width, and the target is met at the first checkpoint', async () => {
    const out = temp();
    const r = await cli(['run', fixture('small-zero.ts'), '--precision', '5%', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/precision target ±5\.0% met/);
    expect(warnings(r.stderr)).toContain(
      'warning: precision: outage_twh p95 is 0, where a relative half-width means nothing; it was held instead to an absolute half-width of at most 0.05 × max(|p5|, |p95|) = 0 (measured 0)',
    );
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.samples).toBe(65_536); // one chunk: before, a p95 of 0 never met a relative target and ran to the cap
    expect(summary.precision.met).toBe(true);
    expect(summary.precision.absoluteTargets).toEqual([{ output: 'outage_twh', percentile: 'p95', absolute: 0, halfWidth: 0 }]);
    expect(summary.precision.worstRelativeHalfWidth).toBeLessThan(0.05); // load_twh, held to the relative target
  });

  it('--precision-output on the zero output alone', async () => {
    const out = temp();
    const r = await cli(['run', fixture('small-zero.ts'), '--precision', '1%', '--precision-output', 'outage_twh', '--out', out, '--json', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.precision.met).toBe(true);
    expect(summary.precision.absoluteTargets[0].output).toBe('outage_twh');
  });
});

describe.concurrent('sensitivity at small sizes', SLOW, () => {
  it('sobol -n 1: indices outside [0, 1] carry a warning that N is too small', async () => {
    const out = temp();
    const r = await cli(['sensitivity', fixture('linear-normal.ts'), '--method', 'sobol', '-n', '1', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const line = warnings(r.stderr).find((w) => w.startsWith('warning: sobol: indices outside their possible range [0, 1]: '));
    expect(line).toMatch(/ST of x1 = 2\.12 \(95% CI 2\.12 to 8\.85\)/);
    expect(line).toMatch(/N = 2 base samples is too small for Sobol' indices to mean anything, raise --samples \(1024 or more\)$/);
    const json = JSON.parse(readFileSync(join(out, 'sensitivity.json'), 'utf8'));
    expect(json.warnings).toContain(line!.slice('warning: '.length));
  });

  it('sobol -n 1024: no such warning', async () => {
    const r = await cli(['sensitivity', fixture('linear-normal.ts'), '--method', 'sobol', '-n', '1024', '--out', temp(), '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/outside their possible range/);
  });

  it('morris -n 1: a warning that two trajectories are too few', async () => {
    const out = temp();
    const r = await cli(['sensitivity', fixture('linear-normal.ts'), '--method', 'morris', '-n', '1', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(warnings(r.stderr)).toContain('warning: morris: only 2 trajectories: mu*, mu and sigma rest on 2 elementary effects per input, too few to rank inputs; raise --trajectories to 10 or more (50 is usual; with --method morris, -n counts them too)');
    expect(JSON.parse(readFileSync(join(out, 'sensitivity.json'), 'utf8')).warnings[0]).toMatch(/^morris: only 2 trajectories/);
  });
});
