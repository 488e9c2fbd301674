/**
 * Exact order statistics by radix selection: the values at several ranks of a Float64Array (or
 * of several of its prefixes at once), without sorting it and without reordering it.
 *
 * A double's bit pattern, with all bits flipped for negatives and only the sign bit flipped
 * otherwise, sorts as an unsigned integer in the same order as the numbers (Knuth, TAOCP
 * vol. 3, §5.2.5, on radix keys for floating point). Each level reads one digit of that 64-bit
 * key, most significant first (24 + 8 bits of the high word, then 16 + 16): one pass counts the
 * values per digit, prefix sums say which digit holds each wanted rank, and a second pass copies
 * out only those values. Buckets small enough are sorted; bigger ones go down a level with the
 * next digit. The cost is two linear passes and little copying: the first digit (sign, exponent
 * and 12 mantissa bits, 4,096 buckets per binade) leaves a few thousand values in a bucket at
 * 10^7 samples, whatever the number of ranks.
 *
 * Prefixes (`prefixOrderStatistics`): the ranks of values[0..n₁), values[0..n₂), … come from the
 * same two passes over the longest prefix: the counting pass notes each wanted bucket's count at
 * every prefix's end, and since the copy keeps the values in order, a prefix's share of a bucket
 * is the start of that bucket's copy. A run's convergence points (p50 and p95 after 1, 2, 4, …
 * chunks) cost no extra pass over the data.
 *
 * Speed notes (Node 20, V8): the digit is computed with integer masks, no branch (a conditional
 * `hi < 0 ? ~hi : …` made the counting loop ~10× slower), and twice (counting, copying) rather
 * than stored: an n-sized digit array is fresh memory, and first-touching fresh pages costs more
 * than the arithmetic (up to tens of µs per 4 KB page on a busy virtual machine). For the same
 * reason the first level's table of 2^24 counts is only reserved: the counting pass notes the
 * smallest and largest digit it met, and only that range is read, walked and cleared (a few
 * thousand entries for values spanning a few binades); the tables and the pool of copies are
 * kept from call to call.
 *
 * @example
 * orderStatistics(new Float64Array([5, -1, 4, 2, 3]), 5, [0, 2, 4]); // Float64Array [-1, 3, 5]
 */

/** Bits per level of the 64-bit key: the high word in 24 + 8, the low word in 16 + 16. */
const WIDTHS = [24, 8, 16, 16] as const;
const SMALL = 2048;

/** One prefix values[0..n) and the 0-based ranks wanted in it. */
export interface PrefixRanks {
  readonly n: number;
  readonly ranks: readonly number[];
}

/** Values at the 0-based `ranks` of `values[0..n)` in sorted order. NaN must not be present. */
export function orderStatistics(values: Float64Array, n: number, ranks: readonly number[]): Float64Array {
  return prefixOrderStatistics(values, [{ n, ranks }])[0];
}

/** For each prefix, the values at its ranks (in its own sorted order), in one counting and one copying pass. NaN must not be present. */
export function prefixOrderStatistics(values: Float64Array, prefixes: readonly PrefixRanks[]): Float64Array[] {
  const results = prefixes.map((p) => {
    for (const r of p.ranks) if (!(Number.isInteger(r) && r >= 0 && r < p.n)) throw new RangeError(`rank ${r} is outside 0..${p.n - 1}`);
    if (p.n > values.length) throw new RangeError(`prefix ${p.n} is longer than the ${values.length} values`);
    return new Float64Array(p.ranks.length);
  });
  const asked = prefixes.map((p, i) => ({ ...p, at: i })).filter((p) => p.ranks.length > 0);
  if (asked.length === 0) return results;
  const top = scratch.top;
  try {
    const big = asked.filter((p) => p.n > SMALL);
    for (const p of asked) if (p.n <= SMALL) select(values, p.n, wantedOf(p.ranks), 0, results[p.at]);
    if (big.length > 0) selectPrefixes(values, big, results);
  } finally {
    scratch.top = top;
  }
  return results;
}

interface Wanted {
  readonly rank: number;
  readonly at: number;
}

const wantedOf = (ranks: readonly number[]): Wanted[] => ranks.map((rank, at) => ({ rank, at })).sort((a, b) => a.rank - b.rank);

