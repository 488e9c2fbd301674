/**
 * Interrupts at every stage (issue 9, part 2), through the real command line: SIGINT, SIGTERM and
 * SIGHUP while the model loads, while it samples and while charts render; a second Ctrl-C; a run
 * replacing an earlier folder with --force. Each time: exit 128 + the signal's number, one line on
 * stderr, no stack, no results folder and nothing temporary left beside it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, cli, fixture } from './helpers.ts';

type Sig = 'SIGINT' | 'SIGTERM' | 'SIGHUP';
const CODES: Record<Sig, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
const MODEL = fixture('lognormal-product.ts');
const SLOW_LOAD = fixture('signals-slow-load.ts');

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});
function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'aemc-signals-'));
  roots.push(root);
  return root;
}

interface Started {
  /** Resolves once stderr has shown a line matching `pattern`. */
  waitFor(pattern: RegExp): Promise<void>;
  kill(signal: Sig): void;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>;
}

/** The CLI as a child process, its stderr watched line by line. */
function start(args: readonly string[], cwd = ROOT): Started {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', AI_ENERGY_MC_PROGRESS: '1' } }); // progress lines without a terminal: the tests wait for them
  let stderr = '';
  let stdout = '';
  const waiters: Array<{ pattern: RegExp; resolve: () => void }> = [];
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => {
    stderr += d;
    for (const w of [...waiters]) {
      if (w.pattern.test(stderr)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stderr, stdout }));
  });
  return {
    waitFor: (pattern) =>
      new Promise<void>((resolve, reject) => {
        if (pattern.test(stderr)) return resolve();
        waiters.push({ pattern, resolve });
        void exited.then((r) => reject(new Error(`exited (${r.code ?? r.signal}) before ${pattern}; stderr: ${r.stderr}`)));
      }),
    kill: (signal) => void child.kill(signal),
    exited,
  };
}

function expectInterrupted(r: { code: number | null; stderr: string }, signal: Sig): void {
  expect(r.code).toBe(CODES[signal]);
  const lines = r.stderr.trim().split('\n');
  expect(lines.at(-1)).toBe(`interrupted (${signal}): no results written`);
  expect(lines.filter((l) => /interrupted|error/.test(l))).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const SIGNALS: readonly Sig[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

describe('a signal while the model loads', () => {
  for (const signal of SIGNALS) {
    it(`${signal}: exit ${CODES[signal]}, one line, no folder, nothing temporary`, async () => {
      const parent = tempRoot();
      const out = join(parent, 'run');
      const p = start(['run', SLOW_LOAD, '--samples', '5000', '--charts', '--report', '--out', out]);
      await p.waitFor(/signals fixture: loading/);
      p.kill(signal);
      expectInterrupted(await p.exited, signal);
      expect(readdirSync(parent)).toEqual([]);
    });
  }
});

describe('a signal while sampling', () => {
  for (const signal of SIGNALS) {
    it(`${signal}: exit ${CODES[signal]}, one line, no folder, nothing temporary`, async () => {
      const parent = tempRoot();
      const out = join(parent, 'run');
      // Far more samples than can finish: the signal comes once the progress line shows sampling under way.
      const p = start(['run', MODEL, '--samples', '1e10', '--percentile-method', 'ddsketch', '--workers', '2', '--charts', '--report', '--out', out]);
      await p.waitFor(/lognormal-product: \d+%/);
      p.kill(signal);
      expectInterrupted(await p.exited, signal);
      expect(readdirSync(parent)).toEqual([]);
    });
  }

  it('a default folder reserved for the run is removed too, with the parent folders the run made', async () => {
    const cwd = tempRoot();
    const p = start(['run', MODEL, '--samples', '1e10', '--percentile-method', 'ddsketch', '--workers', '2'], cwd);
    await p.waitFor(/lognormal-product: \d+%/);
    p.kill('SIGTERM');
    expectInterrupted(await p.exited, 'SIGTERM');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a second Ctrl-C exits at once, with the same one line and the same cleanup', async () => {
    const parent = tempRoot();
    const p = start(['run', MODEL, '--samples', '1e10', '--percentile-method', 'ddsketch', '--workers', '2', '--out', join(parent, 'run')]);
    await p.waitFor(/lognormal-product: \d+%/);
    p.kill('SIGINT');
    p.kill('SIGINT');
    expectInterrupted(await p.exited, 'SIGINT');
    expect(readdirSync(parent)).toEqual([]);
  });

  it('sensitivity: the same', async () => {
    const parent = tempRoot();
    const p = start(['sensitivity', MODEL, '--method', 'spearman', '--samples', '2e6', '--workers', '2', '--out', join(parent, 's')]);
    await p.waitFor(/sensitivity: \d+%/);
    p.kill('SIGINT');
    expectInterrupted(await p.exited, 'SIGINT');
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('a signal while charts render', () => {
  for (const signal of SIGNALS) {
    it(`${signal}: exit ${CODES[signal]}, one line, no folder, nothing temporary`, async () => {
      const parent = tempRoot();
      const out = join(parent, 'run');
      const p = start(['run', MODEL, '--samples', '5000', '--charts', '--report', '--out', out]);
      await p.waitFor(/rendering charts/);
      p.kill(signal);
      expectInterrupted(await p.exited, signal);
      expect(readdirSync(parent)).toEqual([]);
    });
  }

  it('with --force over an earlier results folder: the earlier folder is left as it was', async () => {
    const parent = tempRoot();
    const out = join(parent, 'run');
    expect((await cli(['run', MODEL, '--samples', '2000', '--seed', 'old', '--quiet', '--out', out])).code).toBe(0);
    const before = readFileSync(join(out, 'summary.json'), 'utf8');
    const p = start(['run', MODEL, '--samples', '5000', '--seed', 'new', '--charts', '--report', '--force', '--out', out]);
    await p.waitFor(/rendering charts/);
    p.kill('SIGINT');
    expectInterrupted(await p.exited, 'SIGINT');
    expect(readdirSync(parent)).toEqual(['run']);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(before);
    expect(existsSync(join(out, 'charts'))).toBe(false);
  });

  it('report: the charts it was replacing are left as they were', async () => {
    const parent = tempRoot();
    const out = join(parent, 'run');
    expect((await cli(['run', MODEL, '--samples', '2000', '--quiet', '--charts', '--out', out])).code).toBe(0);
    const charts = readdirSync(join(out, 'charts')).sort();
    mkdirSync(join(parent, 'unrelated'));
    const p = start(['report', out]);
    await p.waitFor(/rendering charts/);
    p.kill('SIGHUP');
    expectInterrupted(await p.exited, 'SIGHUP');
    expect(readdirSync(out).sort()).toEqual(['charts', 'distributions.json', 'manifest.json', 'percentiles.csv', 'percentiles.md', 'summary.json']);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual(charts);
  });
});

describe('a signal right after the process starts', () => {
  it('ends it without a results folder (before Node has run the first line of the bin, the signal itself ends it)', async () => {
    const parent = tempRoot();
    const p = start(['run', MODEL, '--samples', '5000', '--out', join(parent, 'run')]);
    p.kill('SIGTERM');
    const r = await p.exited;
    if (r.signal === null) expectInterrupted(r, 'SIGTERM');
    else expect(r.signal).toBe('SIGTERM');
    expect(readdirSync(parent)).toEqual([]);
  });
});
