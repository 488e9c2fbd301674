/**
 * `ai-energy-mc serve [model|path]`: the explorer in the browser (src/serve). Binds 127.0.0.1
 * only, prints the URL, offers the built-in models plus the file given here, and runs until
 * interrupted (Ctrl-C closes the server and its threads, then exits 0).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { InputError } from '../../errors.ts';
import { takeOverSignals } from '../signals.ts';
import { builtinModelNames, loadModel } from '../../model/load.ts';

export interface ServeCommandOptions {
  readonly port: number;
  readonly samples: number;
  readonly maxSamples: number;
  readonly seed: string;
  readonly workers: number;
  /** commander's `--no-open`: false when given. */
  readonly open: boolean;
}

export function parsePort(text: string): number {
  const port = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError('--port', text, 'a port number from 0 (any free port) to 65535, e.g. 8765');
  return port;
}

export async function serveCommand(ref: string, options: ServeCommandOptions): Promise<void> {
  if (options.samples > options.maxSamples) {
    throw new InputError('--samples', options.samples, `at most --max-samples (${options.maxSamples.toLocaleString('en-US')}); raise --max-samples or lower --samples`);
  }
  const catalog = new Map<string, string>(builtinModelNames().map((n) => [n, n]));
  let name = ref;
  if (!catalog.has(ref)) {
    // A file of the user's: offered under its model's name, run by its path.
    const { model, file } = await loadModel(ref);
    name = model.name;
    catalog.set(name, resolve(file));
  }
  // The server, the charts and the pool load only for this command.
  const { startServer } = await import('../../serve/server.ts');
  const server = await startServer({
    catalog,
    settings: { samples: options.samples, maxSamples: options.maxSamples, seed: options.seed, workers: Math.max(1, options.workers), model: name },
    port: options.port,
  });
  const url = `${server.url}?model=${encodeURIComponent(name)}`;
  process.stdout.write(`Explorer for ${name} at ${url}\n(listening on 127.0.0.1 only; Ctrl-C stops it)\n`);
  if (options.open) openBrowser(url);
  await new Promise<void>((done) => {
    let stopped = false;
    takeOverSignals(['SIGINT', 'SIGTERM', 'SIGHUP'], (signal) => {
      if (stopped) process.exit(EXIT_CODES[signal as keyof typeof EXIT_CODES]); // a second signal: at once
      stopped = true;
      process.stderr.write(`serve: stopped (${signal})\n`);
      void server.close().then(done, done);
    });
  });
}

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** The system's browser, if there is one to ask; failing quietly (the URL is printed). */
function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No opener: the printed URL is enough.
  }
}
