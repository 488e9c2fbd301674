/**
 * Section `reference-drift` (`npm run bench -- reference-drift`): how far the reference results
 * (results/reference/<model>/summary.json) moved between two revisions, in standard errors of the
 * difference. When the engine's random streams change but not its arithmetic, every statistic
 * should move by Monte Carlo noise only: z = (new − old) / √(se_old² + se_new²), each se the
 * half-width of that run's 95% interval / 1.96, then behaves like a standard normal (rms near 1,
 * about 5% of |z| above 1.96, none far beyond 3 among a few hundred).
 *
 * Statistics compared, per model: each output's mean (against meanCI95) and each percentile
 * (against percentileCI95), and each claim's probability (against its ci95); those whose interval
 * has zero width (constant outputs) are left out and counted.
 *
 * Settings (environment): BENCH_DRIFT_FROM (default b223d9c^, the results before the streams
 * changed from alea to xoshiro128**), BENCH_DRIFT_TO (default b223d9c, the regenerated ones; `.`
 * for the files in the working tree). The defaults give the figure quoted for that regeneration:
 * 595 statistics, rms z 0.91, largest |z| 2.99 (the commit message of b223d9c says "against the old
 * results' own intervals": it was both runs' intervals, as here).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable } from './table.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const Z95 = 1.959963984540054;

interface Stat {
  readonly value: number;
  readonly ci95: readonly [number, number];
}
interface SummaryLike {
  readonly outputs: Record<string, { mean: number; meanCI95: [number, number]; percentiles: Record<string, number>; percentileCI95: Record<string, [number, number]> }>;
  readonly claims: Record<string, { probability: number; ci95: [number, number] }>;
}

/** A model's summary.json at a revision (`.` = the working tree), or undefined if it has none there. */
function summaryAt(rev: string, model: string): SummaryLike | undefined {
  const path = `results/reference/${model}/summary.json`;
  try {
    const text = rev === '.' ? readFileSync(join(ROOT, path), 'utf8') : execFileSync('git', ['show', `${rev}:${path}`], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return JSON.parse(text) as SummaryLike;
  } catch {
    return undefined;
  }
}

/** Every statistic of a summary with its interval, keyed `output.p95`, `output.mean`, `claim:name`. */
function statistics(s: SummaryLike): Map<string, Stat> {
  const out = new Map<string, Stat>();
  for (const [name, o] of Object.entries(s.outputs)) {
    out.set(`${name}.mean`, { value: o.mean, ci95: o.meanCI95 });
    for (const [p, v] of Object.entries(o.percentiles)) out.set(`${name}.${p}`, { value: v, ci95: o.percentileCI95[p] });
  }
  for (const [name, c] of Object.entries(s.claims)) out.set(`claim:${name}`, { value: c.probability, ci95: c.ci95 });
  return out;
}

export async function referenceDriftSection(): Promise<void> {
  const from = process.env.BENCH_DRIFT_FROM ?? 'b223d9c^';
  const to = process.env.BENCH_DRIFT_TO ?? 'b223d9c';
  const models = readdirSync(join(ROOT, 'results', 'reference'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const rows: string[][] = [];
  const all: number[] = [];
  let constant = 0;
  for (const model of models) {
    const a = summaryAt(from, model);
    const b = summaryAt(to, model);
    if (!a || !b) continue;
    const after = statistics(b);
    const zs: number[] = [];
    for (const [key, old] of statistics(a)) {
      const now = after.get(key);
      if (!now || !Number.isFinite(now.value) || !Number.isFinite(old.value)) continue;
      const se = Math.hypot(old.ci95[1] - old.ci95[0], now.ci95[1] - now.ci95[0]) / 2 / Z95;
      if (!(se > 0)) {
        constant++;
        continue;
      }
      zs.push((now.value - old.value) / se);
    }
    all.push(...zs);
    rows.push([model, String(zs.length), rms(zs).toFixed(2), maxAbs(zs).toFixed(2), String(zs.filter((z) => Math.abs(z) > 1.96).length)]);
  }
  rows.push(['all', String(all.length), rms(all).toFixed(2), maxAbs(all).toFixed(2), String(all.filter((z) => Math.abs(z) > 1.96).length)]);
  printTable(`Reference results: ${from} → ${to}, in standard errors of the difference`, [{ title: 'model', align: 'left' }, 'statistics', 'rms z', 'largest |z|', '|z| > 1.96'], rows, [
    'z = (new − old) / √(se_old² + se_new²), se = half-width of the 95% interval / 1.96, for every output mean, output percentile and claim probability of results/reference/<model>/summary.json.',
    `Monte Carlo noise alone gives rms z near 1 and about 5% of |z| above 1.96; percentiles of one run are correlated, so the count varies more than for independent draws. ${constant} statistics with an interval of zero width left out.`,
  ]);
}

function rms(z: readonly number[]): number {
  return z.length === 0 ? NaN : Math.sqrt(z.reduce((s, x) => s + x * x, 0) / z.length);
}
function maxAbs(z: readonly number[]): number {
  return z.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
}
