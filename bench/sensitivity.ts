/**
 * Section `sensitivity`: model evaluations per second of each sensitivity method on edunov-2023
 * through `runSensitivity` with 2 workers. The wall time is split with the evaluation progress
 * callbacks into design (before the first evaluated block), evaluation (first to last block) and
 * analysis (after the last block: ranking, bootstrap intervals, assembling the result).
 */
import { loadModel } from '../src/model/load.ts';
import { runSensitivity, type SensitivityOptions } from '../src/sensitivity/index.ts';
import { count, envNumber, note, percent, printTable, rate, seconds } from './table.ts';

export async function sensitivitySection(): Promise<void> {
  const handle = await loadModel('edunov-2023');
  const workers = 2;
  const n = envNumber('BENCH_SENSITIVITY_SAMPLES', 16_384);
  const cases: Array<{ label: string; options: Omit<SensitivityOptions, 'workers' | 'seed' | 'onProgress'> }> = [
    { label: 'tornado', options: { method: 'tornado', samples: 1 } },
    { label: `morris, ${count(Math.round(n / 16))} trajectories`, options: { method: 'morris', samples: Math.round(n / 16) } },
    { label: `sobol (Saltelli), N = ${count(n)}`, options: { method: 'sobol', samples: n } },
    { label: `spearman, ${count(8 * n)} rows`, options: { method: 'spearman', samples: 8 * n } },
    { label: `prcc, ${count(8 * n)} rows`, options: { method: 'prcc', samples: 8 * n } },
  ];
  const rows: string[][] = [];
  for (const c of cases) {
    note(`sensitivity: ${c.label}`);
    let first = 0;
    let last = 0;
    let total = 0;
    let firstDone = 0;
    const t0 = performance.now();
    const result = await runSensitivity(handle, {
      ...c.options,
      workers,
      seed: 'bench',
      onProgress: (done, all) => {
        const now = performance.now();
        if (first === 0) {
          first = now;
          firstDone = done;
        }
        total = all;
        if (done >= all) last = now;
      },
    });
    const end = performance.now();
    const wall = (end - t0) / 1000;
    const evaluating = (last - first) / 1000;
    rows.push([
      c.label,
      count(result.evaluations),
      seconds(wall),
      rate(result.evaluations / wall),
      evaluating > 0 ? rate((total - firstDone) / evaluating) : 'n/a',
      last > 0 ? percent((end - last) / (end - t0)) : 'n/a',
    ]);
  }
  printTable(
    `Sensitivity methods on edunov-2023, ${workers} workers: model evaluations per second`,
    [{ title: 'method', align: 'left' }, 'evaluations', 'wall', 'end to end', 'evaluation phase', 'analysis share of wall'],
    rows,
    [
      'end to end: evaluations ÷ wall time of runSensitivity (design, worker start-up, evaluation, analysis).',
      'evaluation phase: rows evaluated after the first block came back, up to the last, ÷ that time (n/a when the design fits in one block of 65,536 rows).',
    ],
  );
}
