/**
 * `ai-energy-mc report <results-dir>` and `compare <results-dir>…`: charts and the HTML
 * report, re-rendered from finished results folders without re-running anything.
 *
 * Both write all or nothing: `report` renders into a staging folder inside the results folder and
 * swaps `charts/` and `report.html` in by renames (`results/replace-entries.ts`); `compare` writes a
 * temporary file beside its destination and renames it (`results/output-file.ts`). A failure or a
 * signal leaves what was there before.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { InputError } from '../../errors.ts';
import { openEntriesReplacement } from '../../results/replace-entries.ts';
import { openNewOutputFiles, openOutputFile, type OutputFile } from '../../results/output-file.ts';
import { writeErrorUnder } from '../../results/write-error.ts';
import { interruptSignal } from '../interrupt.ts';
import { checkLabelCount, compareLabels, compareText, defaultCompareOutput } from '../compare-table.ts';
import { plainText, terminalText } from '../terminal-text.ts';

// vega, vega-lite and the PNG rasteriser are loaded only when a chart is drawn: a plain `run`
// starts faster and its threads stay smaller without them.
const charts = () => import('../../charts/index.ts');
const report = () => import('../../report/index.ts');

const CHART_EXTENSIONS = ['.svg', '.png', '.json'];

/**
 * Charts (SVG, PNG, vega-lite JSON) under `charts/`, and/or `report.html`, from the results folder
 * `dir`, written into `into` (default `dir` itself).
 */
export async function renderVisuals(dir: string, what: { charts: boolean; report: boolean; quiet?: boolean }, into = dir): Promise<string[]> {
  const written: string[] = [];
  if (!what.quiet) process.stderr.write('rendering charts …\n');
  if (what.charts || what.report) written.push(...(await (await charts()).renderResultCharts(dir, { png: what.charts, outDir: join(into, 'charts') })));
  if (what.report) written.push(await (await report()).writeReport(dir, { file: join(into, 'report.html') }));
  return written;
}

export async function reportCommand(given: string, options: { quiet: boolean }): Promise<void> {
  interruptSignal();
  const dir = isResultsFolder(given) ? given : (refuseScenarioFolder(given), latestRun(given));
  const staged = openEntriesReplacement(dir, { charts: 'folder', 'report.html': 'file' });
  try {
    const written = await renderVisuals(dir, { charts: true, report: true, quiet: options.quiet }, staged.tmp);
    staged.commit();
    process.stdout.write(`${written.filter((f) => !f.endsWith('.vl.json')).map((f) => join(dir, relative(staged.tmp, f))).join('\n')}\n`);
    staged.finish();
  } catch (err) {
    staged.discard();
    throw writeErrorUnder(err, [staged.tmp], `charts and report.html into ${dir}`, 'free some space or check the folder; the old charts are unchanged');
  }
}

/**
 * A `run --scenario all` folder holds one results folder per scenario: it is not a folder of runs
 * whose latest is the one wanted, so name the folders instead of picking one.
 */
function refuseScenarioFolder(dir: string): void {
  let scenarios: unknown;
  try {
    if (!existsSync(join(dir, 'scenarios.csv'))) return;
    scenarios = (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { scenarios?: unknown }).scenarios;
  } catch {
    return;
  }
  if (typeof scenarios !== 'object' || scenarios === null) return;
  const folders = Object.values(scenarios as Record<string, { folder?: unknown }>)
    .map((s) => s?.folder)
    .filter((f): f is string => typeof f === 'string');
  throw new InputError(
    'results folder',
    dir,
    `one scenario's results folder: this is a \`run --scenario all\` folder, so run report on each of ${folders.map((f) => join(dir, f)).join(', ')}`,
  );
}

function isResultsFolder(dir: string): boolean {
  return existsSync(join(dir, 'summary.json')) || existsSync(join(dir, 'sensitivity.json'));
}

/**
 * A folder of runs (`results/runs/<model>/`): its latest complete run, by the `finishedAt` its
 * manifest records (folder names sort by start time and seed, not by when a run finished), said on
 * stderr. Hidden folders (a run still being written, `.tmp-…`) are not runs.
 */
