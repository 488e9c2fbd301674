/**
 * `npm run build` (also run by `prepare`, so by `npm ci`, and by `npm test`): the JavaScript that
 * the CLI, the library, the worker threads and the built-in models run, in dist/.
 *
 * tsc has already type-checked the sources and written their declarations (tsconfig.build.json);
 * esbuild bundles the entry points, splitting what they share into dist/chunks/, with every package
 * left external. One file per entry instead of ~130 modules per process: Node's module loader
 * costs about 0.5 ms a file, which was a third of a `models` command and is paid again by every
 * worker thread. Lazy imports (charts, report, sensitivity, tsx) stay lazy: they become chunks.
 * Only type syntax is removed; no minifying, so the arithmetic is the sources' own.
 *
 * dist/models/sources.json records the SHA-256 of every source under models/ that went into the
 * build: the CLI runs a built-in model from its compiled twin only while the sources still match
 * (src/model/load.ts), so an edited model is never run from a stale build. Hashes, not file
 * times: an npm install or a git checkout sets file times as it pleases.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const models = readdirSync(join(root, 'models')).filter((f) => /\.m?ts$/.test(f) && !f.endsWith('.d.ts')).map((f) => `models/${f}`);
const entryPoints = ['src/cli/main.ts', 'src/index.ts', 'workers/entry.ts', 'src/serve/pool-worker.ts', ...models];

// Chunks are named by content hash: remove the last build's, or they pile up.
rmSync(join(dist, 'chunks'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints,
  outdir: dist,
  outbase: '.',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});

/** Every TypeScript source under models/, by path relative to models/ (with '/'), and its SHA-256. */
function modelSourceHashes(dir) {
  const hashes = {};
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.m?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        hashes[relative(dir, path).split('\\').join('/')] = createHash('sha256').update(readFileSync(path)).digest('hex');
      }
    }
  };
  walk(dir);
  return Object.fromEntries(Object.entries(hashes).sort(([a], [b]) => (a < b ? -1 : 1)));
}
writeFileSync(join(dist, 'models', 'sources.json'), JSON.stringify(modelSourceHashes(join(root, 'models')), null, 2) + '\n');
