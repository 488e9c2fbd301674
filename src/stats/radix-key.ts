/**
 * The 64-bit radix key of a double and the cells of a radix selection, for a selection spread over
 * machines (`engine/remote-select.ts`). The key is `order-statistics.ts`'s: the bit pattern with
 * the sign bit flipped for positives and every bit flipped for negatives, so that keys sort as
 * unsigned integers in the order of the numbers, −0 strictly before +0 (Knuth, TAOCP vol. 3,
 * §5.2.5). It is read here as two unsigned 32-bit words, high and low.
 *
 * A cell is the set of keys that share their top CELL_BITS[level] bits: the digits are those of
 * `order-statistics.ts` (24 + 8 bits of the high word, then 16 + 16 of the low one), so a level-0
 * cell is a first-level bucket there (sign, exponent and 12 mantissa bits: 4,096 per binade) and a
 * level-3 cell is one double. Cells are `{ level, hi, lo }` with the bits below the prefix zero.
 *
 * @example
 * keyOf(1.5); // [0xbff80000, 0]: 1.5 is 0x3ff8000000000000, its sign bit flipped
 * cellMax(cellOf(1.5, 0)); // 1.500732421875 − 2^−52: the largest double of 1.5's first-level cell
 */

/** Bits of the key each level's cell shares: 24, then 8, 16 and 16 more. */
export const CELL_BITS = [24, 32, 48, 64] as const;
/** The level of a cell that is one double. */
export const LAST_LEVEL = 3;

export interface Cell {
  readonly level: number;
  readonly hi: number;
  readonly lo: number;
}

/** Per level, the bits of the key's high and low words that a cell's keys share. */
export const HI_MASK: readonly number[] = [0xffffff00, 0xffffffff, 0xffffffff, 0xffffffff];
export const LO_MASK: readonly number[] = [0, 0, 0xffff0000, 0xffffffff];

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);

/** The key of `v` as unsigned words [high, low]. */
export function keyOf(v: number): [number, number] {
  f64[0] = v;
  const h = i32[1];
  const s = h >> 31;
  return [(h ^ (s | -0x80000000)) >>> 0, (i32[0] ^ s) >>> 0];
}

/** The double whose key is [hi, lo]. */
export function valueOf(hi: number, lo: number): number {
  if (hi & 0x80000000) {
    i32[1] = (hi ^ 0x80000000) | 0;
    i32[0] = lo | 0;
  } else {
    i32[1] = ~hi;
    i32[0] = ~lo;
  }
  return f64[0];
}

/** The first-level digit of a key's high word (the level-0 cell's prefix): its top 24 bits. */
export const firstDigit = (hi: number): number => hi >>> 8;

/** The cell of `level` holding the key [hi, lo]. */
export function cellOfKey(hi: number, lo: number, level: number): Cell {
  return { level, hi: (hi & HI_MASK[level]) >>> 0, lo: (lo & LO_MASK[level]) >>> 0 };
}

/** The cell of `level` holding `v`. */
export function cellOf(v: number, level: number): Cell {
  const [hi, lo] = keyOf(v);
  return cellOfKey(hi, lo, level);
}

/** The level-0 cell of a first-level digit. */
export const firstCell = (digit: number): Cell => ({ level: 0, hi: (digit << 8) >>> 0, lo: 0 });

/** The digit below a cell of `level` (level < LAST_LEVEL) that a key [hi, lo] in it has: 8, 16 or 16 bits. */
export function nextDigit(level: number, hi: number, lo: number): number {
  return level === 0 ? hi & 0xff : level === 1 ? lo >>> 16 : lo & 0xffff;
}

/** The cell one level down from `cell` with next digit `digit`. */
export function childCell(cell: Cell, digit: number): Cell {
  if (cell.level === 0) return { level: 1, hi: (cell.hi | digit) >>> 0, lo: 0 };
  if (cell.level === 1) return { level: 2, hi: cell.hi, lo: (digit << 16) >>> 0 };
  return { level: 3, hi: cell.hi, lo: (cell.lo | digit) >>> 0 };
}

/** Whether the key [hi, lo] lies in `cell`. */
export function inCell(cell: Cell, hi: number, lo: number): boolean {
  return ((hi & HI_MASK[cell.level]) >>> 0) === cell.hi && ((lo & LO_MASK[cell.level]) >>> 0) === cell.lo;
}

/** The smallest double whose key lies in `cell` (its smallest key; NaN only for cells no finite value reaches). */
export function cellMin(cell: Cell): number {
  return valueOf(cell.hi, cell.lo);
}

/** The largest double whose key lies in `cell`. */
export function cellMax(cell: Cell): number {
  return valueOf((cell.hi | ~HI_MASK[cell.level]) >>> 0, (cell.lo | ~LO_MASK[cell.level]) >>> 0);
}

/** A cell as text, for maps. */
export const cellId = (cell: Cell): string => `${cell.level}:${cell.hi}:${cell.lo}`;

/** Key order of two cells' first keys: negative, 0 or positive. */
export function compareCells(a: Cell, b: Cell): number {
  return a.hi !== b.hi ? (a.hi < b.hi ? -1 : 1) : a.lo !== b.lo ? (a.lo < b.lo ? -1 : 1) : a.level - b.level;
}
