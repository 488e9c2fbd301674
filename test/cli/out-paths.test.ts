/**
 * `--out` never destroys anything (issue 9, part 1), through the real command line: what each
 * kind of destination does for `run`, `sensitivity`, `report` and `compare`, the default folders
 * that never collide, and file-system failures (read-only, full) as one line before sampling.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, fixture } from './helpers.ts';

const MODEL = fixture('lognormal-product.ts');
const THROWS = fixture('out-throws.ts');
const roots: string[] = [];
const mounts: string[] = [];

afterAll(() => {
  for (const m of mounts) {
    // A lazy unmount as the fallback: the mount goes even if something still holds it open.
    for (const args of [[m], ['-l', m]]) {
      try {
        execFileSync('umount', args, { stdio: 'ignore' });
        break;
      } catch {
        // busy or already unmounted: try the next way
      }
    }
  }
  for (const r of roots) {
    try {
      rmSync(r, { recursive: true, force: true });
    } catch {
      // one folder that cannot go does not keep the others
    }
  }
});

function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'aemc-out-'));
  roots.push(root);
  return root;
}

/** A tmpfs of `size` mounted at a new folder, or the reason it cannot be (not root, no mount permission). */
function tmpfs(size: string, extra = ''): { dir?: string; reason?: string } {
  if (process.getuid?.() !== 0) return { reason: 'mounting a tmpfs needs root' };
  const dir = join(tempRoot(), 'mnt');
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${extra ? `,${extra}` : ''}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return { reason: 'mount -t tmpfs is not permitted here' };
  }
  mounts.push(dir);
  return { dir };
}

