/** `ai-energy-mc sensitivity <model>`: which inputs decide an output or a claim. */
import { join } from 'node:path';
import { loadModel } from '../../model/load.ts';
import { checkTarget, parseMethod, runSensitivity, sensitivityFiles, type SensitivityMethod } from '../../sensitivity/index.ts';
import { cliTrajectories, methodHelp, methodsHelpText, samplesHelp } from '../../sensitivity/registry.ts';
import { checkDestination, openDestination } from '../../results/output-dir.ts';
import { writeErrorUnder } from '../../results/write-error.ts';
import { buildManifest } from '../../results/manifest.ts';
import { createProgress } from '../progress.ts';
import { interruptSignal } from '../interrupt.ts';
import { plainText, terminalText } from '../terminal-text.ts';
import { renderVisuals } from './report.ts';
import { resultsFolderName } from './run.ts';

export interface SensitivityCommandOptions {
  readonly output?: string;
  readonly claim?: string;
  readonly method: SensitivityMethod | 'all';
  readonly samples: number;
  /** `--samples` was given on the command line (with `--method morris` it then counts trajectories). */
  readonly samplesGiven?: boolean;
  /** `--trajectories`: Morris's r for `morris` and `all` alike (`cliTrajectories`). */
  readonly trajectories?: number;
  readonly seed: string;
  readonly workers: number;
  readonly set: Record<string, string>;
  /** --scenario: one of the model's scenarios. */
  readonly scenario?: string;
  readonly out?: string;
  /** --timeout: seconds the whole command may take (enforced in main.ts; bounds the preflight here). */
  readonly timeout?: number;
  /** Replace an earlier results folder at --out (never anything else). */
  readonly force?: boolean;
  readonly json: boolean;
  readonly quiet: boolean;
  readonly charts: boolean;
  readonly report: boolean;
}

export const DEFAULT_SENSITIVITY_SAMPLES = 8192;

export async function sensitivityCommand(ref: string, options: SensitivityCommandOptions, argv: readonly string[]): Promise<void> {
  checkTarget(options);
  const signal = interruptSignal(); // before loading: a signal at any moment is handled
  if (options.out !== undefined) checkDestination(options.out, { force: options.force }); // a wrong --out is said at once
  const handle = await loadModel(ref, options.set, { timeoutSeconds: options.timeout, ...(options.scenario !== undefined ? { scenario: options.scenario } : {}) });
  const progress = createProgress(`${handle.model.name} sensitivity`, { quiet: options.quiet });
  const startedAt = new Date();
  // Decided (and its temporary folder made) before any evaluation; see run.ts.
  const out = openDestination(options.out, options.force ?? false, join('results', 'runs', handle.model.name), `${resultsFolderName(startedAt, options.seed, handle.model.scenario)}-sensitivity`);
  try {
    const result = await runSensitivity(handle, {
      method: options.method,
      ...(options.output !== undefined ? { output: options.output } : {}),
      ...(options.claim !== undefined ? { claim: options.claim } : {}),
      samples: options.samples,
      trajectories: cliTrajectories({ method: options.method, samples: options.samples, samplesGiven: options.samplesGiven ?? false, trajectories: options.trajectories }),
      seed: options.seed,
      workers: options.workers,
      onProgress: (done, total) => progress.update(done, total),
      signal,
    });
    progress.end();
    const finishedAt = new Date();
    for (const warning of result.warnings) process.stderr.write(`warning: ${plainText(warning)}\n`);

    const manifest = buildManifest({
      handle,
      command: ['ai-energy-mc', ...argv],
      seed: options.seed,
      samples: options.samples,
      workers: options.workers,
      sampling: `sensitivity:${options.method}`,
      chunkSize: 0,
      percentiles: [],
      startedAt,
      finishedAt,
    });
    const files = sensitivityFiles(result);
    out.writeFiles({ ...files, 'manifest.json': JSON.stringify(manifest, null, 2) + '\n' });
    if (options.charts || options.report) await renderVisuals(out.tmp, { charts: options.charts, report: options.report, quiet: options.quiet });
    out.commit();
    if (options.json) process.stdout.write(files['sensitivity.json']);
    else process.stdout.write(`${terminalText(files['sensitivity.md'])}\nResults: ${out.path}\n`);
    out.finish();
  } catch (err) {
    out.discard();
    throw writeErrorUnder(err, [out.tmp], `the results folder ${out.path}`);
  }
}

/** `--method`, `--samples` and their help come from the method registry. */
export { methodHelp, methodsHelpText, parseMethod, samplesHelp };
