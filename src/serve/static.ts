/**
 * The page's files: the explorer from web/ and the browser builds of vega, vega-lite, vega-embed
 * and vega-interpreter from node_modules (no CDN: the page works offline). Only the files listed
 * here are served, by exact name: a URL never becomes a path on disk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';

const require = createRequire(import.meta.url);
const WEB = join(PACKAGE_ROOT, 'web');

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  png: 'image/png',
  svg: 'image/svg+xml',
};

export interface StaticFile {
  readonly type: string;
  readonly body: Buffer;
}

/** A package's folder, found from its entry (vega-interpreter through vega-embed, which depends on it). */
function packageDir(name: string, from?: string): string {
  const entry = require.resolve(name, from ? { paths: [from] } : undefined);
  const at = entry.lastIndexOf(join('node_modules', name));
  if (at < 0) throw new Error(`cannot find the package ${name} in node_modules (found ${entry})`);
  return entry.slice(0, at + join('node_modules', name).length);
}

function vendorFiles(): Map<string, () => Buffer> {
  const files = new Map<string, () => Buffer>();
  const vega = packageDir('vega');
  const embed = packageDir('vega-embed');
  const interpreter = packageDir('vega-interpreter', embed);
  const util = packageDir('vega-util', interpreter);
  files.set('/vendor/vega.min.js', () => readFileSync(join(vega, 'build', 'vega.min.js')));
  files.set('/vendor/vega-lite.min.js', () => readFileSync(join(packageDir('vega-lite'), 'build', 'vega-lite.min.js')));
  files.set('/vendor/vega-embed.min.js', () => readFileSync(join(embed, 'build', 'vega-embed.min.js')));
  // An ES module importing 'vega-util' by its bare name: pointed at the copy served below.
  files.set('/vendor/vega-interpreter.js', () =>
    Buffer.from(readFileSync(join(interpreter, 'build', 'vega-interpreter.js'), 'utf8').replace(/from 'vega-util'/g, "from '/vendor/vega-util/index.js'")),
  );
  const utilBuild = join(util, 'build');
  for (const f of readdirSync(utilBuild)) if (/^[A-Za-z]+\.js$/.test(f)) files.set(`/vendor/vega-util/${f}`, () => readFileSync(join(utilBuild, f)));
  return files;
}

let table: Map<string, () => Buffer> | undefined;

/** The file served at `pathname`, if any. */
export function staticFile(pathname: string): StaticFile | undefined {
  if (!table) {
    table = vendorFiles();
    for (const f of readdirSync(WEB)) if (/^[a-z0-9-]+\.(html|js|css|png|svg)$/.test(f)) table.set(`/${f}`, () => readFileSync(join(WEB, f)));
    table.set('/', () => readFileSync(join(WEB, 'index.html')));
  }
  const read = table.get(pathname);
  if (!read) return undefined;
  const ext = pathname === '/' ? 'html' : pathname.slice(pathname.lastIndexOf('.') + 1);
  return { type: TYPES[ext] ?? 'application/octet-stream', body: read() };
}

