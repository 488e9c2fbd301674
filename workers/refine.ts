/**
 * A worker's side of a refinement pass (`src/engine/remote-select.ts`): from one output's finite
 * values of a chunk, recomputed, what lies in the cells the coordinator asked for — the values
 * of a values cell (in sample order), or for a counts cell the count, least and greatest value
 * per next digit of the key.
 *
 * Most values lie in no wanted cell: each value's first digit is looked up in a small
 * open-addressing table of the wanted cells' first digits (one or two probes), and only a hit
 * looks further.
 */
import type { CellCounts, RefineCells } from './protocol.ts';
import { HI_MASK, LO_MASK, nextDigit } from '../src/stats/radix-key.ts';

/** What one output's values of `chunk` hold of `cells`. */
export function refineValues(values: Float64Array, n: number, cells: RefineCells, chunk: number): { values: Float64Array; counts: CellCounts | null } {
  const active: number[] = [];
  for (let c = 0; c < cells.level.length; c++) if (cells.from[c] <= chunk && chunk < cells.until[c]) active.push(c);
  if (active.length === 0 || n === 0) return { values: new Float64Array(0), counts: null };
  // First digit → the first of its cells (slot + 1 in `head`, then `next`).
  let size = 16;
  while (size < 2 * active.length) size *= 2;
  const shift = 32 - Math.log2(size);
  const keys = new Int32Array(size).fill(-1);
  const head = new Int32Array(size);
  const next = new Int32Array(active.length).fill(-1);
  active.forEach((c, a) => {
    const d = cells.hi[c] >>> 8;
    let h = Math.imul(d, 0x9e3779b1) >>> shift;
    while (keys[h] !== -1 && keys[h] !== d) h = (h + 1) & (size - 1);
    if (keys[h] === -1) {
      keys[h] = d;
      head[h] = -1;
    }
    next[a] = head[h];
    head[h] = a;
  });

  const words = new Int32Array(values.buffer, values.byteOffset, 2 * n);
  const kept: number[] = [];
  // Counts cells: per (cell, digit) a slot, found through a map, the last one remembered (a point mass hits it every time).
  const slots = new Map<number, number>();
  const cell: number[] = [];
  const digit: number[] = [];
  const count: number[] = [];
  const min: number[] = [];
  const max: number[] = [];
  let lastSlotKey = -1;
  let lastSlot = -1;
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1];
    const s = h >> 31;
    const hi = (h ^ (s | -0x80000000)) >>> 0;
    const d = hi >>> 8;
    let t = Math.imul(d, 0x9e3779b1) >>> shift;
    while (keys[t] !== -1 && keys[t] !== d) t = (t + 1) & (size - 1);
    if (keys[t] === -1) continue;
    const lo = (words[2 * i] ^ s) >>> 0;
    const v = values[i];
    let keep = false;
    for (let a = head[t]; a !== -1; a = next[a]) {
      const c = active[a];
      const level = cells.level[c];
      if (((hi & HI_MASK[level]) >>> 0) !== cells.hi[c] || ((lo & LO_MASK[level]) >>> 0) !== cells.lo[c]) continue;
      if (cells.counts[c] === 0) {
        keep = true;
        continue;
      }
      const dg = nextDigit(level, hi, lo);
      const slotKey = a * 65536 + dg;
      let slot = slotKey === lastSlotKey ? lastSlot : (slots.get(slotKey) ?? -1);
      if (slot === -1) {
        slot = cell.length;
        slots.set(slotKey, slot);
        cell.push(c);
        digit.push(dg);
        count.push(0);
        min.push(v);
        max.push(v);
      }
      lastSlotKey = slotKey;
      lastSlot = slot;
      count[slot]++;
      if (v < min[slot]) min[slot] = v;
      if (v > max[slot]) max[slot] = v;
    }
    if (keep) kept.push(v);
  }
  return {
    values: Float64Array.from(kept),
    counts: cell.length === 0 ? null : { cell: Uint32Array.from(cell), digit: Uint32Array.from(digit), count: Uint32Array.from(count), min: Float64Array.from(min), max: Float64Array.from(max) },
  };
}
