/**
 * A relative-error, fully mergeable quantile sketch for runs too large to keep every sample:
 * DDSketch (Masson, Rim & Lee 2019, "DDSketch: A fast and fully-mergeable quantile sketch with
 * relative-error guarantees", PVLDB 12(12):2195–2205, arXiv:1908.10693), unbounded dense variant
 * (no bucket collapsing, so the guarantee holds for every quantile, not just the upper ones).
 *
 * Values are counted in log-spaced buckets, one store for positive values, one for negative
 * values (keyed by magnitude) and a count of zeros. Each bucket spans a ratio of at most
 * γ = (1 + α)/(1 − α) and answers with a representative within relative error α of anything
 * in it (see `mapping.ts` for the bit-level key and why it is not ⌈log_γ x⌉). Since buckets are
 * ordered and counts are exact, the bucket holding the r-th order statistic is found exactly,
 * hence (paper, §2): |estimate − X(r)| ≤ α·|X(r)| for every rank r.
 *
 * Why this and not a t-digest (Dunning & Ertl 2019, "Computing extremely accurate quantiles
 * using t-digests", arXiv:1902.04023): a t-digest's centroids depend on insertion and merge
 * order, and its error bound is on rank, not value. Here counts are integers (exact in a
 * Float64Array up to 2^53), so merging is associative and commutative: partial sketches give the
 * same bits whatever the number of workers or the merge order, and merged = single-pass.
 *
 * Quantiles follow the engine's exact convention (`stats/quantiles.ts`, Hyndman & Fan type 7):
 * h = (n − 1)p, and the estimate interpolates linearly between the sketch's values at ranks
 * ⌊h⌋ and ⌊h⌋ + 1. Each of those is within α (relative) of the exact order statistic, so the
 * estimate is within α of the exact type-7 quantile whenever those two order statistics have
 * the same sign (the usual case); across zero the error is at most α·((1 − w)|X(⌊h⌋)| + w|X(⌊h⌋+1)|).
 * Ranks 0 and n − 1 return the exact min and max, and every estimate is clamped to [min, max].
 *
 * Memory, α = 0.001 (the default): 351 buckets per power of two, 8 bytes each. Values spanning
 * 1e−12..1e12 (80 powers of two) need 28,080 buckets = 225 KB per sign; 1e7 lognormal(σ = 2)
 * samples span ≈ 10,700 buckets (86 KB; stores grow by 1.5×, so up to 1.5× that is allocated),
 * and one 65,536-sample chunk of it transfers as ≈ 68 KB instead of 512 KB of raw values. Memory
 * never grows with the number of samples, only with the range of magnitudes: at most 2,110
 * powers of two exist, so one store is ≤ 741k buckets (5.9 MB) even for the whole double range.
 *
 * NaN and ±Infinity cannot be sketched; the engine counts and drops them before. `addAll` checks
 * for them at no cost on the hot path and throws a RangeError, leaving the sketch unchanged.
 * Signed zero is not kept: −0 counts, and is reported (min, max, quantiles), as 0.
 *
 * @example
 * const s = createSketch();                              // α = 0.001
 * s.addAll(Float64Array.from({ length: 1000 }, (_, i) => i + 1), 1000);
 * s.quantile(0.5);                                       // ≈ 500.5, within 0.1%
 * const t = s.toTransfer();                              // postMessage(t, transferList(t))
 * const back = fromTransfer(t);
 * back.merge(s); back.count;                             // 2000
 */
import type { Interval } from '../../results/types.ts';
import { interpolate, quantileCIRanks, type7Ranks } from '../quantiles.ts';
import { bucketMapping, HIGH_WORD, keyOf, valueOfKey, type BucketMapping } from './mapping.ts';

/** 0.1% relative accuracy. */
export const DEFAULT_ALPHA = 0.001;
/** The `percentileMethod` a run that uses this sketch reports. */
export const SKETCH_METHOD = 'ddsketch';
const INITIAL_BUCKETS = 2048;

