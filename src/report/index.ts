/**
 * The HTML report of a results folder: `writeReport(dir)` writes `<dir>/report.html`.
 *
 * Stages: load the folder (`charts/load.ts`) → choose the charts (`charts/select.ts`) → check
 * that every spec compiles with vega-lite without warnings (so the page never shows a chart
 * that the CLI would have refused) → build the page (`html.ts`) with the libraries and fonts
 * inlined (`assets.ts`) → write it.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadResults } from '../charts/load.ts';
import { compileChart } from '../charts/render.ts';
import { chooseCharts } from '../charts/select.ts';
import type { ChartChoiceOptions } from '../charts/select.ts';
import { reportAssets } from './assets.ts';
import { buildReport } from './html.ts';

export { buildReport } from './html.ts';
export { escapeHtml, html, jsonForScript } from './escape.ts';

export interface ReportOptions extends ChartChoiceOptions {
  /** Where to write the page (default `<resultsDir>/report.html`): `report` writes into a staging folder. */
  readonly file?: string;
}

/** Writes `report.html` into a results folder and returns its path. */
export async function writeReport(resultsDir: string, options: ReportOptions = {}): Promise<string> {
  const results = await loadResults(resultsDir);
  const charts = chooseCharts(results, options);
  for (const c of charts) compileChart(c.spec);
  const page = buildReport({ results, charts, assets: reportAssets() });
  const file = options.file ?? join(resultsDir, 'report.html');
  await writeFile(file, page);
  return file;
}
