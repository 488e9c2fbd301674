/**
 * The undo steps behind `--out`: what a signal handler (which calls `abandonAll`) leaves at every
 * step of a write, including after the final rename but before the command has announced its
 * results. Through the CLI these moments are too short to hit on purpose; here they are exact.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { abandonAll, keptPaths } from '../../src/results/cleanup.ts';
import { openNewOutputDir, openOutputDir } from '../../src/results/output-dir.ts';
import { openOutputFile } from '../../src/results/output-file.ts';
import { openEntriesReplacement } from '../../src/results/replace-entries.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
function root(): string {
  const r = mkdtempSync(join(tmpdir(), 'aemc-outdir-'));
  roots.push(r);
  return r;
}

const MANIFEST = JSON.stringify({ model: 'm', startedAt: '2026-01-01T00:00:00Z', modelFileSha256: 'x', command: ['ai-energy-mc', 'run'], versions: { 'ai-energy-mc': '0.1.0' } });

function earlierResults(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), MANIFEST);
  writeFileSync(join(dir, 'summary.json'), '"old"');
}

describe('openOutputDir: undo at every step', () => {
  it('replacing with force: after the rename, an abandon puts the old folder back', () => {
    const r = root();
    const dir = join(r, 'out');
    earlierResults(dir);
    const out = openOutputDir(dir, { force: true });
    expect(readdirSync(r).filter((n) => n.startsWith('.tmp-'))).toHaveLength(1);
    out.writeFiles({ 'manifest.json': MANIFEST, 'summary.json': '"new"' });
    out.commit();
    expect(readFileSync(join(dir, 'summary.json'), 'utf8')).toBe('"new"');
    abandonAll();
    expect(readFileSync(join(dir, 'summary.json'), 'utf8')).toBe('"old"');
    expect(readdirSync(r)).toEqual(['out']);
  });

  it('after finish the new folder stays, the old one is gone, and an abandon changes nothing', () => {
    const r = root();
    const dir = join(r, 'out');
    earlierResults(dir);
    const out = openOutputDir(dir, { force: true });
    out.writeFiles({ 'manifest.json': MANIFEST, 'summary.json': '"new"' });
    out.commit();
    out.finish();
    abandonAll();
    expect(readFileSync(join(dir, 'summary.json'), 'utf8')).toBe('"new"');
    expect(readdirSync(r)).toEqual(['out']);
    expect(keptPaths()).toContain(dir);
  });

  it('a new folder: abandoned before or after the rename, nothing is left', () => {
    const r = root();
    const before = openOutputDir(join(r, 'a'));
    expect(existsSync(join(r, 'a'))).toBe(true); // the name is reserved at once
    before.writeFiles({ 'summary.json': '1' });
    abandonAll();
    const after = openOutputDir(join(r, 'b'));
    after.writeFiles({ 'summary.json': '1' });
    after.commit();
    abandonAll();
    expect(readdirSync(r)).toEqual([]);
  });

  it("the user's empty folder is left empty, not removed", () => {
    const r = root();
    mkdirSync(join(r, 'mine'));
    const out = openOutputDir(join(r, 'mine'));
    out.writeFiles({ 'summary.json': '1' });
    out.commit();
    abandonAll();
    expect(readdirSync(r)).toEqual(['mine']);
    expect(readdirSync(join(r, 'mine'))).toEqual([]);
  });

  it('openNewOutputDir adds -2, -3 … while a name is taken', () => {
    const r = root();
    const outs = [1, 2, 3].map(() => openNewOutputDir(r, 'run'));
    expect(outs.map((o) => o.path)).toEqual([join(r, 'run'), join(r, 'run-2'), join(r, 'run-3')]);
    outs.forEach((o) => o.discard());
    expect(readdirSync(r)).toEqual([]);
  });
});

describe('openOutputFile and openEntriesReplacement: undo after the rename', () => {
  it('a replaced chart file comes back', () => {
    const r = root();
    const file = join(r, 'c.svg');
    writeFileSync(file, '<svg>old</svg>');
    const out = openOutputFile(file, { force: true, extensions: ['.svg'] });
    writeFileSync(out.tmp, '<svg>new</svg>');
    out.commit();
    expect(readFileSync(file, 'utf8')).toBe('<svg>new</svg>');
    abandonAll();
    expect(readFileSync(file, 'utf8')).toBe('<svg>old</svg>');
    expect(readdirSync(r)).toEqual(['c.svg']);
  });

  it('replaced charts/ and report.html come back', () => {
    const r = root();
    earlierResults(r);
    mkdirSync(join(r, 'charts'));
    writeFileSync(join(r, 'charts', 'old.svg'), '<svg/>');
    writeFileSync(join(r, 'report.html'), 'old');
    const staged = openEntriesReplacement(r, { charts: 'folder', 'report.html': 'file' });
    mkdirSync(join(staged.tmp, 'charts'));
    writeFileSync(join(staged.tmp, 'charts', 'new.svg'), '<svg/>');
    writeFileSync(join(staged.tmp, 'report.html'), 'new');
    staged.commit();
    expect(readdirSync(join(r, 'charts'))).toEqual(['new.svg']);
    abandonAll();
    expect(readdirSync(join(r, 'charts'))).toEqual(['old.svg']);
    expect(readFileSync(join(r, 'report.html'), 'utf8')).toBe('old');
    expect(readdirSync(r).sort()).toEqual(['charts', 'manifest.json', 'report.html', 'summary.json']);
  });
});
