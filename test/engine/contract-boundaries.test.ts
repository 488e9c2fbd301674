/**
 * Dependencies flow one way. A plain run (the engine's `simulate` and the worker entry) loads nothing
 * from the sensitivity package: the Sobol sequence it uses lives under `src/sampling/`. The engine's
 * own types (`Sampling`, `PercentileMethod`) are declared in `src/engine/types.ts`; the worker wire
 * protocol imports them. Checked on the static import graph of the sources (what Node would load),
 * type-only imports left out since they are erased.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Relative modules a source file loads at run time: static imports and re-exports, and `import('…')`.
 * `import type` is erased; `import { type X }` is not (verbatimModuleSyntax keeps the statement), so it counts.
 */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s+'([^']+)'/gms)) {
    if (m[2] || (m[1] === 'export' && !/[{*]/.test(m[3]))) continue;
    found.push(m[4]);
  }
  for (const m of text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) found.push(m[1]);
  return found.filter((s) => s.startsWith('.')).map((s) => resolve(dirname(file), s));
}

function graph(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [resolve(ROOT, entry)];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file) || !/\.(ts|mts|js|mjs)$/.test(file)) continue;
    seen.add(file);
    todo.push(...runtimeImports(file));
  }
  return seen;
}

const rel = (files: Iterable<string>) => [...files].map((f) => f.slice(ROOT.length).replace(/\\/g, '/'));

describe('dependencies flow one way', () => {
  it('a plain run (simulate, the chunk runner, the worker entry) loads no module of the sensitivity package', () => {
    for (const entry of ['src/engine/simulate.ts', 'workers/chunk.ts', 'workers/entry.ts']) {
      const files = rel(graph(entry));
      expect(files, entry).toContain('src/sampling/sobol.ts');
      expect(files.filter((f) => f.startsWith('src/sensitivity/')), entry).toEqual([]);
    }
  });

  it('the sensitivity package does reach the sampling designs it shares with run', () => {
    expect(rel(graph('src/sensitivity/index.ts'))).toContain('src/sampling/sobol.ts');
  });

  it("the engine's domain types are declared in src/engine/types.ts; the worker protocol only imports them", () => {
    const declares = (file: string, name: string) => new RegExp(`^export type ${name}\\s*=`, 'm').test(readFileSync(resolve(ROOT, file), 'utf8'));
    for (const name of ['Sampling', 'PercentileMethod']) {
      expect(declares('src/engine/types.ts', name), name).toBe(true);
      expect(declares('workers/protocol.ts', name), name).toBe(false);
    }
    for (const file of ['src/engine/simulate.ts', 'src/engine/aggregate.ts']) {
      expect(readFileSync(resolve(ROOT, file), 'utf8'), file).not.toMatch(/import type \{[^}]*\b(Sampling|PercentileMethod)\b[^}]*\} from '[^']*protocol\.ts'/);
    }
  });
});
