/**
 * What the report inlines so it needs no network when opened: the browser builds of vega,
 * vega-lite and vega-embed (UMD files that set `window.vega`, `window.vegaLite` and
 * `window.vegaEmbed`), and Inter as data-URL fonts. Read from node_modules once per process.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { interFontFile } from '../charts/fonts.ts';

const require = createRequire(import.meta.url);

export interface ReportAssets {
  /** Library scripts in load order: vega, vega-lite, vega-embed. */
  readonly scripts: readonly { readonly name: string; readonly code: string }[];
  /** Inter as base64 TTF, by weight. */
  readonly fonts: Readonly<Record<400 | 600, string>>;
}

/** The directory of a package's main entry (the packages export their browser builds beside it). */
function buildDir(pkg: string): string {
  return dirname(require.resolve(pkg));
}

const BROWSER_BUILDS = [
  { name: 'vega', file: () => join(buildDir('vega'), 'vega.min.js') },
  { name: 'vega-lite', file: () => join(buildDir('vega-lite'), 'vega-lite.min.js') },
  { name: 'vega-embed', file: () => join(buildDir('vega-embed'), 'vega-embed.min.js') },
];

/**
 * Code inlined in a `<script>` must not contain `</script` (it would end the element) or
 * `<!--` / `<script` (they switch the HTML parser into its escaped-script states). The
 * shipped builds contain none; a future build that did would be caught here.
 */
export function checkInlineScript(name: string, code: string): string {
  const bad = /<\/script|<!--|<script/i.exec(code);
  if (bad) throw new Error(`cannot inline ${name}: it contains "${bad[0]}"`);
  return code;
}

let cached: ReportAssets | undefined;

export function reportAssets(): ReportAssets {
  cached ??= {
    scripts: BROWSER_BUILDS.map(({ name, file }) => ({ name, code: checkInlineScript(name, readFileSync(file(), 'utf8')) })),
    fonts: {
      400: readFileSync(interFontFile(400)).toString('base64'),
      600: readFileSync(interFontFile(600)).toString('base64'),
    },
  };
  return cached;
}

/** The CSP source for an inline script: `'sha256-…'` of its exact text. */
export function scriptHash(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}
