/**
 * Issue 13, shards: `run … --shard I/N --out DIR` then `merge DIR… --out OUT` gives the one-machine
 * results folder (percentiles.csv and distributions.json byte for byte, summary.json but for
 * `workers` and its `shard: { count }`), through the real CLI; merges of the wrong shards stop with exit 2 naming them.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, fixture } from './helpers.ts';
import { expectSameResults } from './dist13-helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'dist13-shard-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const MODEL = fixture('dist13-two-outputs.ts');

async function shards(name: string, args: readonly string[], n: number): Promise<string[]> {
  const dirs: string[] = [];
  for (let i = 0; i < n; i++) {
    const dir = join(tmp, `${name}-s${i}`);
    const r = await cli(['run', MODEL, ...args, '--shard', `${i}/${n}`, '--out', dir, '-q', '--workers', '1']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`shard ${i}/${n}`);
    dirs.push(dir);
  }
  return dirs;
}

describe('run --shard and merge (issue 13)', () => {
  it('mc with exact percentiles: three shards merged equal one machine', async () => {
    const args = ['-n', '300000', '--seed', 'dist13'];
    const dirs = await shards('exact', args, 3);
    const merged = join(tmp, 'exact-merged');
    const m = await cli(['merge', ...dirs, '--out', merged, '-q']);
    expect(m.stderr).toBe('');
    expect(m.code).toBe(0);
    const one = join(tmp, 'exact-one');
    expect((await cli(['run', MODEL, ...args, '--out', one, '-q', '--workers', '2'])).code).toBe(0);
    expect(expectSameResults(merged, one, 'shard')).toEqual({ count: 3 });
    expect(JSON.parse(readFileSync(join(one, 'summary.json'), 'utf8')).percentileMethod).toBe('exact');
  });

  it('sobol with the DDSketch: two shards, given in any order, equal one machine', async () => {
    const args = ['-n', '200000', '--seed', 's', '--sampling', 'sobol', '--percentile-method', 'ddsketch'];
    const dirs = await shards('sketch', args, 2);
    const merged = join(tmp, 'sketch-merged');
    expect((await cli(['merge', dirs[1], dirs[0], '--out', merged, '-q'])).code).toBe(0);
    const one = join(tmp, 'sketch-one');
    expect((await cli(['run', MODEL, ...args, '--out', one, '-q', '--workers', '1'])).code).toBe(0);
    expect(expectSameResults(merged, one, 'shard')).toEqual({ count: 2 });
  });

  it('a missing shard, a shard given twice and a shard of another run stop the merge with exit 2 naming it', async () => {
    const args = ['-n', '150000', '--seed', 'm', '--percentile-method', 'ddsketch'];
    const dirs = await shards('bad', args, 3);
    const out = join(tmp, 'bad-merged');
    const missing = await cli(['merge', dirs[0], dirs[2], '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: merge: .*missing: shard 1\/3\n$/);
    const twice = await cli(['merge', dirs[0], dirs[1], dirs[1], dirs[2], '--out', out]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('shard 1/3 is given twice');
    const other = join(tmp, 'bad-other');
    expect((await cli(['run', MODEL, ...args.map((a) => (a === 'm' ? 'other' : a)), '--shard', '1/3', '--out', other, '-q', '--workers', '1'])).code).toBe(0);
    const foreign = await cli(['merge', dirs[0], other, dirs[2], '--out', out]);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('seed ("other", not "m")');
    const notShard = await cli(['merge', tmp, '--out', out]);
    expect(notShard.code).toBe(2);
    expect(notShard.stderr).toContain('no shard.json');
    expect(existsSync(out)).toBe(false);
  });

  it('--shard is checked: I/N in range, with --out, and the folder rules of any results folder', async () => {
    const bad = await cli(['run', MODEL, '-n', '1000', '--shard', '3/3', '--out', join(tmp, 'x')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--shard: got "3/3"; I/N with N from 1');
    const noOut = await cli(['run', MODEL, '-n', '1000', '--shard', '0/2']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('goes with --out DIR');
    const foreign = join(tmp, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'mine');
    const refused = await cli(['run', MODEL, '-n', '1000', '--shard', '0/2', '--out', foreign, '-q']);
    expect(refused.code).toBe(2);
    expect(readFileSync(join(foreign, 'notes.txt'), 'utf8')).toBe('mine');
    // A shard folder is a results folder of ours: replaced with --force, refused without.
    const dir = join(tmp, 'again');
    expect((await cli(['run', MODEL, '-n', '1000', '--shard', '0/2', '--out', dir, '-q', '--workers', '1'])).code).toBe(0);
    expect((await cli(['run', MODEL, '-n', '1000', '--shard', '0/2', '--out', dir, '-q', '--workers', '1'])).code).toBe(2);
    expect((await cli(['run', MODEL, '-n', '1000', '--shard', '0/2', '--out', dir, '-q', '--workers', '1', '--force'])).code).toBe(0);
  });
});
