/**
 * Whether exact percentiles fit: they keep every finite value of every output, 8 bytes each, in
 * one shared array per output allocated before sampling. Asked for 10^10 samples, that is 80 GB
 * per output; the allocation then fails with a bare RangeError, or worse, succeeds lazily and the
 * machine runs out of memory an hour later. So the size is checked up front, against the memory
 * of this machine (or of its container) and against the longest typed array V8 allows.
 *
 * @example
 * exactPercentileShortfall(11, 1e10, { memory: 32e9, maxLength: 2 ** 32 })
 * // 'exact percentiles of 11 outputs × 10^10 samples need 880 GB, more than the 24 GB this machine can spare (¾ of its 32 GB) and more than the 4,294,967,296 values one array can hold'
 */
import { constants } from 'node:buffer';
import { totalmem } from 'node:os';

/** Bytes per kept value: one Float64Array slot. */
export const EXACT_BYTES_PER_VALUE = 8;
/**
 * The share of the machine's memory exact percentiles may take: the rest is for the workers, the
 * selection's scratch buffers and everything else running.
 */
export const EXACT_MEMORY_SHARE = 0.75;

export interface MemoryLimits {
  /** Bytes of memory of the machine, or of its container when that is smaller. */
  readonly memory: number;
  /** Most elements of one typed array (2^32 on 64-bit Node 20). */
  readonly maxLength: number;
}

/** This process's limits: `os.totalmem()`, lowered to a container's limit if any. */
export function memoryLimits(): MemoryLimits {
  const constrained = (process as { constrainedMemory?: () => number | undefined }).constrainedMemory?.();
  const memory = constrained && constrained > 0 ? Math.min(totalmem(), constrained) : totalmem();
  return { memory, maxLength: constants.MAX_LENGTH };
}

/** Bytes that exact percentiles of `outputs` outputs over `samples` samples keep. */
export function exactBytes(outputs: number, samples: number): number {
  return EXACT_BYTES_PER_VALUE * outputs * samples;
}

/**
 * Why exact percentiles of `outputs` × `samples` cannot be kept, as a sentence with the figures;
 * undefined when they fit.
 */
export function exactPercentileShortfall(outputs: number, samples: number, limits: MemoryLimits = memoryLimits()): string | undefined {
  const need = exactBytes(outputs, samples);
  const spare = EXACT_MEMORY_SHARE * limits.memory;
  const reasons: string[] = [];
  if (need > spare) reasons.push(`more than the ${bytes(spare)} this machine can spare (¾ of its ${bytes(limits.memory)})`);
  if (samples > limits.maxLength) reasons.push(`more than the ${limits.maxLength.toLocaleString('en-US')} values one array can hold`);
  if (reasons.length === 0) return undefined;
  return `exact percentiles of ${outputs} output${outputs === 1 ? '' : 's'} × ${count(samples)} samples need ${bytes(need)}, ${reasons.join(' and ')}`;
}

/** 10^10 for a power of ten from 10^4 on, else the number with separators. */
function count(n: number): string {
  const e = Math.round(Math.log10(n));
  return e >= 4 && 10 ** e === n ? `10^${e}` : n.toLocaleString('en-US');
}

/** Decimal units, two or three significant figures: 880 GB, 1.5 TB, 88 MB. */
function bytes(n: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  let u = 0;
  while (n >= 1000 && u < units.length - 1) {
    n /= 1000;
    u++;
  }
  return `${n >= 100 ? Math.round(n) : Number(n.toPrecision(2))} ${units[u]}`;
}
