/**
 * Charts for results folders: the entry points the CLI calls.
 *
 * Stages of `renderResultCharts`: load the folder (`load.ts`) → choose the charts and build
 * their vega-lite specs (`select.ts`, one module per chart kind) → compile and render each
 * to SVG (`render.ts`, headless vega) → rasterise to PNG (resvg with bundled Inter) → write
 * `charts/<name>.vl.json`, `.svg` and `.png` beside summary.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../errors.ts';
import type { Summary } from '../results/types.ts';
import { compareChart } from './compare.ts';
import { loadResults } from './load.ts';
import { ChartRenderError, toPng, toSvg } from './render.ts';
import { chooseCharts, compareRuns } from './select.ts';
import type { ChartChoiceOptions } from './select.ts';

export { chooseCharts } from './select.ts';
export { loadResults } from './load.ts';
export { ChartRenderError, toPng, toSvg } from './render.ts';
export type { NamedChart } from './types.ts';
export type { SensitivityReading } from '../sensitivity/result.ts';

export interface RenderChartsOptions extends ChartChoiceOptions {
  /** Also write PNGs (2× scale). Default true. */
  readonly png?: boolean;
  /** Where the chart files go (default `<resultsDir>/charts`): `report` renders into a staging folder. */
  readonly outDir?: string;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** The spec as written to `.vl.json`: with `$schema`, so editors and the Vega editor know it. */
export function specFile(spec: TopLevelSpec): string {
  return `${JSON.stringify({ $schema: SCHEMA, ...spec }, null, 2)}\n`;
}

/**
 * Renders every chart that suits a results folder into `<resultsDir>/charts/`.
 * Returns the paths written, in chart order (`.vl.json`, `.svg`, then `.png` per chart).
 * If some chart fails to render, the others are still written and a `ChartRenderError`
 * naming each failure is thrown at the end.
 */
export async function renderResultCharts(resultsDir: string, options: RenderChartsOptions = {}): Promise<string[]> {
  const results = await loadResults(resultsDir);
  const charts = chooseCharts(results, options);
  const outDir = options.outDir ?? join(resultsDir, 'charts');
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const failed: string[] = [];
  for (const chart of charts) {
    const base = join(outDir, chart.name);
    let svg: string;
    try {
      svg = await toSvg(chart.spec);
    } catch (err) {
      // One chart that vega-lite or vega objects to does not cost the others; all failures are reported at the end.
      failed.push(`${chart.name}: ${(err as Error).message}`);
      continue;
    }
    await writeFile(`${base}.vl.json`, specFile(chart.spec));
    await writeFile(`${base}.svg`, svg);
    written.push(`${base}.vl.json`, `${base}.svg`);
    if (options.png ?? true) {
      await writeFile(`${base}.png`, toPng(svg));
      written.push(`${base}.png`);
    }
  }
  if (failed.length) throw new ChartRenderError(`${failed.length} of ${charts.length} charts could not be drawn (the others were written):\n${failed.join('\n')}`, failed);
  return written;
}

/**
 * Draws one output across several results folders (p5–p95, p25–p75, median) into `outFile`;
 * its extension picks the format: `.svg`, `.png`, or `.json` (the vega-lite spec).
 * Returns the path written.
 */
export async function renderComparison(dirs: readonly string[], output: string, outFile: string): Promise<string> {
  return drawComparison(await loadComparison(dirs, output), output, outFile);
}

export interface ComparedRun {
  readonly dir: string;
  readonly summary: Summary;
  /** How the chart names the run (`compare --label`, or the CLI's default label). */
  readonly label?: string;
}

/** The runs a comparison of `output` draws; refuses, before anything is written, a folder that lacks it. */
export async function loadComparison(dirs: readonly string[], output: string): Promise<ComparedRun[]> {
  if (dirs.length === 0) throw new InputError('compare', dirs, 'one or more results folders');
  const runs: ComparedRun[] = [];
  for (const dir of dirs) {
    const { summary } = await loadResults(dir);
    if (!summary) throw new InputError('compare', dir, 'a results folder with summary.json (written by `run`)');
    // Own entries only (the loader's maps have no prototype): `--output toString` is not an output.
    if (!Object.hasOwn(summary.outputs, output)) {
      throw new InputError('--output', output, `an output that ${dir} has: ${Object.keys(summary.outputs).join(', ') || '(none)'}`);
    }
    const missing = ['p5', 'p50', 'p95'].filter((k) => !Number.isFinite(summary.outputs[output].percentiles[k]));
    if (missing.length > 0) {
      throw new InputError(
        `${join(dir, 'summary.json')}: outputs.${output}.percentiles`,
        missing.map((k) => `${k}: ${k in summary.outputs[output].percentiles ? 'null' : 'absent'}`).join(', '),
        'p5, p50 and p95 as numbers to draw a comparison (a run with the default --percentiles writes them)',
      );
    }
    runs.push({ dir, summary });
  }
  return runs;
}

/** Draws a comparison loaded by `loadComparison` into `outFile` (.svg, .png or .json). */
export async function drawComparison(runs: readonly ComparedRun[], output: string, outFile: string): Promise<string> {
  // A label only when every run declares the same one: runs of different models may mean different things by one name.
  const labels = new Set(runs.map((r) => r.summary.outputs[output]?.label));
  const [label] = labels;
  const spec = compareChart({ output, runs: compareRuns(runs, output), ...(labels.size === 1 && label !== undefined ? { label } : {}) });
  const ext = extname(outFile).toLowerCase();
  await mkdir(dirname(outFile), { recursive: true });
  if (ext === '.json') await writeFile(outFile, specFile(spec));
  else if (ext === '.svg') await writeFile(outFile, await toSvg(spec));
  else if (ext === '.png') await writeFile(outFile, toPng(await toSvg(spec)));
  else throw new InputError('compare output file', outFile, 'a path ending in .svg, .png or .json');
  return outFile;
}