export interface QuantileSketch {
  readonly method: typeof SKETCH_METHOD;
  /** Relative accuracy parameter the sketch was built with. */
  readonly alpha: number;
  /** The guaranteed bound on |estimate − exact| / |exact| of every order statistic (= alpha). */
  readonly relativeError: number;
  /** Exact number of values added. */
  readonly count: number;
  /** Exact number of zeros (±0) among them. */
  readonly zeroCount: number;
  /** Exact smallest and largest value; NaN while empty. */
  readonly min: number;
  readonly max: number;
  /** Adds `values[0..n)`, all finite (throws a RangeError, adding nothing, on NaN or ±Infinity). */
  addAll(values: Float64Array, n?: number): void;
  /** Adds one finite value (convenience; use `addAll` on the hot path). */
  add(value: number): void;
  /** Adds another sketch's counts to this one; exact, associative and commutative. Same alpha only. */
  merge(other: QuantileSketch): void;
  /** Type-7 p-quantile, p ∈ [0, 1]; NaN while empty. */
  quantile(p: number): number;
  /** Estimate of the order statistic at 0-based `rank` ∈ [0, count); NaN while empty. */
  valueAtRank(rank: number): number;
  /**
   * 95% interval of the p-quantile: the order statistics at ranks np ∓ 1.96√(np(1 − p)), exactly
   * as for exact percentiles (`quantileCIRanks`), each looked up in the sketch and so within α of
   * the exact one. Moving each end outwards by α·|end| gives an interval that surely contains
   * the exact order-statistic interval.
   */
  quantileCI95(p: number): Interval;
  /** Buckets between the lowest and highest non-empty one, per store, summed (what a transfer carries). */
  bucketCount(): number;
  /** Bytes allocated for bucket counts. */
  byteLength(): number;
  /** Empties the sketch, keeping its allocated stores. */
  clear(): void;
  /** A compact copy for `postMessage`: trimmed typed arrays plus a few numbers (see `transferList`). */
  toTransfer(): SketchTransfer;
  toJSON(): SketchJSON;
  /** Visits every non-empty bucket in ascending order of value: its representative value and count. */
  forEachBucket(visit: (value: number, count: number) => void): void;
}

export interface SketchMeta {
  readonly alpha: number;
  readonly count: number;
  readonly zeroCount: number;
  /** NaN while empty. */
  readonly min: number;
  readonly max: number;
  /** Bucket key of `positive[0]` / `negative[0]`. */
  readonly positiveOffset: number;
  readonly negativeOffset: number;
}

export interface SketchTransfer {
  readonly meta: SketchMeta;
  /** Counts of consecutive bucket keys from `meta.positiveOffset` (values > 0). */
  readonly positive: Float64Array<ArrayBuffer>;
  /** Counts of consecutive bucket keys of |x| from `meta.negativeOffset` (values < 0). */
  readonly negative: Float64Array<ArrayBuffer>;
}

export interface SketchJSON {
  readonly method: typeof SKETCH_METHOD;
  readonly alpha: number;
  readonly count: number;
  readonly zeroCount: number;
  readonly min: number | null;
  readonly max: number | null;
  readonly positive: { readonly offset: number; readonly counts: number[] };
  readonly negative: { readonly offset: number; readonly counts: number[] };
}

/** A new, empty sketch with relative accuracy `alpha` ∈ [1e−6, 1). */
export function createSketch(alpha: number = DEFAULT_ALPHA): QuantileSketch {
  return new DDSketch(bucketMapping(alpha));
}

/** The buffers to list as transferables when posting `t` (each is owned by `t` alone). */
export function transferList(t: SketchTransfer): ArrayBuffer[] {
  return [t.positive.buffer, t.negative.buffer];
}

/** Rebuilds a sketch from `toTransfer()` output (copying its arrays, so `t` stays usable). Validates the counts. */
export function fromTransfer(t: SketchTransfer): QuantileSketch {
  const { meta } = t;
  const sketch = new DDSketch(bucketMapping(meta.alpha));
  let total = meta.zeroCount;
  for (const [store, counts, offset] of [
    [sketch.positive, t.positive, meta.positiveOffset],
    [sketch.negative, t.negative, meta.negativeOffset],
  ] as const) {
    if (!(counts instanceof Float64Array)) throw new TypeError('sketch transfer: bucket counts must be a Float64Array');
    total += store.adopt(counts.slice(), offset);
  }
  if (!isCount(meta.count) || !isCount(meta.zeroCount) || total !== meta.count) {
    throw new RangeError(`sketch transfer: counts add up to ${total}, meta says ${meta.count}`);
  }
  sketch.restore(meta.count, meta.zeroCount, meta.min, meta.max);
  return sketch;
}

