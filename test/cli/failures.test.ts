/**
 * Issue 9, "every failure is one line": each failure below, through the real command line, ends
 * with one `error: …` line on stderr naming what failed and what to do, a non-zero exit, no stack
 * trace and no results folder (nor a temporary one beside it).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, fixture, type CliResult } from './helpers.ts';

/** The real CLI, with extra environment variables (helpers.ts's `cli` takes none). */
function run(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, maxBuffer: 64 << 20, env: { ...process.env, FORCE_COLOR: '0', ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

const STACK = /\n\s+at /;
/** Each test spawns the CLI, which spawns worker threads: room for a busy 2-core machine. */
const SLOW = { timeout: 180_000 };

/** Runs with --out in a fresh temporary folder and checks the common promises; returns the result. */
async function fails(args: readonly string[], code: number, env: Record<string, string> = {}): Promise<CliResult> {
  const parent = mkdtempSync(join(tmpdir(), 'aemc-fail-'));
  const out = join(parent, 'out');
  const r = await run([...args, '--out', out, '--quiet'], env);
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^error: [^\n]+\n$/); // exactly one line
  expect(r.stderr).not.toMatch(STACK);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(parent)).toEqual([]);
  return r;
}

describe.concurrent('a worker thread that dies', SLOW, () => {
  it('compute calls process.exit(3): exit 3, names the model and the likely cause', async () => {
    const r = await fails(['run', fixture('fail-exit.ts'), '--samples', '1e5'], 3);
    expect(r.stderr).toMatch(/^error: model fail-exit: a worker thread exited with code 3 while running the model \(does compute call process\.exit\?\)/);
  });

  it('compute leaves a rejected promise unhandled: exit 3', async () => {
    const r = await fails(['run', fixture('fail-rejection.ts'), '--samples', '1e5'], 3);
    expect(r.stderr).toMatch(/^error: model fail-rejection: compute started a promise that failed \("lookup failed"\) and nothing handled it; compute must be synchronous/);
  });

  it('a timer left by compute throws: exit 3', async () => {
    const r = await fails(['run', fixture('fail-timer-throw.ts'), '--samples', '1e6'], 3);
    expect(r.stderr).toMatch(/^error: model fail-timer-throw: "late failure" was thrown from a timer or callback that compute left behind/);
  });

  it('the same in sensitivity: exit 3', async () => {
    const r = await fails(['sensitivity', fixture('fail-exit.ts'), '--method', 'sobol', '-n', '1024'], 3);
    expect(r.stderr).toMatch(/^error: model fail-exit: a worker thread exited with code 3/);
  });
});

