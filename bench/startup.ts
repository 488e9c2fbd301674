/**
 * Start-up: whole CLI processes, timed from spawn to exit, the way a user meets them. The commands
 * run in rounds (each command once per round, in turn), so a busy spell of a shared machine falls
 * on all of them alike; the table gives the median and the range of BENCH_STARTUP_RUNS rounds
 * (default 10) beside the targets of issue 10.
 *
 * It times the build (dist/), which `npm run bench` makes first. Results folders go to a temporary
 * folder, removed at the end.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { envNumber, note, printTable, seconds } from './table.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'ai-energy-mc.mjs');

const TS_MODEL = `export default {
  name: 'my-fleet',
  parameters: { gpus: '1e6 to 2e6', kw: { dist: 'pert', min: 0.8, mode: 1, max: 1.3 } },
  outputs: { annual_twh: { unit: 'TWh/yr' } },
  compute: (p: { gpus: number; kw: number }) => ({ annual_twh: (p.gpus * p.kw * 1e3 * 8760) / 1e12 }),
};
`;

interface Case {
  readonly label: string;
  readonly command: string;
  readonly args: (out: string) => string[];
  /** The target for this command, in seconds. */
  readonly target?: number;
}

export async function startupSection(): Promise<void> {
  const rounds = envNumber('BENCH_STARTUP_RUNS', 10);
  const dir = mkdtempSync(join(tmpdir(), 'aemc-bench-startup-'));
  const tsModel = join(dir, 'my-fleet.ts');
  writeFileSync(tsModel, TS_MODEL);
  let n = 0;
  const out = () => join(dir, `out-${n++}`);
  const node = process.execPath;
  const cases: Case[] = [
    { label: 'node -e 0 (Node alone)', command: node, args: () => ['-e', '0'] },
    { label: 'ai-energy-mc models', command: node, args: () => [BIN, 'models'], target: 0.3 },
    { label: 'run edunov-2023 -n 1000 -w 1', command: node, args: (o) => [BIN, 'run', 'edunov-2023', '-n', '1000', '-w', '1', '--quiet', '--out', o] },
    { label: 'run edunov-2023 -n 1000 -w 2', command: node, args: (o) => [BIN, 'run', 'edunov-2023', '-n', '1000', '-w', '2', '--quiet', '--out', o], target: 0.5 },
    { label: 'run my-fleet.ts -n 1000 -w 2 (a TypeScript model: tsx)', command: node, args: (o) => [BIN, 'run', tsModel, '-n', '1000', '-w', '2', '--quiet', '--out', o] },
    { label: 'run edunov-2023 (10^6) -w 1', command: node, args: (o) => [BIN, 'run', 'edunov-2023', '-w', '1', '--quiet', '--out', o] },
    { label: 'run edunov-2023 (10^6) -w 2', command: node, args: (o) => [BIN, 'run', 'edunov-2023', '-w', '2', '--quiet', '--out', o], target: 0.8 },
    { label: 'npm start (the same, through npm)', command: 'npm', args: (o) => ['start', '--silent', '--', '--quiet', '--out', o] },
  ];
  const times = cases.map(() => [] as number[]);
  try {
    for (let r = 0; r < rounds; r++) {
      note(`start-up round ${r + 1}/${rounds}`);
      cases.forEach((c, i) => {
        const t0 = performance.now();
        const result = spawnSync(c.command, c.args(out()), { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
        times[i].push((performance.now() - t0) / 1000);
        if (result.status !== 0) throw new Error(`${c.label}: exit ${result.status}: ${result.stderr.trim().split('\n')[0]}`);
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const rows = cases.map((c, i) => {
    const sorted = [...times[i]].sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    const verdict = c.target === undefined ? '' : median <= c.target ? `≤ ${c.target} s: met` : `≤ ${c.target} s: NOT met`;
    return [c.label, seconds(median), `${seconds(sorted[0])} – ${seconds(sorted.at(-1)!)}`, verdict];
  });
  printTable('Start-up: whole processes', [{ title: 'command', align: 'left' }, 'median', 'range', { title: 'target (issue 10)', align: 'left' }], rows, [
    `${rounds} rounds, each command once per round in turn; wall time from spawn to exit, results folders in a temporary folder.`,
    'The CLI and its worker threads run the build (dist/: one bundled file per entry, shared chunks); tsx loads only for a TypeScript model, in the processes that import it.',
    'edunov-2023 at 10^6 samples is the default `npm start` study (11 outputs, exact percentiles); `npm start` adds npm\'s own start-up.',
  ]);
}
