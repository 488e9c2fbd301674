/**
 * Progress on stderr for runs that take longer than about a second, redrawn on one line of a
 * terminal. When stderr is not a terminal (a log, a pipe, a test) nothing is printed: a log gets
 * the result, not a hundred carriage returns. `AI_ENERGY_MC_PROGRESS=1` asks for plain progress
 * lines there anyway (every 10%, or at each precision check), for a long job's log.
 *
 * With `--precision`, the share of `--max-samples` says nothing about when the run ends (it stops
 * as soon as the target is met), so the line shows the distance to the target instead, from the
 * run's latest check: `worst 95% half-width 1.8% → target 0.5%, 3.2 M samples`.
 */
import type { PrecisionReport } from '../results/types.ts';
import { formatPercent } from '../results/format-number.ts';

export interface Progress {
  update(done: number, total: number): void;
  /** A precision check (`--precision`): from now on the line shows the distance to the target. */
  precision(report: PrecisionReport, samples: number): void;
  /**
   * A pass after sampling that runs chunks again (exact percentiles on a queue, `remote-select.ts`):
   * `done` of `total` chunks. A log gets a line as it starts and one as it ends.
   */
  pass(what: string, done: number, total: number): void;
  end(): void;
}

export interface ProgressOptions {
  readonly quiet?: boolean;
  readonly stream?: NodeJS.WriteStream;
  /** The run aims at a precision target: show progress toward it, never a share of the sample cap. */
  readonly precision?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

const SILENT: Progress = { update() {}, precision() {}, pass() {}, end() {} };

export function createProgress(label: string, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const tty = stream.isTTY === true;
  if (options.quiet || !(tty || (options.env ?? process.env).AI_ENERGY_MC_PROGRESS === '1')) return SILENT;
  const started = Date.now();
  let lastDraw = 0;
  let lastDecile = -1;
  let drawn = false;
  let report: PrecisionReport | undefined;
  let checked = 0;
  let passStarted = started;
  const draw = (text: string) => {
    stream.write(tty ? `\r${text}\x1b[K` : `${text}\n`);
    drawn = true;
  };
  return {
    update(done, total) {
      const now = Date.now();
      const elapsed = (now - started) / 1000;
      if (elapsed < 1 && done < total) return;
      if (!drawn && done >= total) return; // finished within a second: no bar at all
      if (options.precision) {
        // A log gets a line per check (see `precision`); a terminal redraws the count as it grows.
        if (!tty || now - lastDraw < 100) return;
        lastDraw = now;
        draw(`${label}: ${precisionProgressText(report, done)}  ${elapsed.toFixed(0)} s`);
        return;
      }
      const fraction = total > 0 ? done / total : 1;
      if (tty) {
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        const width = 30;
        const filled = Math.round(fraction * width);
        const rate = done / Math.max(elapsed, 1e-9);
        const eta = rate > 0 ? (total - done) / rate : 0;
        draw(`${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${compactCount(rate)}/s  ETA ${eta.toFixed(0)} s`);
      } else {
        const decile = Math.floor(fraction * 10);
        if (decile === lastDecile) return;
        lastDecile = decile;
        draw(`${label}: ${(fraction * 100).toFixed(0)}% (${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}, ${elapsed.toFixed(1)} s)`);
      }
    },
    precision(latest, samples) {
      report = latest;
      checked = samples;
      if (!tty && (Date.now() - started) / 1000 >= 1) draw(`${label}: ${precisionProgressText(report, checked)}`);
    },
    pass(what, done, total) {
      const now = Date.now();
      if (tty) {
        if (now - lastDraw < 100 && done > 0 && done < total) return;
        lastDraw = now;
        draw(`${label}: ${what}, ${done} of ${total} chunks`);
      } else if (done === 0) {
        passStarted = now;
        draw(`${label}: ${what}: ${total} chunk${total === 1 ? '' : 's'}`);
      } else if (done === total) {
        draw(`${label}: ${what}: done in ${((now - passStarted) / 1000).toFixed(1)} s`);
      }
    },
    end() {
      if (drawn && tty) stream.write('\n');
    },
  };
}

/**
 * The distance to a precision target, from its latest check, and the samples taken so far:
 * `worst 95% half-width 1.8% → target 0.5%, 3.2 M samples` (with `; claims ±0.9 → ±0.5 pp` when the
 * claims are held to an absolute half-width). Before the first check, the samples alone.
 *
 * @example precisionProgressText({ relative: 0.005, worstRelativeHalfWidth: 0.018, … }, 3.2e6) // 'worst 95% half-width 1.8% → target 0.5%, 3.2 M samples'
 */
export function precisionProgressText(report: PrecisionReport | undefined, samples: number): string {
  const count = `${compactCount(samples)} samples`;
  if (!report) return `${count}, first precision check pending`;
  const worst = Number.isFinite(report.worstRelativeHalfWidth) ? formatPercent(report.worstRelativeHalfWidth) : 'not yet bounded';
  const claims =
    report.claimAbsolute !== undefined && report.worstClaimHalfWidth !== undefined
      ? `; claims ±${points(report.worstClaimHalfWidth)} → ±${points(report.claimAbsolute)} pp`
      : '';
  return `worst 95% half-width ${worst} → target ${formatPercent(report.relative)}${claims}, ${count}`;
}

/** A probability half-width in percentage points, two figures: 0.0093 → '0.93'. */
function points(x: number): string {
  return Number.isFinite(x) ? String(Number((x * 100).toPrecision(2))) : '?';
}

/** `3.2 M`, `850 k`, `912`: a count at a glance. */
export function compactCount(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} k`;
  return n.toFixed(0);
}