/** Every file under `dir` with its bytes, to compare before and after. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const s = lstatSync(p);
      if (s.isDirectory()) walk(p, `${prefix}${name}/`);
      else out[`${prefix}${name}`] = s.isSymbolicLink() ? `-> ${p}` : readFileSync(p).toString('base64');
    }
  };
  walk(dir, '');
  return out;
}

function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((n) => /^\.(tmp|old)-/.test(n));
}

function expectOneErrorLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

const run = (out: string, ...more: string[]) => cli(['run', MODEL, '--samples', '2000', '--quiet', '--out', out, ...more]);

describe('run --out: where results may go', () => {
  it('a missing folder is created with its parents; nothing else is left beside it', async () => {
    const root = tempRoot();
    const out = join(root, 'a', 'b', 'c');
    const r = await run(out);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['distributions.json', 'manifest.json', 'percentiles.csv', 'percentiles.md', 'summary.json']);
    expect(readdirSync(join(root, 'a', 'b'))).toEqual(['c']);
  });

  it('an empty folder is used', async () => {
    const root = tempRoot();
    const out = join(root, 'empty');
    mkdirSync(out);
    const r = await run(out);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
    expect(readdirSync(root)).toEqual(['empty']);
  });

  it('an earlier results folder is refused without --force, untouched', async () => {
    const root = tempRoot();
    const out = join(root, 'r');
    expect((await run(out, '--seed', '1')).code).toBe(0);
    const before = snapshot(out);
    const r = await run(out, '--seed', '2');
    expect(r.code).toBe(2);
    expectOneErrorLine(r.stderr, /--out: got ".*r"; that is a results folder from an earlier run \(lognormal-product, .*\): add --force to replace it/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(root)).toEqual(['r']);
  });

  it('with --force it is replaced by the new results, and nothing is left beside it', async () => {
    const root = tempRoot();
    const out = join(root, 'r');
    expect((await run(out, '--seed', '1')).code).toBe(0);
    writeFileSync(join(out, 'percentiles.md'), 'edited by hand, then replaced with the folder');
    const r = await run(out, '--seed', '2', '--force');
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).seed).toBe('2');
    // Replaced whole: nothing of the old folder remains.
    expect(readFileSync(join(out, 'percentiles.md'), 'utf8')).not.toContain('edited by hand');
    expect(readdirSync(root)).toEqual(['r']);
  });

  it('with --force, a new run that fails leaves the old folder as it was', async () => {
    const root = tempRoot();
    const out = join(root, 'r');
    expect((await run(out)).code).toBe(0);
    const before = snapshot(out);
    const r = await cli(['run', THROWS, '--samples', '20000', '--quiet', '--out', out, '--force']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/x is too large/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(root)).toEqual(['r']);
  });

  it('a results folder that also holds a file of the user is refused even with --force', async () => {
    const root = tempRoot();
    const out = join(root, 'r');
    expect((await run(out)).code).toBe(0);
    writeFileSync(join(out, 'my-notes.txt'), 'mine');
    const before = snapshot(out);
    const r = await run(out, '--force');
    expect(r.code).toBe(2);
    expectOneErrorLine(r.stderr, /that results folder also holds "my-notes.txt", which ai-energy-mc did not write/);
    expect(snapshot(out)).toEqual(before);
  });

  it('a manifest.json that is not ours does not make a folder ours', async () => {
    const root = tempRoot();
    const out = join(root, 'other');
    mkdirSync(out);
    writeFileSync(join(out, 'manifest.json'), '{"name": "some other tool"}');
    const r = await run(out, '--force');
    expect(r.code).toBe(2);
    expectOneErrorLine(r.stderr, /is not a results folder of ai-energy-mc/);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('{"name": "some other tool"}');
  });

  it('a folder with other content is refused even with --force, untouched', async () => {
    const root = tempRoot();
    const out = join(root, 'photos');
    mkdirSync(join(out, 'sub'), { recursive: true });
    writeFileSync(join(out, 'a.jpg'), 'jpeg');
    writeFileSync(join(out, 'sub', 'b.jpg'), 'jpeg');
    const before = snapshot(out);
    const r = await run(out, '--force');
    expect(r.code).toBe(2);
    expectOneErrorLine(r.stderr, /--out: got ".*photos"; that folder holds "a.jpg", "sub" and is not a results folder of ai-energy-mc/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(root)).toEqual(['photos']);
  });

  it('a regular file is refused even with --force, untouched', async () => {
    const root = tempRoot();
    const file = join(root, 'thesis.tex');
    writeFileSync(file, 'three years of work');
    const r = await run(file, '--force');
    expect(r.code).toBe(2);
    expectOneErrorLine(r.stderr, /that is a file, which is never replaced, with or without --force/);
    expect(readFileSync(file, 'utf8')).toBe('three years of work');
    expect(readdirSync(root)).toEqual(['thesis.tex']);
  });

  it.skipIf(process.getuid?.() !== 0)('a device (/dev/null) is refused, even as root with --force (skipped unless root: only root could replace it)', async () => {
    const r = await run('/dev/null', '--force');
    expect(r.code).toBe(2);
    expectOneErrorLine(r.stderr, /--out: got "\/dev\/null"; that is a character device, which is never replaced/);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync('/dev').filter((n) => n.startsWith('.tmp-'))).toEqual([]);
  });

  it('a symbolic link is refused, and what it points to is untouched', async () => {
    const root = tempRoot();
    const target = join(root, 'r');
    expect((await run(target)).code).toBe(0);
    const before = snapshot(target);
    symlinkSync(target, join(root, 'link'));
    const r = await run(join(root, 'link'), '--force');
    expect(r.code).toBe(2);
    expectOneErrorLine(r.stderr, /that is a symbolic link \(to ".*r"\), which is never followed or replaced/);
    expect(snapshot(target)).toEqual(before);
    expect(lstatSync(join(root, 'link')).isSymbolicLink()).toBe(true);
  });

  for (const [path, why] of [
    ['.', /"\." and "\.\." name folders that already exist/],
    ['..', /"\." and "\.\." name folders that already exist/],
    ['/', /that is the root folder/],
    ['', /an empty path names no folder/],
    ['sub/..', /"\." and "\.\." name folders that already exist/],
  ] as const) {
    it(`--out ${JSON.stringify(path)} is refused even with --force, nothing touched`, async () => {
      const cwd = join(tempRoot(), 'cwd');
      mkdirSync(join(cwd, 'sub'), { recursive: true });
      writeFileSync(join(cwd, 'keep.txt'), 'keep');
      const r = await cli(['run', MODEL, '--samples', '2000', '--quiet', '--out', path, '--force'], { cwd });
      expect(r.code).toBe(2);
      expectOneErrorLine(r.stderr, why);
      expect(readdirSync(cwd).sort()).toEqual(['keep.txt', 'sub']);
      expect(readdirSync(join(cwd, 'sub'))).toEqual([]);
    });
  }

  it('a path through a regular file (ENOTDIR) is refused with one line', async () => {
    const root = tempRoot();
    writeFileSync(join(root, 'somefile'), 'x');
    const r = await run(join(root, 'somefile', 'x'));
    expect(r.code).toBe(2);
    expectOneErrorLine(r.stderr, /a part of that path is a file, not a folder/);
    expect(readFileSync(join(root, 'somefile'), 'utf8')).toBe('x');
  });
});

describe('run --out on a file system that cannot take the results', () => {
  it('a read-only file system fails at once, before sampling, with one line (skipped when a tmpfs cannot be mounted)', async (ctx) => {
    const m = tmpfs('1m', 'ro');
    if (!m.dir) return ctx.skip(m.reason);
    // 10^10 samples would take hours: the run can only end quickly if the check comes first.
    const r = await cli(['run', MODEL, '--samples', '1e10', '--percentile-method', 'ddsketch', '--quiet', '--out', join(m.dir, 'r')]);
    expect(r.code).toBe(1);
    expectOneErrorLine(r.stderr, /cannot write the results folder .*\/r: read-only file system \(EROFS\); choose another --out/);
    expect(readdirSync(m.dir)).toEqual([]);
  });

  it('a full disk fails at once, before sampling, with one line and nothing left (skipped when a tmpfs cannot be mounted)', async (ctx) => {
    const m = tmpfs('64k');
    if (!m.dir) return ctx.skip(m.reason);
    writeFileSync(join(m.dir, 'filler'), Buffer.alloc(64 * 1024));
    const r = await cli(['run', MODEL, '--samples', '1e10', '--percentile-method', 'ddsketch', '--quiet', '--out', join(m.dir, 'r')]);
    expect(r.code).toBe(1);
    expectOneErrorLine(r.stderr, /cannot write the results folder .*\/r: no space left on the device \(ENOSPC\); free some space or choose another --out/);
    expect(readdirSync(m.dir)).toEqual(['filler']);
  });

  it('a disk that fills up while the charts are written: one line, no folder, no temporary files (skipped when a tmpfs cannot be mounted)', async (ctx) => {
    const m = tmpfs('96k');
    if (!m.dir) return ctx.skip(m.reason);
    const r = await cli(['run', MODEL, '--samples', '5000', '--quiet', '--charts', '--out', join(m.dir, 'r')]);
    expect(r.code).toBe(1);
    expectOneErrorLine(r.stderr, /cannot write the results folder .*\/r: no space left on the device \(ENOSPC\)/);
    expect(readdirSync(m.dir)).toEqual([]);
  });

  it('a mount point is refused (it cannot be swapped for a new folder) (skipped when a tmpfs cannot be mounted)', async (ctx) => {
    const m = tmpfs('1m');
    if (!m.dir) return ctx.skip(m.reason);
    const r = await run(m.dir);
    expect(r.code).toBe(2);
    expectOneErrorLine(r.stderr, /that is a mount point, which cannot be swapped for a new folder/);
    expect(readdirSync(m.dir)).toEqual([]);
  });

  it('a folder without write permission fails before sampling (skipped as root, whom chmod does not stop)', async (ctx) => {
    if (process.getuid?.() === 0) return ctx.skip('root writes through chmod 555; the read-only tmpfs test covers this as root');
    const root = tempRoot();
    const parent = join(root, 'locked');
    mkdirSync(parent);
    chmodSync(parent, 0o555);
    const r = await cli(['run', MODEL, '--samples', '1e10', '--percentile-method', 'ddsketch', '--quiet', '--out', join(parent, 'r')]);
    chmodSync(parent, 0o755);
    expect(r.code).toBe(1);
    expectOneErrorLine(r.stderr, /permission denied \(EACCES\)/);
  });
});

describe('default results folders', () => {
  it('six runs started together, same model and seed, get six folders', async () => {
    const cwd = tempRoot();
    const results = await Promise.all(Array.from({ length: 6 }, () => cli(['run', MODEL, '--samples', '2000', '--seed', 'same', '--quiet'], { cwd })));
    for (const r of results) expect(r.code).toBe(0);
    const dir = join(cwd, 'results', 'runs', 'lognormal-product');
    const folders = readdirSync(dir);
    expect(folders).toHaveLength(6);
    for (const f of folders) expect(existsSync(join(dir, f, 'summary.json'))).toBe(true);
    // Each run names its own folder.
    const named = results.map((r) => /Results: (.*)/.exec(r.stdout)?.[1]);
    expect(new Set(named).size).toBe(6);
  });

  it('a run that fails leaves no results/ folder behind, not even the parents it made; nor does a compare that is refused', async () => {
    const cwd = tempRoot();
    const failed = await cli(['run', THROWS, '--samples', '2000', '--quiet'], { cwd });
    expect(failed.code).not.toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
    const ok = await cli(['run', MODEL, '--samples', '2000', '--out', 'r', '--quiet'], { cwd });
    expect(ok.code).toBe(0);
    const refused = await cli(['compare', 'r', '--output', 'toString'], { cwd });
    expect(refused.code).toBe(2);
    expect(readdirSync(cwd)).toEqual(['r']);
  });
});

describe('sensitivity --out: the same rules', () => {
  const sens = (out: string, ...more: string[]) => cli(['sensitivity', MODEL, '--method', 'spearman', '--samples', '512', '--quiet', '--out', out, ...more]);

  it('creates a missing folder; refuses it next time without --force; replaces it with --force', async () => {
    const root = tempRoot();
    const out = join(root, 's');
    expect((await sens(out, '--seed', '1')).code).toBe(0);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
    const before = snapshot(out);
    const refused = await sens(out, '--seed', '2');
    expect(refused.code).toBe(2);
    expectOneErrorLine(refused.stderr, /that is a results folder from an earlier run/);
    expect(snapshot(out)).toEqual(before);
    const forced = await sens(out, '--seed', '2', '--force');
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'sensitivity.json'), 'utf8')).seed).toBe('2');
    expect(readdirSync(root)).toEqual(['s']);
  });

  it('refuses a folder with other content, a file and "." whatever the flags', async () => {
    const root = tempRoot();
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'a.txt'), 'a');
    writeFileSync(join(root, 'file.txt'), 'f');
    for (const [out, why] of [
      [join(root, 'docs'), /that folder holds "a.txt"/],
      [join(root, 'file.txt'), /that is a file/],
      ['.', /"\." and "\.\." name folders/],
    ] as const) {
      const r = await cli(['sensitivity', MODEL, '--method', 'spearman', '--samples', '512', '--quiet', '--out', out, '--force'], { cwd: root });
      expect(r.code).toBe(2);
      expectOneErrorLine(r.stderr, why);
    }
    expect(snapshot(root)).toEqual({ 'docs/a.txt': Buffer.from('a').toString('base64'), 'file.txt': Buffer.from('f').toString('base64') });
  });

  it('two analyses started together with the default folder get two folders', async () => {
    const cwd = tempRoot();
    const rs = await Promise.all([1, 2].map(() => cli(['sensitivity', MODEL, '--method', 'spearman', '--samples', '512', '--seed', 'same', '--quiet'], { cwd })));
    for (const r of rs) expect(r.code).toBe(0);
    expect(readdirSync(join(cwd, 'results', 'runs', 'lognormal-product'))).toHaveLength(2);
  });
});

describe('report: charts/ and report.html replaced all at once', () => {
  it('re-rendering replaces charts/ and report.html, with nothing left over', async () => {
    const root = tempRoot();
    const out = join(root, 'r');
    expect((await run(out, '--charts', '--report')).code).toBe(0);
    writeFileSync(join(out, 'charts', 'stale.svg'), '<svg/>');
    const r = await cli(['report', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'charts', 'stale.svg'))).toBe(false);
    expect(readdirSync(join(out, 'charts')).some((f) => f.endsWith('.png'))).toBe(true);
    expect(r.stdout.split('\n').filter(Boolean).every((f) => existsSync(f))).toBe(true);
    expect(leftovers(out)).toEqual([]);
    expect(readdirSync(root)).toEqual(['r']);
  });

  it('a disk that fills up while re-rendering leaves the old charts and report untouched (skipped when a tmpfs cannot be mounted)', async (ctx) => {
    const m = tmpfs('4m');
    if (!m.dir) return ctx.skip(m.reason);
    const out = join(m.dir, 'r');
    expect((await run(out, '--charts', '--report')).code).toBe(0);
    const before = snapshot(out);
    // Fill the disk but for a little: enough for the first files of a new rendering, not for all of it.
    const free = Number(execFileSync('df', ['--output=avail', '-B1', m.dir]).toString().trim().split('\n')[1]);
    writeFileSync(join(m.dir, 'filler'), Buffer.alloc(Math.max(0, free - 48 * 1024)));
    const r = await cli(['report', out, '--quiet']);
    expect(r.code).toBe(1);
    expectOneErrorLine(r.stderr, /cannot write charts and report.html into .*: no space left on the device \(ENOSPC\)/);
    expect(snapshot(out)).toEqual(before);
  });

  it('refuses to replace a charts/ that is a symbolic link, or charts in a folder that is not ours', async () => {
    const root = tempRoot();
    const out = join(root, 'r');
    expect((await run(out)).code).toBe(0);
    mkdirSync(join(root, 'elsewhere'));
    symlinkSync(join(root, 'elsewhere'), join(out, 'charts'));
    const linked = await cli(['report', out, '--quiet']);
    expect(linked.code).toBe(2);
    expectOneErrorLine(linked.stderr, /its charts is not a folder written by ai-energy-mc \(a symbolic link\)/);
    expect(readdirSync(join(root, 'elsewhere'))).toEqual([]);

    const foreign = join(root, 'foreign');
    mkdirSync(join(foreign, 'charts'), { recursive: true });
    writeFileSync(join(foreign, 'charts', 'mine.png'), 'png');
    writeFileSync(join(foreign, 'summary.json'), readFileSync(join(out, 'summary.json')));
    const r = await cli(['report', foreign, '--quiet']);
    expect(r.code).toBe(2);
    expectOneErrorLine(r.stderr, /already holds charts but no manifest.json of ai-energy-mc/);
    expect(readdirSync(join(foreign, 'charts'))).toEqual(['mine.png']);
  });
});

describe('compare --out: a chart file, never anything else', () => {
  let pair: Promise<[string, string]> | undefined;
  /** Two results folders, made once for all the comparisons below. */
  function twoRuns(): Promise<[string, string]> {
    pair ??= (async () => {
      const root = tempRoot();
      const a = join(root, 'a');
      const b = join(root, 'b');
      for (const r of await Promise.all([run(a, '--seed', '1'), run(b, '--seed', '2')])) expect(r.code).toBe(0);
      return [a, b] as [string, string];
    })();
    return pair;
  }

  it('writes a new .svg and the .png beside it; refuses them next time without --force; replaces them with --force', async () => {
    const root = tempRoot();
    const [a, b] = await twoRuns();
    const svg = join(root, 'out', 'cmp.svg');
    const first = await cli(['compare', a, b, '--output', 'y', '--out', svg]);
    expect(first.code).toBe(0);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg/);
    expect(readdirSync(join(root, 'out')).sort()).toEqual(['cmp.png', 'cmp.svg']);
    writeFileSync(svg, '<svg><!-- an older chart --></svg>');
    const refused = await cli(['compare', a, b, '--output', 'y', '--out', svg]);
    expect(refused.code).toBe(2);
    expectOneErrorLine(refused.stderr, /--out: got ".*cmp.svg"; that file exists: add --force to replace it/);
    expect(readFileSync(svg, 'utf8')).toBe('<svg><!-- an older chart --></svg>');
    const forced = await cli(['compare', a, b, '--output', 'y', '--out', svg, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(svg, 'utf8')).not.toContain('an older chart');
    expect(readdirSync(join(root, 'out')).sort()).toEqual(['cmp.png', 'cmp.svg']);
  });

  it('refuses, even with --force, a file that is not a chart, a folder, a link, a device and an empty path', async () => {
    const root = tempRoot();
    const [a] = await twoRuns();
    writeFileSync(join(root, 'notes.json'), '{"todo": "keep me"}');
    mkdirSync(join(root, 'dir.svg'));
    symlinkSync(join(root, 'notes.json'), join(root, 'link.json'));
    for (const [out, why] of [
      [join(root, 'notes.json'), /that file is not a JSON chart that ai-energy-mc could have written/],
      [join(root, 'dir.svg'), /that is a folder, which is never replaced/],
      [join(root, 'link.json'), /that is a symbolic link/],
      ['/dev/null', /a path ending in \.svg, \.png, \.json/],
      ['', /an empty path names no file/],
    ] as const) {
      const r = await cli(['compare', a, '--output', 'y', '--out', out, '--force']);
      expect(r.code).toBe(2);
      expectOneErrorLine(r.stderr, why);
    }
    expect(readFileSync(join(root, 'notes.json'), 'utf8')).toBe('{"todo": "keep me"}');
    expect(readdirSync(join(root, 'dir.svg'))).toEqual([]);
    expect(leftovers(root)).toEqual([]);
  });

  it('an SVG whose PNG neighbour is not ours is refused before anything is written', async () => {
    const root = tempRoot();
    const [a] = await twoRuns();
    writeFileSync(join(root, 'c.png'), 'not a png');
    const r = await cli(['compare', a, '--output', 'y', '--out', join(root, 'c.svg'), '--force']);
    expect(r.code).toBe(2);
    expectOneErrorLine(r.stderr, /--out: got ".*c.png"; that file is not a PNG chart/);
    expect(existsSync(join(root, 'c.svg'))).toBe(false);
    expect(readFileSync(join(root, 'c.png'), 'utf8')).toBe('not a png');
  });

  it('two comparisons started together with the default path write two pairs of files', async () => {
    const root = tempRoot();
    const [a, b] = await twoRuns();
    const rs = await Promise.all([1, 2].map(() => cli(['compare', a, b, '--output', 'y'], { cwd: root })));
    for (const r of rs) expect(r.code).toBe(0);
    const files = readdirSync(join(root, 'results', 'compare'));
    expect(files.filter((f) => f.endsWith('.svg'))).toHaveLength(2);
    expect(files.filter((f) => f.endsWith('.png'))).toHaveLength(2);
    expect(files.filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
