/**
 * A user's model that imports files of its own travels with them (src/distributed/local-imports.ts,
 * fingerprint.ts): found transitively, written back in the same layout on the receiver, part of
 * the SHA-256; and through the real CLI, shards merged after the model's folder is gone give the
 * one-machine bytes.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localImports } from '../../src/distributed/local-imports.ts';
import { materialise, modelSource } from '../../src/distributed/fingerprint.ts';
import { loadModel } from '../../src/model/load.ts';
import { cli } from '../cli/helpers.ts';
import { expectSameResults } from '../cli/dist13-helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'dist13d-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A model in models/ importing ../lib/helper.js (a .ts file), which imports more, in every form. */
function project(name: string, hours = 8760): string {
  const root = join(tmp, name);
  for (const dir of ['models', 'lib/units']) mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(
    join(root, 'models/campus.ts'),
    [
      "import { HOURS, share } from '../lib/helper.js';",
      "import type { Unused } from '../lib/types';",
      '// An old version read it from "./gone.ts": a comment, not an import.',
      'export default {',
      "  name: 'campus',",
      "  parameters: { mw: '80 to 120', load: { dist: 'uniform', min: 0.6, max: 0.9 } },",
      "  outputs: { twh: { unit: 'TWh/yr' } },",
      '  compute: (p: Record<string, number>) => ({ twh: (p.mw * share(p.load) * HOURS) / 1e6 }),',
      "  claims: { small: { output: 'twh', op: '<', value: 0.8 } },",
      '};',
      '',
    ].join('\n'),
  );
  writeFileSync(join(root, 'lib/helper.ts'), "export { HOURS } from './units/index.ts';\nimport './side.ts';\nexport const share = (x: number): number => x;\nexport const later = () => import('./lazy.ts');\nimport { readFileSync } from 'node:fs';\nvoid readFileSync;\n");
  writeFileSync(join(root, 'lib/types.ts'), 'export type Unused = number;\n');
  writeFileSync(join(root, 'lib/units/index.ts'), `import '../helper.ts'; // a cycle\nexport const HOURS = ${hours};\n`);
  writeFileSync(join(root, 'lib/side.ts'), 'export {};\n');
  writeFileSync(join(root, 'lib/lazy.ts'), 'export const lazy = 1;\n');
  return join(root, 'models/campus.ts');
}

describe('a model that imports files of its own', () => {
  it('finds every local file it imports, transitively, and nothing else', () => {
    expect(localImports(project('find'))).toEqual(['../lib/helper.ts', '../lib/lazy.ts', '../lib/side.ts', '../lib/types.ts', '../lib/units/index.ts']);
  });

  it('travels with them: the receiver loads the same model from a private folder, and their text is in the SHA-256', async () => {
    const handle = await loadModel(project('travel'));
    const source = modelSource(handle);
    expect(Object.keys(source.files ?? {})).toHaveLength(5);
    const { file, dispose } = materialise(source);
    try {
      const there = await loadModel(file);
      expect(there.model.parameters.map((p) => p.name)).toEqual(handle.model.parameters.map((p) => p.name));
    } finally {
      dispose();
    }
    const other = modelSource(await loadModel(project('other-hours', 8784)));
    expect(other.source).toBe(source.source);
    expect(other.sha256).not.toBe(source.sha256);
  });

  it('a file path that would leave the private folder is refused, and nothing is left behind', () => {
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith('ai-energy-mc-model-')).length;
    const evil = { fileName: 'm.ts', source: 'export default {}', sha256: 'x', overrides: {}, files: { 'lib/../../../../escape.ts': 'x' } };
    expect(() => materialise(evil)).toThrow(/would lie outside its folder; refused/);
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('ai-energy-mc-model-')).length).toBe(before);
  });

  it('shards merged after the model and its files are gone equal one machine (CLI)', async () => {
    const model = project('cli');
    const args = ['-n', '150000', '--seed', 'd13', '--workers', '1', '-q'];
    const one = join(tmp, 'one');
    expect((await cli(['run', model, ...args, '--out', one])).code).toBe(0);
    const dirs = [0, 1].map((i) => join(tmp, `shard-${i}`));
    for (const [i, dir] of dirs.entries()) {
      const r = await cli(['run', model, ...args, '--shard', `${i}/2`, '--out', dir]);
      expect(r.stderr).toBe('');
    }
    rmSync(join(tmp, 'cli'), { recursive: true });
    const merged = join(tmp, 'merged');
    const r = await cli(['merge', ...dirs, '--out', merged, '-q']);
    expect(r.stderr).toBe('');
    expect(expectSameResults(merged, one, 'shard')).toEqual({ count: 2 });
  }, 120_000);
});
