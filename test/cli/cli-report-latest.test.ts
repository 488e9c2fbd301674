/** report <folder of runs> (issue 11 §6): the latest complete run by manifest finishedAt, said on stderr; no runs: one line. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture } from './helpers.ts';

const setFinished = (dir: string, finishedAt: string) => {
  const file = join(dir, 'manifest.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), finishedAt }));
};

describe('report <folder of runs>', () => {
  it('takes the run that finished last, not the last folder name, skips incomplete ones, and says which', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cli-report-'));
    const runs = join(root, 'runs', 'cli-primary');
    const one = join(root, 'one');
    expect((await cli(['run', fixture('cli-primary.ts'), '-n', '3000', '--out', one, '--quiet'])).code).toBe(0);
    mkdirSync(runs, { recursive: true });
    // By name, 2099… sorts last; by finishedAt, 2000… finished last.
    const [early, late] = [join(runs, '20990101T000000Z-1'), join(runs, '20000101T000000Z-1')];
    cpSync(one, early, { recursive: true });
    cpSync(one, late, { recursive: true });
    setFinished(early, '2024-01-01T00:00:00.000Z');
    setFinished(late, '2025-06-01T00:00:00.000Z');
    // Incomplete: a newer manifest but no summary; a hidden staging folder.
    mkdirSync(join(runs, '20990202T000000Z-1'));
    writeFileSync(join(runs, '20990202T000000Z-1', 'manifest.json'), JSON.stringify({ finishedAt: '2026-01-01T00:00:00.000Z' }));
    cpSync(one, join(runs, '.tmp-123'), { recursive: true });
    setFinished(join(runs, '.tmp-123'), '2027-01-01T00:00:00.000Z');

    const r = await cli(['report', runs, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`report: the latest complete run in ${runs} is 20000101T000000Z-1 (finished 2025-06-01T00:00:00.000Z)\n`);
    expect(existsSync(join(late, 'report.html'))).toBe(true);
    expect(existsSync(join(early, 'report.html'))).toBe(false);
    expect(r.stdout.split('\n').every((l) => l === '' || l.startsWith(late))).toBe(true);
  }, 120_000);

  it('a folder with no runs, or no folder: refused with one line, exit 2', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'cli-report-'));
    const r = await cli(['report', empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: results folder: got ".*"; a results folder \(with summary.json or sensitivity.json\) or a folder of runs such as results\/runs\/<model>; it holds no complete run .*\n$/);
    const missing = await cli(['report', join(empty, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: results folder: got ".*nope"; .*; no such folder\n$/);
  });
});
