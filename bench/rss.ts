/**
 * Section `rss`: peak resident memory of whole `run`s of edunov-2023 with 2 workers, each in a
 * child process running the real CLI (`bin/ai-energy-mc.mjs run … --quiet --json --out <tmp>`),
 * with `rss-probe.mjs` preloaded to report the child's peak RSS (getrusage, whole process with its
 * worker threads) when it exits. Sizes from BENCH_RSS_SIZES (default 1e7,1e8,1e9; 1e9 takes
 * minutes). Up to 10^7 samples percentiles are exact and every output value is kept; above, each
 * output is a DDSketch and memory should not grow with the sample count.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, envNumbers, mb, note, printTable, rate, seconds, sizeLabel } from './table.ts';

/** Issue 6: peak RSS under 300 MB whatever the sample count. */
const LIMIT_BYTES = 300 * 2 ** 20;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/ai-energy-mc.mjs', import.meta.url));
const PROBE = new URL('./rss-probe.mjs', import.meta.url).href;

interface ChildReport {
  readonly maxRssKiB: number;
  readonly wallSeconds: number;
  readonly userSeconds: number;
  readonly systemSeconds: number;
  readonly exitCode: number;
}

interface RssRun {
  readonly samples: number;
  readonly report: ChildReport;
  readonly method: string;
  readonly relativeError: number;
  readonly annualP95: number;
}

/** Runs the CLI with `args` in a child process with the probe preloaded: its peak RSS and times, and its stdout. */
function probed(args: readonly string[]): Promise<{ report: ChildReport; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', PROBE, BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = /^BENCH_RSS (.*)$/m.exec(stderr);
      if (code !== 0 || !line) {
        reject(new Error(`child ${args.slice(0, 2).join(' ')} failed (exit ${code}):\n${stderr.slice(-2000)}`));
        return;
      }
      resolve({ report: JSON.parse(line[1]) as ChildReport, stdout });
    });
  });
}

async function runChild(samples: number, workers: number, out: string): Promise<RssRun> {
  const { report, stdout } = await probed(['run', 'edunov-2023', '--samples', String(samples), '--workers', String(workers), '--seed', 'bench-rss', '--quiet', '--json', '--out', out]);
  const summary = JSON.parse(stdout) as { percentileMethod: string; relativeError: number; outputs: Record<string, { percentiles: Record<string, number> }> };
  return { samples, report, method: summary.percentileMethod, relativeError: summary.relativeError, annualP95: summary.outputs.annual_twh.percentiles.p95 };
}

/**
 * Section `design-rss`: peak resident memory of a Sobol' study whose design is large (30 inputs,
 * `test/fixtures/mem14-thirty.ts`; N from BENCH_DESIGN_RSS_SIZES, default 2^16: 0.5 GB of design;
 * 2^18 is 2 GB), `sensitivity --method sobol --workers 2` in a child process. The study holds its
 * design once, in a buffer the worker threads share.
 */
export async function designRssSection(): Promise<void> {
  const sizes = envNumbers('BENCH_DESIGN_RSS_SIZES', [2 ** 16]);
  const model = join(ROOT, 'test', 'fixtures', 'mem14-thirty.ts');
  const k = 30;
  const tmp = mkdtempSync(join(tmpdir(), 'ai-energy-mc-bench-design-rss-'));
  const rows: string[][] = [];
  try {
    for (const n of sizes) {
      note(`design-rss: sobol, 30 inputs, N = ${count(n)} in a child process (2 workers)…`);
      const { report } = await probed(['sensitivity', model, '--method', 'sobol', '-n', String(n), '--workers', '2', '--seed', '1', '--quiet', '--out', join(tmp, `study-${n}`)]);
      rows.push([count(n), mb((k + 2) * n * k * 8), seconds(report.wallSeconds), mb(report.maxRssKiB * 1024)]);
      rmSync(join(tmp, `study-${n}`), { recursive: true, force: true });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  printTable(
    "Peak resident memory of a Sobol' study: 30 inputs, --workers 2",
    ['N', 'design', 'wall', 'peak RSS'],
    rows,
    ['design: (k + 2) · N rows × k doubles (Saltelli A, B and one AB_i per input); peak RSS: getrusage maxrss of the child at exit, worker threads included.'],
  );
}

export async function rssSection(): Promise<void> {
  // One chunk first: the fixed footprint (Node, tsx, the loaded engine, two worker threads).
  const sizes = [65_536, ...envNumbers('BENCH_RSS_SIZES', [1e7, 1e8, 1e9])];
  const workers = 2;
  const tmp = mkdtempSync(join(tmpdir(), 'ai-energy-mc-bench-rss-'));
  const rows: string[][] = [];
  try {
    for (const n of sizes) {
      note(`rss: ${count(n)} samples in a child process (${workers} workers)…`);
      const r = await runChild(n, workers, join(tmp, `run-${n}`));
      const bytes = r.report.maxRssKiB * 1024;
      rows.push([
        n === 65_536 ? '65,536 (floor)' : sizeLabel(n),
        r.method === 'exact' ? 'exact' : `${r.method} (α = ${r.relativeError})`,
        seconds(r.report.wallSeconds),
        rate(n / r.report.wallSeconds),
        `${seconds(r.report.userSeconds + r.report.systemSeconds)}`,
        mb(bytes),
        bytes < LIMIT_BYTES ? 'yes' : 'no',
        r.annualP95.toFixed(4),
      ]);
      rmSync(join(tmp, `run-${n}`), { recursive: true, force: true });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  printTable(
    `Peak resident memory of a whole run: edunov-2023, ${workers} workers, plain Monte Carlo`,
    ['samples', { title: 'percentiles', align: 'left' }, 'wall', 'samples/s', 'CPU time', 'peak RSS', '< 300 MB?', 'annual_twh p95'],
    rows,
    [
      'Each size is a fresh child process: `node --import bench/rss-probe.mjs bin/ai-energy-mc.mjs run edunov-2023 --samples N --workers 2 --quiet --json --out <tmp>`; wall and rate include CLI start-up and writing the results folder.',
      'peak RSS: getrusage maxrss of the child at exit (main thread, both worker threads, V8 heaps, typed arrays).',
      'exact percentiles keep every finite value of the 11 outputs: 11 × 8 B = 88 B per sample in growing buffers, plus the selection working set; the sketch keeps a fixed number of buckets per output.',
    ],
  );
}