function latestRun(dir: string): string {
  const allowed = 'a results folder (with summary.json or sensitivity.json) or a folder of runs such as results/runs/<model>';
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new InputError('results folder', dir, `${allowed}; ${existsSync(dir) ? 'this is not a folder that can be read' : 'no such folder'}`);
  }
  let latest: { path: string; finished: number; at: string } | undefined;
  for (const name of names.filter((n) => !n.startsWith('.')).sort()) {
    const path = join(dir, name);
    const at = finishedAt(path);
    if (at === undefined || !isResultsFolder(path)) continue;
    const finished = Date.parse(at);
    if (!latest || finished >= latest.finished) latest = { path, finished, at };
  }
  if (!latest) throw new InputError('results folder', dir, `${allowed}; it holds no complete run (a folder with manifest.json and summary.json or sensitivity.json)`);
  process.stderr.write(`report: the latest complete run in ${plainText(dir)} is ${plainText(relative(dir, latest.path))} (finished ${plainText(latest.at)})\n`);
  return latest.path;
}

/** A run's `manifest.json` finishedAt, when the manifest reads and the time parses. */
function finishedAt(dir: string): string | undefined {
  try {
    const manifest: unknown = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const at = typeof manifest === 'object' && manifest !== null ? (manifest as { finishedAt?: unknown }).finishedAt : undefined;
    return typeof at === 'string' && Number.isFinite(Date.parse(at)) ? at : undefined;
  } catch {
    return undefined;
  }
}

export interface CompareOptions {
  /** Default: the first run's primary output, else annual_twh (`defaultCompareOutput`). */
  readonly output?: string;
  /** One per folder, in order; empty for the default labels. */
  readonly label: readonly string[];
  readonly out?: string;
  readonly force?: boolean;
}

export async function compareCommand(dirs: string[], options: CompareOptions): Promise<void> {
  interruptSignal();
  checkLabelCount(options.label, dirs);
  for (const dir of dirs) {
    if (!existsSync(join(dir, 'summary.json'))) throw new InputError('compare', dir, 'a results folder with summary.json (written by `run`)');
  }
  // Read and checked before any file is opened: a wrong --output writes nothing, not even a folder.
  const { loadComparison, drawComparison, loadResults } = await charts();
  const firstSummary = (await loadResults(dirs[0])).summary;
  const output = options.output ?? (firstSummary ? defaultCompareOutput(firstSummary, dirs[0]) : 'annual_twh');
  const loaded = await loadComparison(dirs, output);
  const labels = compareLabels(loaded, options.label);
  const runs = loaded.map((r, i) => ({ ...r, label: labels[i] }));
  const files = openCompareFiles({ ...options, output });
  try {
    for (const f of files) await drawComparison(runs, output, f.tmp);
    for (const f of files) f.commit();
    process.stdout.write(`${terminalText(compareText(runs, output))}\n\n${files.map((f) => plainText(f.path)).join('\n')}\n`);
    for (const f of files) f.finish();
  } catch (err) {
    for (const f of files) f.discard();
    throw writeErrorUnder(err, files.map((f) => f.tmp), files.map((f) => f.path).join(' and '), 'choose another --out');
  }
}

/** The chart file, and the PNG written beside an SVG; all checked before anything is drawn. */
function openCompareFiles(options: { output: string; out?: string; force?: boolean }): OutputFile[] {
  if (options.out === undefined) {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    return openNewOutputFiles(join('results', 'compare'), `${options.output.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 60)}-${stamp}`, ['.svg', '.png']);
  }
  const paths = [options.out];
  if (extname(options.out).toLowerCase() === '.svg') paths.push(options.out.slice(0, -'.svg'.length) + '.png');
  const opened: OutputFile[] = [];
  try {
    for (const p of paths) opened.push(openOutputFile(p, { force: options.force, extensions: CHART_EXTENSIONS }));
  } catch (err) {
    for (const o of opened) o.discard();
    throw err;
  }
  return opened;
}