/**
 * Scratch kept between calls: per level a count table and a bucket-to-slot table (slot + 1; both
 * all zero between uses, so a fresh one needs no filling), and a pool of doubles for the copied
 * buckets, used as a stack (each level takes its slots from the top and gives them back when its
 * recursion is done).
 */
const scratch = {
  counts: [] as Uint32Array[],
  slotOf: [] as Int32Array[],
  pool: new Float64Array(0),
  top: 0,
  /** Most pool doubles a call has wanted: the pool grows to it before the next call. */
  demand: 0,
};

function tables(level: number, size: number): { counts: Uint32Array; slotOf: Int32Array } {
  if (!scratch.counts[level] || scratch.counts[level].length !== size) {
    scratch.counts[level] = new Uint32Array(size);
    scratch.slotOf[level] = new Int32Array(size);
  }
  return { counts: scratch.counts[level], slotOf: scratch.slotOf[level] };
}

/** `size` doubles from the pool (or fresh ones when it is short: it grows before the next call). */
function take(size: number): Float64Array {
  if (scratch.top === 0 && scratch.pool.length < scratch.demand) scratch.pool = new Float64Array(scratch.demand);
  const end = scratch.top + size;
  scratch.demand = Math.max(scratch.demand, end);
  if (end > scratch.pool.length) return new Float64Array(size);
  const slot = scratch.pool.subarray(scratch.top, end);
  scratch.top = end;
  return slot;
}

/**
 * How level `level` reads its digit: from the high (1) or low (0) 32-bit word, xor-ed with the
 * sign mask (and the sign bit for the high word), shifted and masked.
 */
function digitOf(level: number): { word: 0 | 1; flip: number; shift: number; mask: number } {
  const first = WIDTHS[0];
  if (level === 0) return { word: 1, flip: -0x80000000, shift: 32 - first, mask: -1 };
  if (level === 1) return { word: 1, flip: -0x80000000, shift: 0, mask: (1 << (32 - first)) - 1 };
  return { word: 0, flip: 0, shift: level === 2 ? 16 : 0, mask: 0xffff };
}

/** The smallest and largest digit counted so far: the part of a table in use. */
interface Span {
  min: number;
  max: number;
}