/** Rebuilds a sketch from `toJSON()` output. */
export function sketchFromJSON(json: SketchJSON): QuantileSketch {
  if (json.method !== SKETCH_METHOD) throw new RangeError(`not a ${SKETCH_METHOD} sketch: ${String(json.method)}`);
  return fromTransfer({
    meta: {
      alpha: json.alpha,
      count: json.count,
      zeroCount: json.zeroCount,
      min: json.min ?? NaN,
      max: json.max ?? NaN,
      positiveOffset: json.positive.offset,
      negativeOffset: json.negative.offset,
    },
    positive: Float64Array.from(json.positive.counts),
    negative: Float64Array.from(json.negative.counts),
  });
}

function isCount(x: number): boolean {
  return Number.isInteger(x) && x >= 0 && x <= Number.MAX_SAFE_INTEGER;
}

/** Bucket counts for consecutive keys [offset, offset + counts.length), grown geometrically (×1.5). */
class DenseStore {
  counts = new Float64Array(0);
  offset = 0;

  constructor(
    private readonly minKey: number,
    private readonly maxKey: number,
  ) {}

  /** Makes keys lo..hi (inclusive) addressable. */
  ensure(lo: number, hi: number): void {
    const len = this.counts.length;
    const end = this.offset + len;
    if (len > 0 && lo >= this.offset && hi < end) return;
    const needLo = len === 0 ? lo : Math.min(lo, this.offset);
    const needHi = len === 0 ? hi + 1 : Math.max(hi + 1, end); // exclusive
    const size = Math.max(needHi - needLo + ((needHi - needLo) >> 1), INITIAL_BUCKETS); // 1.5× what is needed
    // Spare room goes on the side that grew (centred for a new store), clipped to the keys that exist.
    let start = len === 0 ? needLo - ((size - (needHi - needLo)) >> 1) : lo < this.offset ? needHi - size : needLo;
    start = Math.max(this.minKey, Math.min(start, this.maxKey + 1 - size));
    const stop = Math.min(this.maxKey + 1, start + size);
    const counts = new Float64Array(stop - start);
    if (len > 0) counts.set(this.counts, this.offset - start);
    this.counts = counts;
    this.offset = start;
  }

  add(key: number, delta: number): void {
    this.ensure(key, key);
    this.counts[key - this.offset] += delta;
  }

  /** [first, last + 1) indices of the non-empty buckets; [0, 0) when empty. */
  used(): [number, number] {
    const c = this.counts;
    let lo = 0;
    let hi = c.length;
    while (lo < hi && c[lo] === 0) lo++;
    while (hi > lo && c[hi - 1] === 0) hi--;
    return [lo, hi];
  }

  mergeFrom(other: DenseStore): void {
    const [lo, hi] = other.used();
    if (lo === hi) return;
    const src = other.counts;
    this.ensure(other.offset + lo, other.offset + hi - 1);
    const shift = other.offset - this.offset;
    const dst = this.counts;
    for (let i = lo; i < hi; i++) dst[i + shift] += src[i];
  }

  trimmed(): { offset: number; counts: Float64Array<ArrayBuffer> } {
    const [lo, hi] = this.used();
    return { offset: lo === hi ? 0 : this.offset + lo, counts: this.counts.slice(lo, hi) };
  }

  /** Takes `counts` (keys from `offset`) as this store's array; returns their sum. */
  adopt(counts: Float64Array<ArrayBuffer>, offset: number): number {
    if (counts.length > 0 && !(Number.isInteger(offset) && offset >= this.minKey && offset + counts.length - 1 <= this.maxKey)) {
      throw new RangeError(`sketch transfer: bucket keys ${offset}..${offset + counts.length - 1} are out of range`);
    }
    let sum = 0;
    for (let i = 0; i < counts.length; i++) {
      if (!isCount(counts[i])) throw new RangeError(`sketch transfer: bucket count ${counts[i]} is not a non-negative integer`);
      sum += counts[i];
    }
    this.counts = counts;
    this.offset = counts.length > 0 ? offset : 0;
    return sum;
  }
}

class DDSketch implements QuantileSketch {
  readonly method = SKETCH_METHOD;
  readonly alpha: number;
  readonly relativeError: number;
  readonly positive: DenseStore;
  readonly negative: DenseStore;
  private total = 0;
  private zeros = 0;
  private lo = Infinity;
  private hi = -Infinity;

  constructor(private readonly mapping: BucketMapping) {
    this.alpha = mapping.alpha;
    this.relativeError = mapping.alpha;
    this.positive = new DenseStore(mapping.minKey, mapping.maxKey);
    this.negative = new DenseStore(mapping.minKey, mapping.maxKey);
  }

