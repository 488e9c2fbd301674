/**
 * Scenarios through the real command line (issue 11 §3): `run --scenario NAME` (`--set` on top,
 * the name in the files, the folder and the header), refusals, `run --scenario all` (one folder:
 * a complete results folder per scenario, scenarios.csv/.md, the comparison chart; the issue-9
 * rules for --out/--force and interrupts), `sensitivity --scenario NAME`, and the library.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cli, fixture } from './helpers.ts';
import { simulate } from '../../src/api/simulate.ts';
import { sensitivity } from '../../src/api/sensitivity.ts';

const FLEET = fixture('fmt-fleet.ts');
const root = mkdtempSync(join(tmpdir(), 'aemc-fmt-scenarios-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const RUN_FILES = ['distributions.json', 'manifest.json', 'percentiles.csv', 'percentiles.md', 'summary.json'];

describe('run --scenario NAME', () => {
  it('applies it, --set on top; scenario in summary.json, manifest.json, the default folder name and the header', async () => {
    const cwd = join(root, 'cwd');
    mkdirSync(cwd);
    const r = await cli(['run', FLEET, '-n', '4000', '-w', '1', '-q', '--scenario', 'big-fleet', '--set', 'power_w=800'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Format fixture: a GPU fleet (fmt-fleet, scenario big-fleet)');
    const [folder] = readdirSync(join(cwd, 'results', 'runs', 'fmt-fleet'));
    expect(folder).toMatch(/^\d{8}T\d{6}Z-1-big-fleet$/);
    const dir = join(cwd, 'results', 'runs', 'fmt-fleet', folder!);
    expect(json(join(dir, 'summary.json')).scenario).toBe('big-fleet');
    const manifest = json(join(dir, 'manifest.json'));
    expect(manifest.scenario).toBe('big-fleet');
    expect(manifest.overrides).toEqual({ power_w: '800' });
    expect(manifest.parameters.gpus).toMatchObject({ label: 'uniform(min=2e6, max=4e6)', fromScenario: 'uniform(min=2e6, max=4e6)', source: 'a doubled fleet' });
    expect(manifest.parameters.power_w).toMatchObject({ label: '800', overridden: '800' });
    expect(manifest.parameters.power_w.fromScenario).toBeUndefined();
  }, 240_000);

  it('refuses an unknown name listing the known ones, and says when a model has none (exit 2)', async () => {
    const unknown = await cli(['run', FLEET, '-n', '1000', '-q', '--scenario', 'nope', '--out', join(root, 'nope')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('error: --scenario: got "nope"; model fmt-fleet has no scenario "nope"; its scenarios are: high-power, efficient, big-fleet (or base for none)');
    const none = await cli(['run', fixture('linear-normal.ts'), '-n', '1000', '-q', '--scenario', 'high-power', '--out', join(root, 'none')]);
    expect(none.code).toBe(2);
    expect(none.stderr.trim()).toBe('error: --scenario: got "high-power"; model linear-normal declares no scenarios (a model lists them under `scenarios`)');
    const all = await cli(['run', fixture('linear-normal.ts'), '-n', '1000', '-q', '--scenario', 'all', '--out', join(root, 'none-all')]);
    expect(all.code).toBe(2);
    expect(all.stderr.trim()).toMatch(/^error: --scenario: got "all"; model linear-normal declares no scenarios, so there is nothing to compare/);
    for (const d of ['nope', 'none', 'none-all']) expect(existsSync(join(root, d))).toBe(false);
  }, 240_000);

  it('sensitivity --scenario NAME analyses the scenario (manifest), an unknown one is refused', async () => {
    const out = join(root, 'sens');
    const r = await cli(['sensitivity', FLEET, '--method', 'tornado', '-n', '256', '-w', '1', '-q', '--scenario', 'high-power', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(json(join(out, 'manifest.json')).scenario).toBe('high-power');
    expect(json(join(out, 'sensitivity.json')).scenario).toBe('high-power');
    const base = await cli(['sensitivity', FLEET, '--method', 'tornado', '-n', '256', '-w', '1', '-q', '--json']);
    const hot = await cli(['sensitivity', FLEET, '--method', 'tornado', '-n', '256', '-w', '1', '-q', '--scenario', 'high-power', '--json']);
    expect(hot.stdout).not.toBe(base.stdout); // power_w = 1000, not 700: other swings
    expect([JSON.parse(hot.stdout).scenario, 'scenario' in JSON.parse(base.stdout)]).toEqual(['high-power', false]);
    const bad = await cli(['sensitivity', FLEET, '--scenario', 'cold', '-q', '--out', join(root, 'sens-bad')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --scenario: got "cold"; model fmt-fleet has no scenario "cold"/);
  }, 240_000);
});

describe('run --scenario all', () => {
  const out = join(root, 'all');
  let stdout = '';

  it('writes one folder: base/ and a folder per scenario, each complete, scenarios.csv/.md and charts/scenarios.*', async () => {
    const r = await cli(['run', FLEET, '-n', '4000', '-w', '2', '-q', '--seed', 's', '--scenario', 'all', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    stdout = r.stdout;
    expect(readdirSync(out).sort()).toEqual(['base', 'big-fleet', 'charts', 'efficient', 'high-power', 'manifest.json', 'scenarios.csv', 'scenarios.md']);
    for (const s of ['base', 'high-power', 'efficient', 'big-fleet']) expect(readdirSync(join(out, s)).sort()).toEqual(RUN_FILES);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual(['scenarios.png', 'scenarios.svg', 'scenarios.vl.json']);
    const manifest = json(join(out, 'manifest.json'));
    expect(manifest.scenario).toBe('all');
    expect(Object.keys(manifest.scenarios)).toEqual(['base', 'high-power', 'efficient', 'big-fleet']);
    expect(manifest.scenarios.efficient).toEqual({ folder: 'efficient', description: 'a PUE of best-in-class sites', set: { pue: '1.05 to 1.15' } });
    expect(json(join(out, 'base', 'summary.json')).scenario).toBeUndefined();
    expect(json(join(out, 'efficient', 'summary.json')).scenario).toBe('efficient');
  }, 180_000);

  it('each subfolder holds what `run --scenario NAME` with the same seed gives', async () => {
    const one = join(root, 'one-efficient');
    const r = await cli(['run', FLEET, '-n', '4000', '-w', '1', '-q', '--seed', 's', '--scenario', 'efficient', '--out', one]);
    expect(r.code, r.stderr).toBe(0);
    const strip = (s: Record<string, unknown>) => ({ ...s, workers: undefined });
    expect(strip(json(join(one, 'summary.json')))).toEqual(strip(json(join(out, 'efficient', 'summary.json'))));
    expect(readFileSync(join(one, 'distributions.json'), 'utf8')).toBe(readFileSync(join(out, 'efficient', 'distributions.json'), 'utf8'));
  }, 240_000);

  it('scenarios.csv and .md: the primary output\'s percentiles and every claim\'s probability with its CI, per scenario', () => {
    const csv = readFileSync(join(out, 'scenarios.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    expect(csv.map((row) => row[0])).toEqual(['scenario', 'base', 'high-power', 'efficient', 'big-fleet']);
    const header = csv[0]!;
    expect(header.slice(0, 6)).toEqual(['scenario', 'output', 'unit', 'samples', 'mean', 'p1']);
    expect(header).toContain('two_reactors_suffice.ci95High');
    const hp = json(join(out, 'high-power', 'summary.json'));
    const row = csv[2]!;
    expect(Number(row[header.indexOf('p50')])).toBe(hp.outputs.annual_twh.percentiles.p50);
    expect(Number(row[header.indexOf('two_reactors_suffice.probability')])).toBe(hp.claims.two_reactors_suffice.probability);
    expect(Number(row[header.indexOf('two_reactors_suffice.ci95Low')])).toBe(hp.claims.two_reactors_suffice.ci95[0]);
    const md = readFileSync(join(out, 'scenarios.md'), 'utf8');
    expect(md).toContain('## Annual electricity (`annual_twh`), TWh/yr');
    expect(md).toMatch(/\| two_reactors_suffice: P\(reactors ≤ 2\) \| [\d.]+% \([\d.]+–[\d.]+%\) \|/);
    expect(md).toContain('- **big-fleet**. Sets `gpus` = `uniform(min=2e6, max=4e6)`, `power_w` = `1000`.');
  }, 240_000);

  it('the terminal prints a compact table of the same', () => {
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('Format fixture: a GPU fleet (fmt-fleet): the base and 3 scenarios');
    expect(lines).toContain('Annual electricity (annual_twh), TWh/yr');
    expect(lines.find((l) => l.startsWith('scenario'))).toMatch(/^scenario +p5 +p50 +p95 +mean$/);
    expect(lines.find((l) => l.startsWith('claim'))).toMatch(/^claim +base +high-power +efficient +big-fleet$/);
    expect(lines.at(-2)).toBe(`Results: ${out}`);
  }, 240_000);

  it('the comparison chart draws every scenario and every claim', () => {
    const spec = readFileSync(join(out, 'charts', 'scenarios.vl.json'), 'utf8');
    for (const s of ['base', 'high-power', 'efficient', 'big-fleet']) expect(spec).toContain(`"${s}"`);
    expect(spec).toContain('two_reactors_suffice: reactors ≤ 2');
    expect(spec).toContain('doubles_by_2030');
    expect(readFileSync(join(out, 'charts', 'scenarios.png')).subarray(1, 4).toString()).toBe('PNG');
  }, 240_000);

  it('--out onto it again: refused without --force, replaced with it; never with a file of the user\'s in it or in a subfolder', async () => {
    if (!existsSync(out)) expect((await cli(['run', FLEET, '-n', '1000', '-w', '1', '-q', '--scenario', 'all', '--out', out])).code).toBe(0); // run alone (-t)
    const again = await cli(['run', FLEET, '-n', '1000', '-w', '1', '-q', '--scenario', 'all', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/that is a results folder from an earlier run \(fmt-fleet, .*\): add --force/);
    const forced = await cli(['run', FLEET, '-n', '1000', '-w', '1', '-q', '--scenario', 'all', '--out', out, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(json(join(out, 'base', 'summary.json')).samples).toBe(1000);
    // A single run's folder is replaced by a scenario comparison with --force, and back.
    const single = await cli(['run', FLEET, '-n', '1000', '-w', '1', '-q', '--out', out, '--force']);
    expect(single.code, single.stderr).toBe(0);
    expect(existsSync(join(out, 'base'))).toBe(false);
    expect((await cli(['run', FLEET, '-n', '1000', '-w', '1', '-q', '--scenario', 'all', '--out', out, '--force'])).code).toBe(0);

    writeFileSync(join(out, 'high-power', 'notes.txt'), 'mine\n');
    const inner = await cli(['run', FLEET, '-n', '1000', '-w', '1', '-q', '--scenario', 'all', '--out', out, '--force']);
    expect(inner.code).toBe(2);
    expect(inner.stderr).toMatch(/that results folder also holds "high-power", which ai-energy-mc did not write/);
    expect(readFileSync(join(out, 'high-power', 'notes.txt'), 'utf8')).toBe('mine\n');
    rmSync(join(out, 'high-power', 'notes.txt'));
    mkdirSync(join(out, 'mine'));
    const top = await cli(['run', FLEET, '-n', '1000', '-w', '1', '-q', '--scenario', 'all', '--out', out, '--force']);
    expect(top.code).toBe(2);
    expect(top.stderr).toMatch(/also holds "mine"/);
    expect(existsSync(join(out, 'mine'))).toBe(true);
  }, 300_000);

  it('--json prints an object keyed by scenario, each value summary.json', async () => {
    const r = await cli(['run', FLEET, '-n', '2000', '-w', '1', '-q', '--scenario', 'all', '--json', '--out', join(root, 'all-json')]);
    expect(r.code, r.stderr).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(Object.keys(printed)).toEqual(['base', 'high-power', 'efficient', 'big-fleet']);
    expect(printed['high-power']).toEqual(json(join(root, 'all-json', 'high-power', 'summary.json')));
  }, 180_000);

  it('Ctrl-C during the second scenario: exit 130, no folder, nothing temporary', async () => {
    const parent = join(root, 'sigint');
    mkdirSync(parent);
    const dest = join(parent, 'out');
    const child = spawn(process.execPath, [BIN, 'run', FLEET, '-n', '4e7', '-w', '1', '--percentile-method', 'ddsketch', '--scenario', 'all', '--out', dest], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0', AI_ENERGY_MC_PROGRESS: '1' },
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        if (/high-power/.test(stderr)) resolve();
      });
      void exited.then(() => reject(new Error(`exited before the second scenario: ${stderr}`)));
    });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr.trim().split('\n').at(-1)).toBe('interrupted (SIGINT): no results written');
    expect(readdirSync(parent)).toEqual([]);
  }, 120_000);
});

describe('the library', () => {
  it('simulate(file, { scenario }) applies it; an unknown one is refused as options.scenario', async () => {
    const { summary } = await simulate(FLEET, { samples: 2000, workers: 0, scenario: 'high-power' });
    expect(summary.scenario).toBe('high-power');
    expect(summary.primaryOutput).toBe('annual_twh');
    await expect(simulate(FLEET, { samples: 2000, workers: 0, scenario: 'cold' })).rejects.toThrow(/^options\.scenario: got "cold"; model fmt-fleet has no scenario "cold"/);
    await expect(simulate(FLEET, { samples: 2000, workers: 0, scenario: 3 as unknown as string })).rejects.toThrow(/^options\.scenario: got 3/);
  }, 240_000);

  it('sensitivity(file, { scenario }) analyses the scenario: power_w at 1 kW scales every swing by 10/7', async () => {
    const opts = { method: 'tornado' as const, samples: 64, workers: 0, output: 'annual_twh' };
    const base = await sensitivity(FLEET, opts);
    const hot = await sensitivity(FLEET, { ...opts, scenario: 'high-power' });
    const swing = (r: typeof base) => {
      const i = r.indices.gpus as { low: number; high: number };
      return i.high - i.low;
    };
    expect(swing(hot) / swing(base)).toBeCloseTo(1000 / 700, 9);
    expect([hot.scenario, base.scenario]).toEqual(['high-power', undefined]);
    await expect(sensitivity(FLEET, { ...opts, scenario: 'cold' })).rejects.toThrow(/^options\.scenario: got "cold"/);
  }, 240_000);
});
