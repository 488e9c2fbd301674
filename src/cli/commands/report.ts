/**
 * `ai-energy-mc report <results-dir>` and `compare <results-dir>…`: charts and the HTML
 * report, re-rendered from finished results folders without re-running anything.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../errors.ts';

// vega, vega-lite and the PNG rasteriser are loaded only when a chart is drawn: a plain `run`
// starts faster and its threads stay smaller without them.
const charts = () => import('../../charts/index.ts');
const report = () => import('../../report/index.ts');

/** Charts (SVG, PNG, vega-lite JSON) under `charts/`, and/or `report.html`, inside a results folder. */
export async function renderVisuals(dir: string, what: { charts: boolean; report: boolean; quiet?: boolean }): Promise<string[]> {
  const written: string[] = [];
  if (!what.quiet) process.stderr.write('rendering charts …\n');
  if (what.charts || what.report) written.push(...(await (await charts()).renderResultCharts(dir, { png: what.charts })));
  if (what.report) written.push(await (await report()).writeReport(dir));
  return written;
}

export async function reportCommand(dir: string, options: { quiet: boolean }): Promise<void> {
  if (!existsSync(join(dir, 'summary.json')) && !existsSync(join(dir, 'sensitivity.json'))) {
    throw new InputError('results folder', dir, 'a folder written by `run` or `sensitivity` (with summary.json or sensitivity.json)');
  }
  const written = await renderVisuals(dir, { charts: true, report: true, quiet: options.quiet });
  process.stdout.write(`${written.filter((f) => !f.endsWith('.vl.json')).join('\n')}\n`);
}

export async function compareCommand(dirs: string[], options: { output: string; out?: string }): Promise<void> {
  for (const dir of dirs) {
    if (!existsSync(join(dir, 'summary.json'))) throw new InputError('compare', dir, 'a results folder with summary.json (written by `run`)');
  }
  const base = options.out ?? join('results', 'compare', `${options.output}-${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.svg`);
  const { renderComparison } = await charts();
  const files = [await renderComparison(dirs, options.output, base)];
  if (base.endsWith('.svg')) files.push(await renderComparison(dirs, options.output, base.replace(/\.svg$/, '.png')));
  process.stdout.write(`${files.join('\n')}\n`);
}
