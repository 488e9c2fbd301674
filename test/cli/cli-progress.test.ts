/**
 * Progress (issue 11 §6): with --precision the line shows the distance to the target, never a share of
 * --max-samples; on a stderr that is not a terminal, nothing at all (tests spawn without a TTY).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compactCount, createProgress, precisionProgressText } from '../../src/cli/progress.ts';
import type { PrecisionReport } from '../../src/results/types.ts';
import { cli, fixture } from './helpers.ts';

const report = (worst: number, extra: Partial<PrecisionReport> = {}): PrecisionReport => ({
  relative: 0.005,
  targets: [{ output: 'y', percentile: 'p95' }],
  worstRelativeHalfWidth: worst,
  met: false,
  ...extra,
});

/** A stream that records what is written, as a terminal (isTTY) or not. */
function stream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = { isTTY, text: '', write(chunk: string) { s.text += chunk; return true; } };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

describe('precisionProgressText', () => {
  it('says the worst half-width against the target and the samples so far', () => {
    expect(precisionProgressText(report(0.018), 3.2e6)).toBe('worst 95% half-width 1.8% → target 0.5%, 3.2 M samples');
  });
  it('adds the claims held to an absolute half-width, in percentage points', () => {
    expect(precisionProgressText(report(0.018, { claimAbsolute: 0.005, worstClaimHalfWidth: 0.0093 }), 120_000)).toBe(
      'worst 95% half-width 1.8% → target 0.5%; claims ±0.93 → ±0.5 pp, 120.0 k samples',
    );
  });
  it('before the first check, and while a half-width is unbounded', () => {
    expect(precisionProgressText(undefined, 500)).toBe('500 samples, first precision check pending');
    expect(precisionProgressText(report(Infinity), 2e9)).toBe('worst 95% half-width not yet bounded → target 0.5%, 2.0 G samples');
  });
  it('compactCount', () => {
    expect([compactCount(999), compactCount(1500), compactCount(13e6)]).toEqual(['999', '1.5 k', '13.0 M']);
  });
});

describe('createProgress', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('on a terminal with --precision: the distance to the target, no share of --max-samples', () => {
    const s = stream(true);
    const p = createProgress('m', { stream: s, precision: true, env: {} });
    vi.setSystemTime(1500);
    p.precision(report(0.018), 1_000_000);
    p.update(1_200_000, 10_000_000);
    p.end();
    expect(s.text).toContain('\rm: worst 95% half-width 1.8% → target 0.5%, 1.2 M samples');
    expect(s.text).not.toMatch(/\d%  |12%|ETA/);
  });

  it('on a terminal without --precision: the bar', () => {
    const s = stream(true);
    const p = createProgress('m', { stream: s, env: {} });
    vi.setSystemTime(2000);
    p.update(500, 1000);
    expect(s.text).toMatch(/^\rm \[#{15}\.{15}\]  50%/);
  });

  it('not a terminal: nothing at all, with or without --precision', () => {
    for (const precision of [false, true]) {
      const s = stream(false);
      const p = createProgress('m', { stream: s, precision, env: {} });
      vi.setSystemTime(5000);
      p.precision(report(0.018), 1e6);
      for (let done = 0; done <= 1e6; done += 1e5) p.update(done, 1e6);
      p.end();
      expect(s.text).toBe('');
    }
  });

  it('not a terminal with AI_ENERGY_MC_PROGRESS=1: plain lines, one per precision check', () => {
    const s = stream(false);
    const p = createProgress('m', { stream: s, precision: true, env: { AI_ENERGY_MC_PROGRESS: '1' } });
    vi.setSystemTime(5000);
    p.update(100, 1e7);
    p.precision(report(0.018), 1e6);
    p.precision(report(0.004, { met: true }), 2e6);
    expect(s.text).toBe('m: worst 95% half-width 1.8% → target 0.5%, 1.0 M samples\nm: worst 95% half-width 0.4% → target 0.5%, 2.0 M samples\n');
  });
});

describe('a pass that runs chunks again (exact percentiles on a queue)', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('a terminal redraws the chunk count; a log gets a line as it starts and as it ends', () => {
    const tty = stream(true);
    const t = createProgress('m', { stream: tty, env: {} });
    t.pass('again', 0, 20);
    vi.setSystemTime(500);
    t.pass('again', 7, 20);
    t.pass('again', 20, 20);
    t.end();
    expect(tty.text).toBe('\rm: again, 0 of 20 chunks\x1b[K\rm: again, 7 of 20 chunks\x1b[K\rm: again, 20 of 20 chunks\x1b[K\n');
    const log = stream(false);
    const l = createProgress('m', { stream: log, env: { AI_ENERGY_MC_PROGRESS: '1' } });
    vi.setSystemTime(1000);
    l.pass('again', 0, 20);
    for (let done = 1; done < 20; done++) l.pass('again', done, 20);
    vi.setSystemTime(3500);
    l.pass('again', 20, 20);
    expect(log.text).toBe('m: again: 20 chunks\nm: again: done in 2.5 s\n');
    const quiet = stream(false);
    createProgress('m', { stream: quiet, env: {} }).pass('again', 0, 20);
    expect(quiet.text).toBe('');
  });
});

describe('through the CLI, stderr not a terminal', () => {
  it('run --precision prints no progress lines', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cli-progress-')), 'run');
    const r = await cli(['run', fixture('cli-primary.ts'), '--precision', '2%', '--max-samples', '200000', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/^cli-primary[: ]/m);
    expect(r.stderr).not.toMatch(/half-width .* samples|\d+% \(/);
    expect(r.stdout).toMatch(/precision target ±2.0% (met|NOT met)/);
  });

  it('plain run and sensitivity: none either', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-progress-'));
    const run = await cli(['run', fixture('cli-primary.ts'), '-n', '300000', '--out', join(dir, 'a')]);
    const sens = await cli(['sensitivity', fixture('cli-primary.ts'), '-n', '2048', '--out', join(dir, 'b')]);
    for (const r of [run, sens]) {
      expect(r.code).toBe(0);
      expect(r.stderr).not.toMatch(/^cli-primary( sensitivity)?: \d+%/m);
    }
  });
});