/** counts[digit] += 1 for values from..to (word view: two int32 per double, little-endian), widening `span` to their digits. */
function countDigits(words: Int32Array, from: number, to: number, word: number, flip: number, shift: number, mask: number, counts: Uint32Array, span: Span): void {
  let min = span.min;
  let max = span.max;
  for (let i = from; i < to; i++) {
    const hi = words[2 * i + 1];
    const d = (((words[2 * i + word] ^ ((hi >> 31) | flip)) >>> shift) & mask) >>> 0;
    counts[d]++;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  span.min = min;
  span.max = max;
}

/** Copies the values of from..to whose digit has a slot (slotOf = slot + 1) into that slot, in order. */
function copyWanted(values: Float64Array, words: Int32Array, from: number, to: number, word: number, flip: number, shift: number, mask: number, slotOf: Int32Array, slots: Float64Array[], fill: Int32Array): void {
  for (let i = from; i < to; i++) {
    const hi = words[2 * i + 1];
    const s = slotOf[(((words[2 * i + word] ^ ((hi >> 31) | flip)) >>> shift) & mask) >>> 0] - 1;
    if (s >= 0) slots[s][fill[s]++] = values[i];
  }
}

/** For sorted `wanted`, the bucket of each rank (walking the counts from span.min) and its rank within the bucket. */
function locate(counts: Uint32Array, span: Span, wanted: readonly Wanted[]): Map<number, { count: number; wanted: Wanted[] }> {
  const buckets = new Map<number, { count: number; wanted: Wanted[] }>();
  let d = span.min;
  let below = 0;
  for (const w of wanted) {
    while (below + counts[d] <= w.rank) below += counts[d++];
    let b = buckets.get(d);
    if (!b) buckets.set(d, (b = { count: counts[d], wanted: [] }));
    b.wanted.push({ rank: w.rank - below, at: w.at });
  }
  return buckets;
}

/**
 * Level 0 over several prefixes (ascending n after sorting): one counting pass in segments that end
 * at each prefix's n, where that prefix's wanted buckets and their counts are read off the running
 * table; one copying pass of the union of those buckets (up to the longest prefix wanting each);
 * then each (prefix, bucket) goes down a level on the start of the bucket's copy.
 */
function selectPrefixes(values: Float64Array, prefixes: ReadonlyArray<PrefixRanks & { at: number }>, results: Float64Array[]): void {
  const order = [...prefixes].sort((a, b) => a.n - b.n);
  const total = order[order.length - 1].n;
  const words = new Int32Array(values.buffer, values.byteOffset, 2 * total);
  const { word, flip, shift, mask } = digitOf(0);
  const { counts, slotOf } = tables(0, 2 ** WIDTHS[0]);
  const span: Span = { min: 2 ** 30, max: -1 };
  // Per prefix: for each bucket it wants, the bucket's count within the prefix and the ranks inside it.
  const plans: Array<{ at: number; buckets: Map<number, { count: number; wanted: Wanted[] }> }> = [];
  /** Per bucket: its count within the longest prefix that wants it. */
  const need = new Map<number, number>();
  let done = 0;
  for (const p of order) {
    countDigits(words, done, p.n, word, flip, shift, mask, counts, span);
    done = p.n;
    const buckets = locate(counts, span, wantedOf(p.ranks));
    for (const [b, { count }] of buckets) need.set(b, count);
    plans.push({ at: p.at, buckets });
  }
  counts.fill(0, span.min, span.max + 1);

  // A bucket holding every value needs no copy: it is the array itself.
  const whole = need.size === 1 && [...need.values()][0] === total;
  const slots: Float64Array[] = [];
  if (!whole) {
    const limits: number[] = [];
    for (const [b, count] of need) {
      slotOf[b] = slots.length + 1;
      slots.push(take(count));
      limits.push(count);
    }
    const fill = new Int32Array(slots.length);
    // Segment by segment, so that a bucket no longer wanted beyond a prefix stops being copied there.
    done = 0;
    for (const p of order) {
      copyWanted(values, words, done, p.n, word, flip, shift, mask, slotOf, slots, fill);
      done = p.n;
      for (const b of need.keys()) if (slotOf[b] > 0 && fill[slotOf[b] - 1] === limits[slotOf[b] - 1]) slotOf[b] = 0;
    }
    for (const b of need.keys()) slotOf[b] = 0;
  }
  const slotIndex = new Map([...need.keys()].map((b, s) => [b, s]));
  for (const plan of plans) {
    for (const [b, { count, wanted }] of plan.buckets) {
      const from = whole ? values : slots[slotIndex.get(b)!];
      select(from, count, wanted, 1, results[plan.at]);
    }
  }
}

/** Ranks `wanted` (sorted) of values[0..n), all of which share the key digits above `level`. */
function select(values: Float64Array, n: number, wanted: readonly Wanted[], level: number, result: Float64Array): void {
  if (level === 4) {
    // Every 64 bits of the key agree: the values are one and the same.
    for (const w of wanted) result[w.at] = values[0];
    return;
  }
  if (n <= SMALL) {
    const sorted = values.slice(0, n).sort();
    for (const w of wanted) result[w.at] = sorted[w.rank];
    return;
  }
  const words = new Int32Array(values.buffer, values.byteOffset, 2 * n);
  const { word, flip, shift, mask } = digitOf(level);
  const { counts, slotOf } = tables(level, 2 ** WIDTHS[level]);
  const span: Span = { min: 2 ** 30, max: -1 };
  countDigits(words, 0, n, word, flip, shift, mask, counts, span);
  // Which digit holds each wanted rank, and the rank within that digit's bucket.
  const buckets = locate(counts, span, wanted);
  counts.fill(0, span.min, span.max + 1);
  if (buckets.size === 1 && buckets.values().next().value!.count === n) {
    // One bucket holds every value: go down a level on the same values.
    select(values, n, buckets.values().next().value!.wanted, level + 1, result);
    return;
  }
  const top = scratch.top;
  const slots: Float64Array[] = [];
  for (const [b, { count }] of buckets) {
    slotOf[b] = slots.length + 1;
    slots.push(take(count));
  }
  copyWanted(values, words, 0, n, word, flip, shift, mask, slotOf, slots, new Int32Array(slots.length));
  for (const b of buckets.keys()) slotOf[b] = 0;
  // Siblings run one after the other: each leaves the next level's tables clean for the next.
  let s = 0;
  for (const { count, wanted: inBucket } of buckets.values()) select(slots[s++], count, inBucket, level + 1, result);
  scratch.top = top;
}
