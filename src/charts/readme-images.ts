/**
 * The README's pictures, regenerated from results folders (e.g. `results/reference/<model>/`):
 *
 *     npx tsx src/charts/readme-images.ts <out-dir> <results-dir>...
 *
 * writes `<out-dir>/<model>-<chart>.png` for each chart of `README_CHARTS` whose model's
 * folder is given, and prints the paths. Same renderer as `run --charts`, at 2×.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadResults } from './load.ts';
import { toPng, toSvg } from './render.ts';
import { chooseCharts } from './select.ts';

/** The charts the README shows, by model and chart name (`charts/<name>.png` in a results folder). */
export const README_CHARTS: readonly { readonly model: string; readonly chart: string }[] = [
  { model: 'edunov-2023', chart: 'distribution-annual_twh' },
  { model: 'edunov-2023', chart: 'exceedance-annual_twh' },
  { model: 'projection', chart: 'fan-annual_twh' },
];

export async function renderReadmeImages(outDir: string, resultsDirs: readonly string[]): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const dir of resultsDirs) {
    const results = await loadResults(dir);
    const model = results.summary?.model ?? results.sensitivity?.model;
    const wanted = new Set(README_CHARTS.filter((c) => c.model === model).map((c) => c.chart));
    for (const chart of chooseCharts(results)) {
      if (!wanted.has(chart.name)) continue;
      const file = join(outDir, `${model}-${chart.name}.png`);
      await writeFile(file, toPng(await toSvg(chart.spec)));
      written.push(file);
      wanted.delete(chart.name);
    }
    // A picture the README shows must not go missing quietly (a model that stopped declaring its series, say).
    if (wanted.size) throw new Error(`${dir}: no chart ${[...wanted].join(', ')} for the README (charts there: ${chooseCharts(results).map((c) => c.name).join(', ')})`);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [outDir, ...dirs] = process.argv.slice(2);
  if (!outDir || dirs.length === 0) {
    console.error('usage: tsx src/charts/readme-images.ts <out-dir> <results-dir>...');
    process.exit(2);
  }
  for (const f of await renderReadmeImages(outDir, dirs)) console.log(f);
}
