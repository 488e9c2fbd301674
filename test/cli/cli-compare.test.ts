/**
 * compare (issue 11 §6): --label per folder, default labels from model and scenario, a numeric table on
 * stdout (median, p5–p95, claims with CI, differences to the first run), default --output the primary.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareLabels, medianChange, pointsChange } from '../../src/cli/compare-table.ts';
import { formatClaim, formatIntervalDistinct, formatNumber } from '../../src/results/format-number.ts';
import type { Summary } from '../../src/results/types.ts';
import { cli, fixture } from './helpers.ts';

let root: string;
let a: string; // cli-primary, seed 1
let b: string; // cli-primary, seed 2, b set higher
let plain: string; // cli-plain: no primary output, no annual_twh
const summaryOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cli-compare-'));
  [a, b, plain] = ['a', 'b', 'plain'].map((n) => join(root, n));
  const runs = await Promise.all([
    cli(['run', fixture('cli-primary.ts'), '-n', '20000', '--seed', '1', '--out', a, '--quiet']),
    cli(['run', fixture('cli-primary.ts'), '-n', '20000', '--seed', '2', '--set', 'b=uniform(min=3, max=5)', '--out', b, '--quiet']),
    cli(['run', fixture('cli-plain.ts'), '-n', '5000', '--out', plain, '--quiet']),
  ]);
  for (const r of runs) expect(r.code, r.stderr).toBe(0);
}, 120_000);

describe('compare', () => {
  it('prints a numeric table: medians, p5–p95, the median ratio to the first run, each claim with its CI and the difference in points', async () => {
    const out = join(root, 'c1.svg');
    const r = await cli(['compare', a, b, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const [sa, sb] = [summaryOf(a), summaryOf(b)];
    const lines = r.stdout.split('\n');
    // Default --output: the first run's primary output.
    expect(lines[0]).toBe('answer (Annual electricity, TWh/yr)');
    const row = (label: string) => lines.find((l) => l.startsWith(label))!.trim().split(/\s{2,}/);
    const pa = sa.outputs.answer.percentiles;
    const pb = sb.outputs.answer.percentiles;
    // Same model, no scenario, different seeds: told apart by seed.
    expect(row('cli-primary · seed 1')).toEqual(['cli-primary · seed 1', formatNumber(pa.p50), formatIntervalDistinct([pa.p5, pa.p95])]);
    expect(row('cli-primary · seed 2')).toEqual(['cli-primary · seed 2', formatNumber(pb.p50), formatIntervalDistinct([pb.p5, pb.p95]), `×${formatNumber(pb.p50 / pa.p50, 3)}`]);
    // Claims: probability, CI, points against the first run.
    const claimLine = lines.findIndex((l) => l.startsWith('under_6'));
    const first = lines[claimLine].trim().split(/\s{2,}/);
    const second = lines[claimLine + 1].trim().split(/\s{2,}/);
    const fa = formatClaim(sa.claims.under_6.probability, sa.claims.under_6.ci95);
    const fb = formatClaim(sb.claims.under_6.probability, sb.claims.under_6.ci95);
    expect(first).toEqual(['under_6', 'cli-primary · seed 1', fa.probability, fa.interval]);
    const d = (sb.claims.under_6.probability - sa.claims.under_6.probability) * 100;
    expect(second).toEqual(['cli-primary · seed 2', fb.probability, fb.interval, `${formatNumber(d, 3)} pp`]);
    expect(d).toBeLessThan(0); // b higher: the answer is under 6 less often
    expect(r.stdout).toContain('a_above_2');
    // The chart files follow the table.
    expect(lines.slice(-3)).toEqual([out, out.replace(/\.svg$/, '.png'), '']);
  });

  it('--label names the runs, in order, in the table and the chart', async () => {
    const out = join(root, 'c2.svg');
    const r = await cli(['compare', a, b, '--label', '700 W', '--label', '1 kW', '--output', 'first', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('first (1)');
    expect(r.stdout).toMatch(/^700 W +\S+/m);
    expect(r.stdout).toMatch(/^1 kW +\S+/m);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toContain('700 W');
    expect(svg).toContain('1 kW');
  });

  it('a --label count that does not match the folders is refused, naming both counts, before anything is written', async () => {
    const out = join(root, 'c3.svg');
    for (const labels of [['x'], ['x', 'y', 'z']]) {
      const r = await cli(['compare', a, b, ...labels.flatMap((l) => ['--label', l]), '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`error: --label: got "${labels.join(', ')}"; one --label per results folder, in order: ${labels.length} label${labels.length === 1 ? '' : 's'} for 2 folders\n`);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('default labels: model · scenario; the same folder twice is told apart', async () => {
    const scenario = join(root, 'scenario');
    cpSync(b, scenario, { recursive: true });
    const summary = summaryOf(scenario);
    writeFileSync(join(scenario, 'summary.json'), JSON.stringify({ ...summary, scenario: 'hot' }));
    const r = await cli(['compare', a, scenario, a, '--out', join(root, 'c4.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^cli-primary · hot +/m);
    expect(r.stdout).toMatch(/^cli-primary \(a\) +/m);
    expect(r.stdout).toMatch(/^cli-primary \(a\) #2 +/m);
    expect(r.stdout).not.toMatch(/\d{8}T\d{4}/); // never a timestamp
  });

  it('without --output: the primary output, else annual_twh, else refused naming the outputs', async () => {
    const refused = await cli(['compare', plain, '--out', join(root, 'c5.svg')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`error: --output: got "(not given)"; the output to compare: ${plain} declares no primary output and has no annual_twh; its outputs: y, z\n`);
    const told = await cli(['compare', plain, '--output', 'z', '--out', join(root, 'c5.svg')]);
    expect(told.code, told.stderr).toBe(0);
    const withTwh = join(root, 'twh');
    cpSync(plain, withTwh, { recursive: true });
    const s = summaryOf(withTwh);
    writeFileSync(join(withTwh, 'summary.json'), JSON.stringify({ ...s, outputs: { ...s.outputs, annual_twh: s.outputs.z } }));
    const r = await cli(['compare', withTwh, '--out', join(root, 'c6.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('annual_twh (1)');
  });
});

describe('compare: pieces', () => {
  const run = (dir: string, model: string, seed: string, scenario?: string) => ({ dir, summary: { model, seed, ...(scenario ? { scenario } : {}) } as unknown as Summary });
  it('labels', () => {
    expect(compareLabels([run('x/1', 'm', '1'), run('x/2', 'm', '1', 's'), run('x/3', 'n', '1')], [])).toEqual(['m', 'm · s', 'n']);
    expect(compareLabels([run('x/1', 'm', '1'), run('x/2', 'm', '1')], [])).toEqual(['m (1)', 'm (2)']);
    expect(compareLabels([run('x/1', 'm', '1'), run('x/2', 'm', '1')], ['p', 'q'])).toEqual(['p', 'q']);
  });
  it('median: a ratio with one sign, else the difference', () => {
    expect([medianChange(6, 4), medianChange(-2, 4), medianChange(3, 0), medianChange(4, 4)]).toEqual(['×1.5', '-6', '+3', '×1']);
  });
  it('points', () => {
    expect([pointsChange(0.5, 0.25), pointsChange(0.2, 0.2041), pointsChange(0.3, 0.3)]).toEqual(['+25 pp', '-0.41 pp', '0 pp']);
  });
});
