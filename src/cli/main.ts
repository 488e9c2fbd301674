/**
 * The command line: `run`, `sensitivity`, `report`, `compare`, `models` and `describe`.
 * Bad input ends with one line on stderr naming the field, the value and what is allowed,
 * and a non-zero exit; never a stack trace.
 */
import { Command, CommanderError, Option } from 'commander';
import { InputError, InterruptedError, ModelError, RunError } from '../errors.ts';
import { interruptedMessage } from './interrupt.ts';
import { isSystemError, oneLine, systemErrorLine, unexpectedErrorLine } from './error-line.ts';
import { EXIT_TIMEOUT, withTimeout } from './timeout.ts';
import { AbortedError } from '../engine/runner.ts';
import { ENGINE_VERSION } from '../version.ts';
import { examples, helpConfiguration } from './help.ts';
import {
  collectLabel,
  collectSet,
  defaultWorkers,
  parseMaxSamples,
  parsePercentileMethod,
  parsePercentiles,
  parsePrecision,
  parsePrecisionPercentile,
  parseSampling,
  parseSamples,
  parseSeed,
  parseTimeout,
  parseTrajectories,
  parseWorkers,
} from './options.ts';
import { DEFAULT_SAMPLES, runCommand } from './commands/run.ts';
import { modelsCommand } from './commands/models.ts';
import { addDistributedCommands, runOrShard, viaQueue } from './commands/distributed.ts';
import { describeCommand } from './commands/describe.ts';
import { parsePort, serveCommand } from './commands/serve.ts';
import { compareCommand, reportCommand } from './commands/report.ts';
import { DEFAULT_SENSITIVITY_SAMPLES, methodHelp, methodsHelpText, parseMethod, samplesHelp, sensitivityCommand } from './commands/sensitivity.ts';

export const EXIT_INPUT = 2;
export const EXIT_MODEL = 3;
export const EXIT_INTERRUPTED = 130;
export { EXIT_TIMEOUT };

