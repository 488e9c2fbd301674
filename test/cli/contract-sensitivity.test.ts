/**
 * One home per contract, through the real command line:
 * - the sensitivity methods, their `--samples` meanings and the `--method` check come from the registry,
 *   and the CLI and the library refuse a bad method or a doubled target with the same line;
 * - the CLI writes a study's files with the package's one writer (the same bytes as `sensitivityFiles`);
 * - the report and the charts read a sensitivity.json through the one declaration, a hand-made older
 *   shape (no details, no Morris mu or tornado swing) included;
 * - a claim's interval keeps the figures that tell its ends apart, on the terminal, in percentiles.md
 *   and in report.html alike;
 * - manifest.json names the package's runtime dependencies, not its test tools.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load.ts';
import { METHODS } from '../../src/sensitivity/registry.ts';
import { runSensitivity, sensitivityFiles } from '../../src/sensitivity/index.ts';
import { cli, fixture } from './helpers.ts';

const dirs: string[] = [];
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'contract-sens-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The one line a refusal prints, with the exit code. */
async function refusal(args: readonly string[]): Promise<{ code: number; line: string }> {
  const r = await cli(args);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(r.stdout).toBe('');
  return { code: r.code, line: lines[0] };
}

describe('sensitivity methods come from the registry', () => {
  it('--help lists every registered method, what it does and what --samples counts for it', async () => {
    const r = await cli(['sensitivity', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${METHODS.map((m) => m.name).join(', ')} or all`);
    for (const m of METHODS) {
      expect(r.stdout).toMatch(new RegExp(`^  ${m.name} +${m.about.replace(/[()*?.+]/g, '\\$&')}$`, 'm'));
      expect(r.stdout).toContain(`--samples: ${m.samples}`);
    }
  });

  it('a bad --method is refused by the one check, with the same line from the CLI and from the library', async () => {
    const { code, line } = await refusal(['sensitivity', fixture('linear-normal.ts'), '--method', 'fast', '--samples', '64']);
    expect(code).toBe(2);
    expect(line).toBe(`error: --method: got "fast"; one of ${METHODS.map((m) => m.name).join(', ')}, all`);
    const handle = await loadModel(fixture('linear-normal.ts'));
    const library = await runSensitivity(handle, { method: 'fast' as never, samples: 64, seed: '1', workers: 0 }).catch((err: Error) => err.message);
    expect(line).toBe(`error: ${library}`);
  });

  it('--output with --claim is refused before the model is loaded (a missing model is not even looked for), as the library refuses it', async () => {
    const { code, line } = await refusal(['sensitivity', join(temp(), 'no-such-model.ts'), '--output', 'y', '--claim', 'above10']);
    expect(code).toBe(2);
    expect(line).toBe('error: --claim: got "above10"; either --output or --claim, not both');
    const handle = await loadModel(fixture('linear-normal.ts'));
    const library = await runSensitivity(handle, { method: 'spearman', output: 'y', claim: 'above10', samples: 64, seed: '1', workers: 0 }).catch((err: Error) => err.message);
    expect(line).toBe(`error: ${library}`);
  });
});

describe('one writer', () => {
  it('the CLI folder holds exactly the files sensitivityFiles gives for the same study (2 workers against in-process), plus its manifest', async () => {
    const out = join(temp(), 'study');
    const r = await cli(['sensitivity', fixture('linear-normal.ts'), '--method', 'all', '--samples', '256', '--seed', 'contract', '--workers', '2', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const handle = await loadModel(fixture('linear-normal.ts'));
    const result = await runSensitivity(handle, { method: 'all', samples: 256, seed: 'contract', workers: 0 });
    const files = sensitivityFiles(result);
    expect(readdirSync(out).sort()).toEqual([...Object.keys(files), 'manifest.json'].sort());
    for (const [name, text] of Object.entries(files)) expect(readFileSync(join(out, name), 'utf8'), name).toBe(text);
    // The terminal shows the same Markdown table.
    expect(r.stdout).toContain(files['sensitivity.md'].split('\n').find((l) => l.startsWith('| x1 |')));
  });
});

describe('charts and the report read sensitivity.json through the one declaration', () => {
  it('a hand-made older file (no details, no title or ranking, no mu or swing) is charted and reported; the tornado says its baseline is estimated', async () => {
    const dir = join(temp(), 'older');
    mkdirSync(dir);
    const index = (S1: number, ST: number, low: number, high: number) => ({ S1, S1CI95: [S1 - 0.02, S1 + 0.02], ST, STCI95: [ST - 0.02, ST + 0.02], low, high });
    writeFileSync(join(dir, 'sensitivity.json'), JSON.stringify({
      model: 'older',
      target: { output: 'y' },
      method: 'all',
      samples: 1024,
      seed: '1',
      evaluations: 8192,
      indices: { a: index(0.6, 0.62, 8, 12), b: index(0.3, 0.31, 9.5, 10.5), c: index(0, 0.01, 10, 10) },
    }));
    const r = await cli(['report', dir, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const page = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(page).toContain('id="sensitivity"');
    expect(page).toContain('0.620'); // ST of a, as an index: three decimals
    const charts = readdirSync(join(dir, 'charts'));
    expect(charts).toEqual(expect.arrayContaining(['tornado-y.svg', 'sobol-y.svg']));
    expect(charts.some((f) => f.startsWith('correlation-'))).toBe(false);
    expect(readFileSync(join(dir, 'charts', 'tornado-y.svg'), 'utf8')).toContain('estimated from the least influential input');
  });

  it('a malformed index is refused with the file and the field named', async () => {
    const dir = join(temp(), 'broken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'sensitivity.json'), JSON.stringify({ model: 'm', target: { output: 'y' }, method: 'all', samples: 1, seed: '1', evaluations: 1, indices: { a: { ST: 'high' } } }));
    const { code, line } = await refusal(['report', dir, '--quiet']);
    expect(code).toBe(2);
    expect(line).toMatch(/^error: sensitivity\.json: indices\.a\.ST: got "high"; a number/);
  });
});

describe('claim intervals keep the figures that tell their ends apart', () => {
  it('a 0.3% claim reads 0.29% (0.26–0.33%) on the terminal, in percentiles.md and in report.html; a fair coin keeps one decimal', async () => {
    const out = join(temp(), 'rare');
    const r = await cli(['run', fixture('contract-rare-claim.ts'), '--samples', '1e5', '--seed', '3', '--out', out, '--report', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { claims: Record<string, { probability: number; ci95: [number, number] }> };
    const rare = summary.claims.rare;
    const line = r.stdout.split('\n').find((l) => l.startsWith('rare'));
    const m = /^rare\s+(\d+\.\d+)%\s+(\d+\.\d+)–(\d+\.\d+)%/.exec(line ?? '');
    expect(m, line).not.toBeNull();
    const [p, lo, hi] = [m![1], m![2], m![3]];
    expect(lo).not.toBe(hi);
    // Two figures, each within rounding of the summary's own numbers.
    for (const [text, value] of [[p, rare.probability], [lo, rare.ci95[0]], [hi, rare.ci95[1]]] as const) {
      expect(text).toMatch(/^0\.\d\d$/);
      expect(Math.abs(Number(text) - value * 100)).toBeLessThanOrEqual(0.005 + 1e-12);
    }
    expect(r.stdout).toMatch(/^common\s+\d\d\.\d%\s+\d\d\.\d–\d\d\.\d%/m);
    expect(readFileSync(join(out, 'percentiles.md'), 'utf8')).toContain(`| rare | ${p}% | ${lo}–${hi}% |`);
    const page = readFileSync(join(out, 'report.html'), 'utf8');
    expect(page).toContain(`<strong>${p}%</strong>`);
    expect(page).toContain(`${lo}–${hi}%`);
  });

  it("manifest.json records the engine's runtime packages and none of its test tools", async () => {
    const out = join(temp(), 'manifest');
    const r = await cli(['run', fixture('contract-rare-claim.ts'), '--samples', '1000', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const { versions } = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { versions: Record<string, string> };
    const own = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(Object.keys(versions)).toEqual(expect.arrayContaining(['ai-energy-mc', 'node', 'seedrandom', 'worker-threads-pool']));
    for (const name of Object.keys(versions)) expect(['ai-energy-mc', 'node', 'v8', ...Object.keys(own.dependencies)]).toContain(name);
    for (const dev of Object.keys(own.devDependencies)) expect(versions).not.toHaveProperty(dev);
    expect(versions).not.toHaveProperty('simple-statistics');
  });
});
