/**
 * A progress bar on stderr for runs that take longer than about a second. On a terminal it
 * redraws one line; in a log (not a TTY) it prints a line every 10% instead.
 */
export interface Progress {
  update(done: number, total: number): void;
  end(): void;
}

export function createProgress(label: string, options: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.quiet) return { update() {}, end() {} };
  const started = Date.now();
  let lastDraw = 0;
  let lastDecile = -1;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      const elapsed = (now - started) / 1000;
      if (elapsed < 1 && done < total) return;
      if (!drawn && done >= total) return; // finished within a second: no bar at all
      const fraction = total > 0 ? done / total : 1;
      if (stream.isTTY) {
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        const width = 30;
        const filled = Math.round(fraction * width);
        const rate = done / Math.max(elapsed, 1e-9);
        const eta = rate > 0 ? (total - done) / rate : 0;
        stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${formatRate(rate)}/s  ETA ${eta.toFixed(0)} s `);
      } else {
        const decile = Math.floor(fraction * 10);
        if (decile === lastDecile) return;
        lastDecile = decile;
        stream.write(`${label}: ${(fraction * 100).toFixed(0)}% (${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}, ${elapsed.toFixed(1)} s)\n`);
      }
      drawn = true;
    },
    end() {
      if (drawn && stream.isTTY) stream.write('\n');
    },
  };
}

function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(1)} M`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k`;
  return perSecond.toFixed(0);
}
