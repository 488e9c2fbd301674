/**
 * Counts of values per first-level digit of their radix key (`radix-key.ts`: the top 24 bits, a
 * level-0 cell), as a worker returns them for a chunk instead of the values, and as the
 * coordinator of a queued exact run merges them (`engine/remote-select.ts`). Integer counts merge
 * exactly in any order, so the merged table of the first k chunks says exactly which cell holds
 * each rank of their values.
 *
 * The 2^24 digits are held in pages of 4,096, one per sign and exponent (a binade), allocated when
 * first touched: an output spanning a few binades takes a few pages, one spanning 600 takes 600.
 * A chunk's table travels packed (`pack`): its non-zero digits in order, each as the gap from the
 * one before and its count, both as LEB128 varints — 2 to 4 bytes per occupied cell where the
 * values took 8 bytes each, and far fewer when values share cells.
 *
 * @example
 * const t = new DigitTable();
 * t.addValues(Float64Array.of(1, 1, 2), 3);
 * DigitTable.unpack(t.pack()).total; // 3
 */
import { firstDigit } from './radix-key.ts';

const PAGE_BITS = 12;
const PAGE = 1 << PAGE_BITS;
const PAGES = 1 << (24 - PAGE_BITS);

export class DigitTable {
  private readonly pages: Array<Float64Array | undefined> = new Array(PAGES);
  /** Pages in use, in no particular order. */
  private touched: number[] = [];
  private count = 0;

  /** Values counted. */
  get total(): number {
    return this.count;
  }

  /** Counts the first digits of values[0..n) (finite, as a chunk's kept values are). */
  addValues(values: Float64Array, n: number): void {
    const words = new Int32Array(values.buffer, values.byteOffset, 2 * n);
    const pages = this.pages;
    for (let i = 0; i < n; i++) {
      const h = words[2 * i + 1];
      const d = ((h ^ ((h >> 31) | -0x80000000)) >>> 8) >>> 0;
      const page = pages[d >>> PAGE_BITS] ?? this.page(d >>> PAGE_BITS);
      page[d & (PAGE - 1)]++;
    }
    this.count += n;
  }

  /** Adds `count` values of first digit `digit`. */
  add(digit: number, count: number): void {
    (this.pages[digit >>> PAGE_BITS] ?? this.page(digit >>> PAGE_BITS))[digit & (PAGE - 1)] += count;
    this.count += count;
  }

  /** The values of `digit` counted. */
  get(digit: number): number {
    return this.pages[digit >>> PAGE_BITS]?.[digit & (PAGE - 1)] ?? 0;
  }

  /** Adds a table packed by `pack`. */
  addPacked(bytes: Uint8Array): void {
    let digit = -1;
    for (let i = 0; i < bytes.length; ) {
      let gap = 0;
      let count = 0;
      for (let shift = 1; ; shift *= 128) {
        const b = bytes[i++];
        gap += (b & 127) * shift;
        if (b < 128) break;
      }
      for (let shift = 1; ; shift *= 128) {
        const b = bytes[i++];
        count += (b & 127) * shift;
        if (b < 128) break;
      }
      digit += gap;
      this.add(digit, count);
    }
  }

  /** The non-zero digits in order, each as (gap from the previous one, count), LEB128. */
  pack(): Uint8Array {
    let out = new Uint8Array(64);
    let at = 0;
    const put = (x: number) => {
      if (at + 10 > out.length) {
        const grown = new Uint8Array(2 * out.length);
        grown.set(out);
        out = grown;
      }
      while (x >= 128) {
        out[at++] = (x % 128) | 128;
        x = Math.floor(x / 128);
      }
      out[at++] = x;
    };
    let previous = -1;
    this.forEach((digit, count) => {
      put(digit - previous);
      put(count);
      previous = digit;
    });
    return out.slice(0, at);
  }

  /** Calls `f` for each digit with a non-zero count (from `first` to `last` if given), in increasing order. */
  forEach(f: (digit: number, count: number) => void, first = 0, last = (1 << 24) - 1): void {
    this.touched.sort((a, b) => a - b);
    for (const p of this.touched) {
      const page = this.pages[p]!;
      const base = p << PAGE_BITS;
      if (base + PAGE <= first || base > last) continue;
      const to = Math.min(PAGE - 1, last - base);
      for (let k = Math.max(0, first - base); k <= to; k++) if (page[k] !== 0) f(base + k, page[k]);
    }
  }

  /**
   * For ranks sorted ascending (0-based, each < total), the digit holding each rank, the count
   * below that digit and the digit's own count.
   */
  locate(sortedRanks: readonly number[]): Array<{ digit: number; below: number; count: number }> {
    const out: Array<{ digit: number; below: number; count: number }> = [];
    if (sortedRanks.length === 0) return out;
    this.touched.sort((a, b) => a - b);
    let r = 0;
    let below = 0;
    for (const p of this.touched) {
      const page = this.pages[p]!;
      const base = p << PAGE_BITS;
      for (let k = 0; k < PAGE && r < sortedRanks.length; k++) {
        const c = page[k];
        if (c === 0) continue;
        while (r < sortedRanks.length && sortedRanks[r] < below + c) out.push({ digit: base + k, below, count: c }), r++;
        below += c;
      }
      if (r === sortedRanks.length) break;
    }
    if (r < sortedRanks.length) throw new RangeError(`rank ${sortedRanks[r]} is outside the ${this.count} values counted`);
    return out;
  }

  /** Forgets every count (keeps the pages for the next chunk). */
  clear(): void {
    for (const p of this.touched) this.pages[p]!.fill(0);
    this.count = 0;
  }

  /** A packed table as a DigitTable. */
  static unpack(bytes: Uint8Array): DigitTable {
    const t = new DigitTable();
    t.addPacked(bytes);
    return t;
  }

  private page(p: number): Float64Array {
    const page = new Float64Array(PAGE);
    this.pages[p] = page;
    this.touched.push(p);
    return page;
  }
}