describe.concurrent('a rejection in the main thread (the preflight runs compute there)', SLOW, () => {
  it('is one line, exit 1', async () => {
    const r = await fails(['run', fixture('fail-rejection-main.ts'), '--samples', '1e4'], 1);
    expect(r.stderr).toMatch(/^error: a promise was rejected and nothing handled it \(a model's compute must not start promises\): lookup failed/);
  });
});

describe.concurrent('exact percentiles that cannot fit in memory', SLOW, () => {
  it('--samples 1e10 --percentile-method exact: refused before sampling with the figure, exit 2', async () => {
    const r = await fails(['run', 'edunov-2023', '--samples', '1e10', '--percentile-method', 'exact'], 2);
    expect(r.stderr).toMatch(/^error: --percentile-method: got "exact"; exact percentiles of \d+ outputs × 10\^10 samples need [\d.]+ [GT]B, more than /);
    expect(r.stderr).toMatch(/use --percentile-method ddsketch or fewer --samples\n$/);
  });

  it('--precision with --max-samples 1e10 --percentile-method exact names --max-samples', async () => {
    const r = await fails(['run', fixture('linear-normal.ts'), '--precision', '1%', '--max-samples', '1e10', '--percentile-method', 'exact'], 2);
    expect(r.stderr).toMatch(/exact percentiles of 1 output × 10\^10 samples need 80 GB, .*fewer --max-samples\n$/);
  });
});

describe.concurrent('--timeout', SLOW, () => {
  // fail-loop's compute loops forever for x > 3: never at the preflight's points, surely among 10^6 samples.
  it('run: a compute that never returns is stopped, exit 124', async () => {
    const r = await fails(['run', fixture('fail-loop.ts'), '--samples', '1e6', '--timeout', '2'], 124);
    expect(r.stderr).toMatch(/^error: stopped by --timeout 2: the run had not finished after 2 s, so nothing was written; allow more time/);
  });

  it('sensitivity: the same, exit 124', async () => {
    const r = await fails(['sensitivity', fixture('fail-loop.ts'), '--method', 'sobol', '-n', '4096', '--timeout', '2'], 124);
    expect(r.stderr).toMatch(/^error: stopped by --timeout 2: the sensitivity analysis had not finished/);
  });

  it('a compute that never returns at the preflight (main thread) is stopped there, exit 124', async () => {
    // 6 s, not 2: the clock also covers starting tsx for this TypeScript model (the CLI itself runs
    // compiled), which the other runs here, spinning in their workers, can slow past 2 s.
    const r = await fails(['run', fixture('fail-loop-always.ts'), '--samples', '1e4', '--timeout', '6'], 124);
    expect(r.stderr).toMatch(/^error: model fail-loop-always: compute did not finish within --timeout 6 s/);
  });

  it('a run that finishes in time is not affected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aemc-fail-'));
    const r = await run(['run', fixture('linear-normal.ts'), '--samples', '1e4', '--timeout', '600', '--out', join(dir, 'out'), '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'out', 'summary.json'))).toBe(true);
  });

  it('--timeout 0x10 is refused, exit 2 (other spellings: options unit test)', async () => {
    const r = await fails(['run', fixture('linear-normal.ts'), '--timeout', '0x10'], 2);
    expect(r.stderr).toMatch(/^error: --timeout: got "0x10"; a number of seconds more than 0/);
  });
});

describe.concurrent('integer flags: decimal, underscores and exponent form only (every spelling: options unit test)', SLOW, () => {
  const lp = fixture('linear-normal.ts');
  for (const text of ['0x10', ' 12 ']) {
    it(`--samples ${JSON.stringify(text)} is refused, exit 2`, async () => {
      const r = await fails(['run', lp, '--samples', text], 2);
      expect(r.stderr).toBe(`error: --samples: got ${JSON.stringify(text)}; a whole number of at least 1, written in decimal (100000), with underscores (100_000) or in exponent form (1e5)\n`);
    });
  }
  it('--samples 1e1000 is too large, exit 2', async () => {
    const r = await fails(['run', lp, '--samples', '1e1000'], 2);
    expect(r.stderr).toBe('error: --samples: got "1e1000"; at most 10,000,000,000\n');
  });
  it('--workers 0x2, --max-samples 0o7 and sensitivity -n 0b1 are refused too', async () => {
    await fails(['run', lp, '--workers', '0x2'], 2);
    await fails(['run', lp, '--precision', '1%', '--max-samples', '0o7'], 2);
    const r = await fails(['sensitivity', lp, '-n', '0b1'], 2);
    expect(r.stderr).toMatch(/^error: --samples: got "0b1"/);
  });
  it('--samples 1_000 is accepted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aemc-fail-'));
    const r = await run(['run', lp, '--samples', '1_000', '--out', join(dir, 'out'), '--json', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).samples).toBe(1000);
  });
});

describe.concurrent('an error nobody anticipated', SLOW, () => {
  const args = ['run', fixture('fail-internal.ts'), '--samples', '1e4'];
  it('prints its message and a pointer to --debug, no stack, exit 1', async () => {
    const r = await fails(args, 1);
    expect(r.stderr).toBe('error: TypeError: forced internal error (unexpected; run again with --debug, or AI_ENERGY_MC_DEBUG=1, to see where it happened)\n');
  });

  for (const [how, extra, env] of [
    ['--debug', ['--debug'], {}],
    ['AI_ENERGY_MC_DEBUG=1', [], { AI_ENERGY_MC_DEBUG: '1' }],
  ] as const) {
    it(`with ${how}: the same line, then the stack trace`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'aemc-fail-'));
      const r = await run([...args, ...extra, '--out', join(dir, 'out'), '--quiet'], env);
      expect(r.code).toBe(1);
      const [first, ...rest] = r.stderr.split('\n');
      expect(first).toBe('error: TypeError: forced internal error');
      expect(rest.join('\n')).toMatch(/^TypeError: forced internal error\n\s+at .*fail-internal\.ts/);
      expect(readdirSync(dir)).toEqual([]);
    });
  }
});