  get count(): number {
    return this.total;
  }
  get zeroCount(): number {
    return this.zeros;
  }
  get min(): number {
    return this.total === 0 ? NaN : this.lo;
  }
  get max(): number {
    return this.total === 0 ? NaN : this.hi;
  }

  addAll(values: Float64Array, n: number = values.length): void {
    if (!(Number.isInteger(n) && n >= 0 && n <= values.length)) throw new RangeError(`addAll: n = ${n} is not in 0..${values.length}`);
    if (n === 0) return;
    const words = new Int32Array(values.buffer, values.byteOffset, 2 * n);
    const bad = this.accumulate(words, values, n, 1);
    if (bad < n) {
      this.accumulate(words, values, bad, -1);
      throw new RangeError(`addAll: values[${bad}] is ${values[bad]}; a quantile sketch takes finite numbers only (drop NaN and ±Infinity first)`);
    }
    this.total += n;
    // Exact extremes in a separate pass: cheaper than two more compares in the bucketing loop.
    let lo = this.lo;
    let hi = this.hi;
    for (let k = 0; k < n; k++) {
      const x = values[k];
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    this.lo = lo === 0 ? 0 : lo; // −0 → 0, so the result does not depend on which zero came first
    this.hi = hi === 0 ? 0 : hi;
  }

  /**
   * The hot loop: adds `delta` to the bucket of each of values[0..n), reading the float's high
   * word directly (sign, exponent, top significand bits). Returns the index of the first NaN or
   * ±Infinity, or n. Nothing is allocated unless a store has to grow.
   */
  private accumulate(words: Int32Array, values: Float64Array, n: number, delta: number): number {
    const { cellToSub, perBinade } = this.mapping;
    const shift = 20 - this.mapping.cellBits;
    const pos = this.positive;
    const neg = this.negative;
    let pc = pos.counts;
    let pOff = pos.offset;
    let pLen = pc.length;
    let nc = neg.counts;
    let nOff = neg.offset;
    let nLen = nc.length;
    for (let k = 0, w = HIGH_WORD; k < n; k++, w += 2) {
      const hi = words[w];
      const exponentField = (hi >>> 20) & 0x7ff;
      if (((exponentField - 1) >>> 0) < 2046) {
        // Normal number.
        const key = exponentField * perBinade + cellToSub[(hi & 0xfffff) >>> shift];
        if (hi >= 0) {
          let j = key - pOff;
          if ((j >>> 0) >= pLen) {
            pos.ensure(key, key);
            pc = pos.counts;
            pOff = pos.offset;
            pLen = pc.length;
            j = key - pOff;
          }
          pc[j] += delta;
        } else {
          let j = key - nOff;
          if ((j >>> 0) >= nLen) {
            neg.ensure(key, key);
            nc = neg.counts;
            nOff = neg.offset;
            nLen = nc.length;
            j = key - nOff;
          }
          nc[j] += delta;
        }
      } else {
        // Zero, subnormal, or not finite.
        const x = values[k];
        if (x === 0) {
          this.zeros += delta;
        } else if (x !== x || x === Infinity || x === -Infinity) {
          return k;
        } else {
          (x > 0 ? pos : neg).add(keyOf(this.mapping, Math.abs(x)), delta);
          pc = pos.counts;
          pOff = pos.offset;
          pLen = pc.length;
          nc = neg.counts;
          nOff = neg.offset;
          nLen = nc.length;
        }
      }
    }
    return n;
  }

  add(value: number): void {
    if (!Number.isFinite(value)) throw new RangeError(`add: ${value} is not finite`);
    if (value === 0) this.zeros++;
    else (value > 0 ? this.positive : this.negative).add(keyOf(this.mapping, Math.abs(value)), 1);
    this.total++;
    if (value < this.lo) this.lo = value === 0 ? 0 : value;
    if (value > this.hi) this.hi = value === 0 ? 0 : value;
  }

  merge(other: QuantileSketch): void {
    if (!(other instanceof DDSketch)) throw new TypeError('merge: not a sketch made by createSketch');
    if (other.alpha !== this.alpha) throw new RangeError(`merge: relative accuracy ${other.alpha} differs from ${this.alpha}`);
    this.positive.mergeFrom(other.positive);
    this.negative.mergeFrom(other.negative);
    this.total += other.total;
    this.zeros += other.zeros;
    this.lo = Math.min(this.lo, other.lo);
    this.hi = Math.max(this.hi, other.hi);
  }

  quantile(p: number): number {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1]; got ${p}`);
    if (this.total === 0) return NaN;
    const { lo, hi, w } = type7Ranks(this.total, p);
    const a = this.valueAtRank(lo);
    if (w === 0 || hi === lo) return a;
    return interpolate(a, this.valueAtRank(hi), w);
  }

  forEachBucket(visit: (value: number, count: number) => void): void {
    const nc = this.negative.counts;
    for (let i = nc.length - 1; i >= 0; i--) if (nc[i] > 0) visit(this.clamp(-valueOfKey(this.mapping, this.negative.offset + i)), nc[i]);
    if (this.zeros > 0) visit(0, this.zeros);
    const pc = this.positive.counts;
    for (let i = 0; i < pc.length; i++) if (pc[i] > 0) visit(this.clamp(valueOfKey(this.mapping, this.positive.offset + i)), pc[i]);
  }

  valueAtRank(rank: number): number {
    if (this.total === 0) return NaN;
    if (!(Number.isInteger(rank) && rank >= 0 && rank < this.total)) throw new RangeError(`valueAtRank: rank ${rank} is not in 0..${this.total - 1}`);
    if (rank === 0) return this.lo;
    if (rank === this.total - 1) return this.hi;
    let left = rank; // values still to skip before the one at `rank`
    const nc = this.negative.counts;
    for (let i = nc.length - 1; i >= 0; i--) {
      if (left < nc[i]) return this.clamp(-valueOfKey(this.mapping, this.negative.offset + i));
      left -= nc[i];
    }
    if (left < this.zeros) return 0;
    left -= this.zeros;
    const pc = this.positive.counts;
    for (let i = 0; i < pc.length; i++) {
      if (left < pc[i]) return this.clamp(valueOfKey(this.mapping, this.positive.offset + i));
      left -= pc[i];
    }
    throw new Error('valueAtRank: bucket counts do not add up to count'); // unreachable
  }

  private clamp(x: number): number {
    return x < this.lo ? this.lo : x > this.hi ? this.hi : x;
  }

  quantileCI95(p: number): Interval {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileCI95: p must be in [0, 1]; got ${p}`);
    if (this.total === 0) return [NaN, NaN];
    const [l, u] = quantileCIRanks(this.total, p);
    return [this.valueAtRank(l), this.valueAtRank(u)];
  }

  bucketCount(): number {
    const [a, b] = this.positive.used();
    const [c, d] = this.negative.used();
    return b - a + (d - c);
  }

  byteLength(): number {
    return this.positive.counts.byteLength + this.negative.counts.byteLength;
  }

  clear(): void {
    this.positive.counts.fill(0);
    this.negative.counts.fill(0);
    this.total = 0;
    this.zeros = 0;
    this.lo = Infinity;
    this.hi = -Infinity;
  }

  /** Used by `fromTransfer` after the stores have adopted their arrays. */
  restore(count: number, zeroCount: number, min: number, max: number): void {
    if (count > 0 && !(Number.isFinite(min) && Number.isFinite(max) && min <= max)) {
      throw new RangeError(`sketch transfer: min ${min} and max ${max} are not a finite range`);
    }
    this.total = count;
    this.zeros = zeroCount;
    this.lo = count === 0 ? Infinity : min;
    this.hi = count === 0 ? -Infinity : max;
  }

  toTransfer(): SketchTransfer {
    const pos = this.positive.trimmed();
    const neg = this.negative.trimmed();
    return {
      meta: {
        alpha: this.alpha,
        count: this.total,
        zeroCount: this.zeros,
        min: this.min,
        max: this.max,
        positiveOffset: pos.offset,
        negativeOffset: neg.offset,
      },
      positive: pos.counts,
      negative: neg.counts,
    };
  }

  toJSON(): SketchJSON {
    const { meta, positive, negative } = this.toTransfer();
    return {
      method: SKETCH_METHOD,
      alpha: meta.alpha,
      count: meta.count,
      zeroCount: meta.zeroCount,
      min: this.total === 0 ? null : meta.min,
      max: this.total === 0 ? null : meta.max,
      positive: { offset: meta.positiveOffset, counts: Array.from(positive) },
      negative: { offset: meta.negativeOffset, counts: Array.from(negative) },
    };
  }
}