export function buildProgram(argv: readonly string[]): Command {
  const program = new Command('ai-energy-mc')
    .description('Seeded, parallel Monte Carlo with honest error bars on claims about the electricity AI uses.')
    .version(ENGINE_VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp(helpConfiguration) // before the commands: they inherit it
    .option('--debug', 'on an error, also print its stack trace (or set AI_ENERGY_MC_DEBUG=1)')
    .exitOverride()
    .addHelpText('after', examples([
      ['ai-energy-mc run edunov-2023', 'run a built-in model: summary on stdout, results folder on disk'],
      ['ai-energy-mc sensitivity edunov-2023 --charts', 'which inputs decide its answer'],
      ['ai-energy-mc compare results/runs/edunov-2023/* --label base --label high', 'several runs side by side'],
    ]));

  program
    .command('run')
    .description('run a model: summary on stdout, results folder on disk')
    .argument('[model]', 'built-in model name or path to a model file (.ts, .mts, .js, .mjs)', 'edunov-2023')
    .option('-n, --samples <N>', `number of samples (default ${DEFAULT_SAMPLES.toLocaleString('en-US')})`, parseSamples, DEFAULT_SAMPLES)
    .option('--seed <S>', 'random seed (any text); the same seed gives the same bytes for any --workers', parseSeed, '1')
    .option('-w, --workers <W>', 'worker threads (default: one per core)', parseWorkers, defaultWorkers())
    .addOption(new Option('--sampling <method>', 'mc (plain Monte Carlo), lhs (Latin hypercube) or sobol (scrambled Sobol sequence)').argParser(parseSampling).default('mc'))
    .option('--percentiles <list>', 'comma-separated percentiles (default 1,5,10,25,50,75,90,95,99)', parsePercentiles)
    .option('--set <name=dist>', "replace a parameter's distribution, e.g. --set gpus='lognormal(p5=1e6, p95=2e6)' (repeatable)", collectSet, {})
    .option('--scenario <name>', "apply one of the model's scenarios (--set stacks on top), or 'all': the base and every scenario, same seed, one folder")
    .option('-o, --out <dir>', 'results folder: a new or empty folder (default results/runs/<model>/<timestamp>-<seed>)')
    .option('--force', 'replace an earlier results folder at --out once the new one is complete (never any other folder or file)', false)
    .option('--json', 'print summary.json on stdout and nothing else', false)
    .option('-q, --quiet', 'no progress bar', false)
    .option('--precision <rel>', 'add samples until each targeted 95% interval is within ±rel of its estimate, e.g. 0.5%', parsePrecision)
    .option('--precision-output <name>', 'target only this output (default: p95 of every output and every claim to ±0.005)')
    .option('--precision-percentile <p>', 'the percentile to target with --precision-output (default p95)', parsePrecisionPercentile, 95)
    .option('--max-samples <N>', 'with --precision: the most samples to take (default 10,000,000)', parseMaxSamples, 10_000_000)
    .addOption(new Option('--percentile-method <m>', 'auto (exact up to 10^7 samples, then ddsketch), exact, or ddsketch').argParser(parsePercentileMethod).default('auto'))
    .option('--charts', 'also render charts (SVG, PNG, vega-lite JSON) into <out>/charts/', false)
    .option('--report', 'also write a self-contained report.html into <out>', false)
    .option('--timeout <seconds>', `stop the whole run after this many seconds (exit ${EXIT_TIMEOUT}, nothing written)`, parseTimeout)
    .addHelpText('after', examples([
      ['ai-energy-mc run edunov-2023 -n 1e6 --charts --report', 'a million samples, with charts and report.html in the results folder'],
      ["ai-energy-mc run inference-fleet --set pue=1.2 --percentiles 2.5,50,97.5", 'one parameter replaced; the table shows p2.5, p50 and p97.5'],
      ['ai-energy-mc run edunov-2023 --precision 0.5% --json > summary.json', 'sample until every p95 and claim is within ±0.5%; summary.json on stdout'],
    ]))
    .action(async (model: string, opts) => withTimeout(opts.timeout, 'run', () => runOrShard(model, opts, argv, () => runCommand(model, opts, argv))));

  program
    .command('sensitivity')
    .description('which inputs decide an output or a claim: tornado, Spearman, PRCC, Sobol indices, Morris screening')
    .argument('[model]', 'built-in model name or path to a model file', 'edunov-2023')
    .option('--output <name>', "the output to analyse (default: the model's primary output, else its first)")
    .option('--claim <name>', 'analyse whether a claim holds (its 0/1 indicator) instead of an output')
    .addOption(new Option('--method <m>', methodHelp()).argParser(parseMethod).default('all'))
    .option('-n, --samples <N>', samplesHelp(), parseSamples, DEFAULT_SENSITIVITY_SAMPLES)
    .option('--trajectories <r>', 'Morris trajectories, for --method morris and all alike (default 50; with --method morris, -n if given)', parseTrajectories)
    .option('--seed <S>', 'random seed; the same seed gives the same indices for any --workers', parseSeed, '1')
    .option('-w, --workers <W>', 'worker threads (default: one per core)', parseWorkers, defaultWorkers())
    .option('--set <name=dist>', "replace a parameter's distribution (repeatable)", collectSet, {})
    .option('--scenario <name>', "analyse one of the model's scenarios (--set stacks on top)")
    .option('-o, --out <dir>', 'results folder: a new or empty folder (default results/runs/<model>/<timestamp>-<seed>-sensitivity)')
    .option('--force', 'replace an earlier results folder at --out once the new one is complete (never any other folder or file)', false)
    .option('--json', 'print sensitivity.json on stdout and nothing else', false)
    .option('-q, --quiet', 'no progress bar', false)
    .option('--charts', 'also render the sensitivity charts into <out>/charts/', false)
    .option('--report', 'also write report.html into <out>', false)
    .option('--timeout <seconds>', `stop the whole analysis after this many seconds (exit ${EXIT_TIMEOUT}, nothing written)`, parseTimeout)
    .addHelpText('after', methodsHelpText())
    .addHelpText('after', examples([
      ['ai-energy-mc sensitivity edunov-2023', "every method on the model's primary output"],
      ['ai-energy-mc sensitivity edunov-2023 --claim two_reactors_suffice --method sobol -n 4096', 'Sobol indices of a claim holding'],
      ['ai-energy-mc sensitivity inference-fleet --method morris --charts', 'Morris screening, with the charts'],
    ]))
    .action(async (model: string, opts, cmd: Command) =>
      withTimeout(opts.timeout, 'sensitivity analysis', () => viaQueue(opts, () => sensitivityCommand(model, { ...opts, samplesGiven: cmd.getOptionValueSource('samples') === 'cli' }, argv))));

  program
    .command('report')
    .description('render charts and report.html from a finished results folder, without re-running')
    .argument('<results-dir>', 'a folder written by run or sensitivity, or a folder of runs (results/runs/<model>): its latest complete run')
    .option('-q, --quiet', 'no progress messages', false)
    .addHelpText('after', examples([
      ['ai-energy-mc report results/runs/edunov-2023/20250101T120000Z-1', 'charts/ and report.html in that results folder'],
      ['ai-energy-mc report results/runs/edunov-2023', "the model's latest complete run (said on stderr)"],
    ]))
    .action(async (dir: string, opts) => reportCommand(dir, opts));

  program
    .command('compare')
    .description('one output and the claims across several results folders: a table on stdout and a chart (p5–p95, p25–p75, median)')
    .argument('<results-dir...>', 'folders written by run')
    .option('--output <name>', "the output to compare (default: the first run's primary output, else annual_twh)")
    .option('--label <name>', 'how to name a run in the table and chart; once per folder, in order (default: model · scenario)', collectLabel, [])
    .option('-o, --out <file>', 'chart file: .svg (also writes a .png beside it), .png or .json (default results/compare/<output>-<time>.svg)')
    .option('--force', 'replace an existing chart file at --out (never a folder or any other file)', false)
    .addHelpText('after', examples([
      ['ai-energy-mc compare results/reference/edunov-2023 results/reference/inference-fleet --output reactors', 'two models side by side: table on stdout, chart under results/compare/'],
      ['ai-energy-mc compare runs/a runs/b --label "700 W" --label "1 kW" --out cmp.svg', 'named runs, the chart at cmp.svg (and cmp.png)'],
    ]))
    .action(async (dirs: string[], opts) => compareCommand(dirs, opts));

  program
    .command('models')
    .description('list the built-in models')
    .option('--json', 'machine-readable listing', false)
    .addHelpText('after', examples([
      ['ai-energy-mc models', 'name, title and size of each built-in model'],
      ["ai-energy-mc models --json | jq -r '.[].name'", 'the names, for a script'],
    ]))
    .action(async (opts) => modelsCommand(opts));

  program
    .command('describe')
    .description("print a model's parameters with distribution, unit and source")
    .argument('<model>', 'built-in model name or path to a model file')
    .option('--set <name=dist>', 'show the model with a parameter replaced (repeatable)', collectSet, {})
    .option('--scenario <name>', "show the model with one of its scenarios applied")
    .option('--json', 'machine-readable description', false)
    .addHelpText('after', examples([
      ['ai-energy-mc describe edunov-2023', 'parameters with distribution, unit and source; outputs; claims'],
      ["ai-energy-mc describe edunov-2023 --set gpus='lognormal(p5=1e6, p95=3e6)'", 'the same with a parameter replaced'],
      ['ai-energy-mc describe ./my-model.ts --json', 'a model file of your own, machine-readable'],
    ]))
    .action(async (model: string, opts) => describeCommand(model, opts));

  program
    .command('serve')
    .description('the explorer in the browser: change an input, see the claims and charts update (127.0.0.1 only)')
    .argument('[model]', 'built-in model name or path to a model file (the page offers the built-in models too)', 'edunov-2023')
    .addOption(new Option('--port <N>', 'port to listen on (0: any free port)').argParser(parsePort).default(8765, '8765'))
    .option('-n, --samples <N>', 'samples of the first answer to each change', parseSamples, 100_000)
    .option('--max-samples <N>', 'the most samples a request may ask for; after 0.5 s without input the page grows its run towards it', parseMaxSamples, 1_000_000)
    .option('--seed <S>', 'random seed the page starts with', parseSeed, '1')
    .option('-w, --workers <W>', 'worker threads of the warm pool shared by all requests (default: one per core)', parseWorkers, defaultWorkers())
    .option('--no-open', 'do not open a browser, only print the URL')
    .addHelpText('after', examples([
      ['ai-energy-mc serve', 'the explorer on edunov-2023 at http://127.0.0.1:8765/'],
      ['ai-energy-mc serve ./my-model.ts --port 9000 --no-open', 'a model file of your own (the built-in ones are offered too)'],
    ]))
    .action(async (model: string, opts) => serveCommand(model, opts));

  addDistributedCommands(program, argv);
  return program;
}

/** Runs the CLI and returns the exit code (the bin script passes it to the process). */
export async function main(argv: readonly string[]): Promise<number> {
  const debug = debugRequested(argv, process.env);
  catchStrayFailures(debug);
  const program = buildProgram(argv);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (err) {
    return reportError(err, debug);
  }
}

/**
 * `--debug` anywhere before a `--`, or AI_ENERGY_MC_DEBUG=1. Read from argv rather than from the
 * parsed options because an error may come before (or from) parsing them.
 */
export function debugRequested(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--debug') || env.AI_ENERGY_MC_DEBUG === '1';
}

/**
 * A rejected promise nobody awaited or an exception thrown from a callback (a model's timer, a
 * library's stream) would otherwise end the process with Node's own multi-line report: it gets
 * the same one line, and the process exits at once, since its state is no longer known.
 */
let strayFailuresCaught = false;
function catchStrayFailures(debug: boolean): void {
  if (strayFailuresCaught) return;
  strayFailuresCaught = true;
  const fail = (err: unknown, what: string) => {
    process.stderr.write(`error: ${isSystemError(err) ? systemErrorLine(err) : `${what}: ${unexpectedErrorLine(err, debug)}`}\n`);
    if (debug) printStack(err);
    process.exit(1);
  };
  process.on('uncaughtException', (err) => fail(err, 'an exception escaped from a callback'));
  process.on('unhandledRejection', (reason) => fail(reason, "a promise was rejected and nothing handled it (a model's compute must not start promises)"));
}

function printStack(err: unknown): void {
  if (err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
}

function reportError(err: unknown, debug = false): number {
  const code = reportOne(err, debug);
  if (debug && !(err instanceof CommanderError)) printStack(err instanceof Error && err.cause instanceof Error ? err.cause : err);
  return code;
}

function reportOne(err: unknown, debug: boolean): number {
  if (err instanceof CommanderError) {
    // Commander has already printed its message (and help for --help/--version, which exit 0).
    return err.exitCode === 0 ? 0 : EXIT_INPUT;
  }
  // A parser that throws inside commander arrives wrapped; unwrap to our own error.
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  if (cause instanceof InputError) {
    process.stderr.write(`error: ${oneLine(cause.message)}\n`);
    return EXIT_INPUT;
  }
  if (cause instanceof ModelError) {
    process.stderr.write(`error: ${oneLine(cause.message)}\n`);
    return EXIT_MODEL;
  }
  if (cause instanceof RunError) {
    process.stderr.write(`error: ${oneLine(cause.message)}\n`);
    return cause.exitCode;
  }
  if (cause instanceof InterruptedError) {
    process.stderr.write(`${interruptedMessage(cause.signal)}\n`);
    return cause.exitCode;
  }
  if (cause instanceof AbortedError) {
    // Signals end the process in interrupt.ts; an abort that still arrives here came from SIGINT.
    process.stderr.write(`${interruptedMessage('SIGINT')}\n`);
    return EXIT_INTERRUPTED;
  }
  if (isSystemError(cause)) {
    process.stderr.write(`error: ${systemErrorLine(cause)}\n`);
    return 1;
  }
  process.stderr.write(`error: ${unexpectedErrorLine(cause, debug)}\n`);
  return 1;
}
