/**
 * The files of the user's own that a model file imports by a relative path, directly or through
 * each other, so that they travel with it to other machines (a queue's workers, a merge).
 *
 * Found by reading the specifiers of `import … from './x'`, `export … from './x'`, `import './x'`
 * and `import('./x')` with a literal path, and resolving them as tsx does for a TypeScript model
 * (the path itself, `.js` written for a `.ts` file, or the path plus `.ts`, `.mts`, `.js`, `.mjs`,
 * or a folder's `index.ts`). A specifier that resolves to no file (text in a comment, say) is
 * passed over: if the model really needs it, loading the model on the receiver fails and says
 * which import was missing. Bare specifiers (packages) do not travel: every machine has its own
 * node_modules. A path computed at run time cannot be seen here; the README says so.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SPECIFIERS = [
  /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/g,
  /\bimport\s*['"](\.{1,2}\/[^'"]+)['"]/g,
  /\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
];
const EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'];

/** Every local file `file` imports, transitively, as paths relative to `file`'s folder ('/'-separated), sorted. */
export function localImports(file: string): string[] {
  const root = dirname(resolve(file));
  const seen = new Set<string>([resolve(file)]);
  const queue = [resolve(file)];
  while (queue.length > 0) {
    const from = queue.pop()!;
    for (const spec of specifiers(readFileSync(from, 'utf8'))) {
      const target = resolveLocal(dirname(from), spec);
      if (target === undefined || seen.has(target) || target.split(sep).includes('node_modules')) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  seen.delete(resolve(file));
  return [...seen].map((f) => relative(root, f).split(sep).join('/')).sort();
}

function specifiers(source: string): string[] {
  return SPECIFIERS.flatMap((re) => [...source.matchAll(re)].map((m) => m[1]));
}

function resolveLocal(dir: string, spec: string): string | undefined {
  const base = resolve(dir, spec);
  const candidates = [base, ...(/\.[cm]?js$/.test(base) ? [base.replace(/js$/, 'ts')] : []), ...EXTENSIONS.map((e) => base + e), join(base, 'index.ts'), join(base, 'index.js')];
  return candidates.find((f) => existsSync(f) && statSync(f).isFile());
}
