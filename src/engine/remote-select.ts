/**
 * Exact order statistics and histogram counts of values that nobody keeps: an exact run whose
 * chunks run on other machines (a queue's workers) without shipping every value back. The result
 * is bit for bit that of `select.ts` on the kept values, since both read the same 64-bit radix key
 * (`stats/radix-key.ts`), in which ties, −0 and +0 have one order.
 *
 * In stages:
 * 1. each chunk returns its values counted per first key digit (24 bits, `stats/digit-table.ts`);
 *    the counts merge exactly, in chunk order, so the merged table of the first k chunks says
 *    which level-0 cell holds each rank of their values. At each convergence checkpoint the
 *    prefix's ranks are located at once (the table moves on);
 * 2. refinement passes: the chunks run again (the same seed and chunk give the same values) and
 *    return only what lies in the cells wanted — a cell holding a wanted rank, or straddling a
 *    histogram edge. A cell with at most VALUES_CAP values sends its values (per chunk, so a
 *    prefix's share is known); a bigger one (a point mass: a constant or discrete output, many
 *    zeros) sends its counts per next digit with the least and greatest value of each, and a
 *    digit whose least and greatest agree is resolved without going further;
 * 3. what passes return is kept by cell and chunk range, so a later question (the histogram
 *    after the percentiles, the next precision check) asks only for what is missing. The
 *    histogram's cells near its edges are asked for in the percentiles' pass already, from
 *    where p0.1 and p99.9 can lie (`SelectRequest.nextEdges`), so a run usually takes one pass.
 *
 * Histogram counts: a cell whose least and greatest possible value (or, once counted, actual
 * value) fall in the same bin has every value in that bin (a value's bin grows with the value);
 * the values of the others are counted by `histogramCounts` itself.
 */
import type { CellCounts, RefineCells, RefineResult, SimulateResult } from '../../workers/protocol.ts';
import { binLocator, histogramCounts } from '../stats/histogram.ts';
import { DigitTable } from '../stats/digit-table.ts';
import { cellId, cellMax, cellMin, childCell, firstCell, inCell, keyOf, LAST_LEVEL, type Cell } from '../stats/radix-key.ts';
import { quantileRanks, quantilesFromOrderStatistics, type QuantileResult } from '../stats/quantiles.ts';
import type { SelectRequest, Selected, Selector } from './select.ts';

/** A cell with at most this many values (over the chunks asked) sends them; a bigger one its counts per next digit. */
export const VALUES_CAP = 1 << 14;

/** One refinement pass: per output, the cells wanted, each of chunks [from, until) of its own. */
export interface RefinePass {
  readonly cells: readonly RefineCells[];
  /** The chunks to run again: every cell's range lies within [from, until). */
  readonly from: number;
  readonly until: number;
}

/** Runs a pass: one refine task per chunk of [from, until); results in any order. */
export type Refiner = (pass: RefinePass) => Promise<RefineResult[]>;

export interface RemoteValues {
  /** A chunk's result, in chunk order: its first-digit counts (`SimulateResult.digits`) and finite counts. */
  add(result: SimulateResult): void;
  /** At a convergence checkpoint: where the given ranks of output j's values so far lie (asked later as a prefix). */
  notePrefix(j: number, ranks: readonly number[]): void;
  /** Order statistics and histograms as `select.ts` gives them; requests name their output. */
  readonly select: Selector;
  /** Quantiles of outputs over every chunk added so far (a precision check). */
  quantiles(asks: ReadonlyArray<{ readonly output: number; readonly ps: readonly number[] }>): Promise<QuantileResult[]>;
  /** Refinement passes run so far. */
  readonly passes: number;
}

/** What passes returned for one cell: its values per chunk, or its counts per next digit per chunk, for chunks [0, until). */
interface Entry {
  readonly cell: Cell;
  readonly mode: 'values' | 'counts';
  until: number;
  readonly values: Array<Float64Array | undefined>;
  readonly counts: Array<SubCount[] | undefined>;
  /** Sorted values of chunks [0, k), by k. */
  readonly sorted: Map<number, Float64Array>;
}

interface SubCount {
  readonly digit: number;
  count: number;
  min: number;
  max: number;
}

interface OutputState {
  readonly table: DigitTable;
  /** finiteAt[k]: finite values in chunks [0, k). */
  readonly finiteAt: number[];
  /** Per noted prefix (by its finite count): its chunks and where each rank lies. */
  readonly prefixes: Map<number, { chunks: number; at: Map<number, { digit: number; below: number; count: number }> }>;
  readonly cache: Map<string, Entry>;
  /**
   * Ranges of first digits whose every cell was brought up to chunk `until` (a precision check's
   * span): a cell in one that was empty then needs only the chunks since.
   */
  readonly covered: Array<{ readonly first: number; readonly last: number; readonly until: number }>;
}

/** A rank asked of the values of chunks [0, chunks), being located cell by cell. */
interface Query {
  readonly chunks: number;
  cell: Cell;
  /** Its rank within the cell, and the cell's count, over those chunks. */
  rank: number;
  count: number;
  value?: number;
}

/** A cell a pass must bring, over chunks [0, until). */
interface Need {
  readonly cell: Cell;
  until: number;
  count: number;
}

/** A histogram being counted: its bins' counts once every straddling cell is resolved. */
interface HistogramAsk {
  readonly j: number;
  readonly edges: readonly number[];
  readonly scale: 'linear' | 'log';
  counts?: number[];
}

export function createRemoteValues(outputs: number, refine: Refiner): RemoteValues {
  const states: OutputState[] = Array.from({ length: outputs }, () => ({ table: new DigitTable(), finiteAt: [0], prefixes: new Map(), cache: new Map(), covered: [] }));
  let chunks = 0;
  let passes = 0;

  /** Walks a query down the cells as far as what passes brought allows; returns the cell it needs next, if any. */
  const walk = (s: OutputState, q: Query): Need | undefined => {
    for (;;) {
      if (q.cell.level === LAST_LEVEL) {
        q.value = cellMin(q.cell);
        return undefined;
      }
      const entry = s.cache.get(cellId(q.cell));
      if (!entry || entry.until < q.chunks) return { cell: q.cell, until: q.chunks, count: q.count };
      if (entry.mode === 'values') {
        const sorted = sortedValues(entry, q.chunks);
        if (sorted.length !== q.count) throw new Error(`cell ${cellId(q.cell)} holds ${sorted.length} values over ${q.chunks} chunks; its counts said ${q.count}`);
        q.value = sorted[q.rank];
        return undefined;
      }
      const subs = subCounts(entry, q.chunks);
      if (subs.reduce((n, c) => n + c.count, 0) !== q.count) throw new Error(`cell ${cellId(q.cell)}'s next digits count other than its ${q.count} values over ${q.chunks} chunks`);
      let below = 0;
      const sub = subs.find((c) => {
        if (q.rank < below + c.count) return true;
        below += c.count;
        return false;
      })!;
      if (sub.min === sub.max) {
        q.value = sub.min;
        return undefined;
      }
      q.cell = childCell(q.cell, sub.digit);
      q.rank -= below;
      q.count = sub.count;
    }
  };

  /** Counts a histogram from the cells; the cells it cannot place yet, as needs. */
  const countHistogram = (h: HistogramAsk): Need[] => {
    const s = states[h.j];
    const bins = h.edges.length - 1;
    const lo = h.edges[0];
    const hi = h.edges[bins];
    const locate = binLocator(h.edges, h.scale);
    // A value's bin, with −1 below the edges and `bins` above: it never decreases as the value grows.
    const binOf = (v: number) => (!(v >= lo) ? -1 : !(v <= hi) ? bins : locate(v));
    const counts = new Array<number>(bins).fill(0);
    const needs: Need[] = [];
    // The values of the cells that straddle an edge, counted together at the end (histogramCounts builds a table per call).
    const straddling: Float64Array[] = [];
    const place = (cell: Cell, count: number, least: number, greatest: number): void => {
      const a = binOf(least);
      if (a === binOf(greatest)) {
        if (a >= 0 && a < bins) counts[a] += count;
        return;
      }
      const entry = s.cache.get(cellId(cell));
      if (!entry || entry.until < chunks) return void needs.push({ cell, until: chunks, count });
      if (entry.mode === 'values') {
        const v = sortedValues(entry, chunks);
        if (v.length !== count) throw new Error(`cell ${cellId(cell)} holds ${v.length} values; its counts said ${count}`);
        straddling.push(v);
      } else for (const c of subCounts(entry, chunks)) place(childCell(cell, c.digit), c.count, c.min, c.max);
    };
    s.table.forEach((digit, count) => {
      const cell = firstCell(digit);
      place(cell, count, cellMin(cell), cellMax(cell));
    });
    if (needs.length > 0) return needs;
    const v = concat(straddling);
    histogramCounts(v, v.length, h.edges, h.scale).forEach((c, k) => (counts[k] += c));
    h.counts = counts;
    return needs;
  };

  /** Runs one pass for the needs of each output, and files what it brings. */
  const fetch = async (needs: ReadonlyArray<Map<string, Need>>): Promise<boolean> => {
    let from = Infinity;
    let until = 0;
    const asked = needs.map((byCell, j) => {
      const s = states[j];
      const modeOf = (need: Need): Entry['mode'] => (need.count <= VALUES_CAP ? 'values' : 'counts');
      // A guessed cell already brought (a span, an edge) is not asked again.
      const missing = [...byCell.values()].filter((need) => {
        const had = s.cache.get(cellId(need.cell));
        return !had || had.mode !== modeOf(need) || had.until < need.until;
      });
      const list = missing.map((need) => {
        const mode = modeOf(need);
        const id = cellId(need.cell);
        let entry = s.cache.get(id);
        if (!entry || entry.mode !== mode) {
          // A cell in a covered range had no values before it was covered (or it would have been brought).
          const d = need.cell.hi >>> 8;
          const known = !entry && need.cell.level === 0 ? Math.max(0, ...s.covered.filter((c) => c.first <= d && d <= c.last).map((c) => c.until)) : 0;
          entry = { cell: need.cell, mode, until: Math.min(known, need.until), values: [], counts: [], sorted: new Map() };
          s.cache.set(id, entry);
        }
        from = Math.min(from, entry.until);
        until = Math.max(until, need.until);
        return { need, entry, from: entry.until };
      });
      const cells: RefineCells = {
        level: Uint8Array.from(list, (a) => a.need.cell.level),
        hi: Uint32Array.from(list, (a) => a.need.cell.hi),
        lo: Uint32Array.from(list, (a) => a.need.cell.lo),
        counts: Uint8Array.from(list, (a) => (a.entry.mode === 'counts' ? 1 : 0)),
        from: Uint32Array.from(list, (a) => a.from),
        until: Uint32Array.from(list, (a) => a.need.until),
      };
      return { list, cells };
    });
    // Nothing missing (every need was a guess already brought): no pass.
    if (asked.every((a) => a.list.length === 0)) return false;
    const results = await refine({ cells: asked.map((a) => a.cells), from, until });
    passes++;
    const seen = new Set<number>();
    for (const r of results) {
      if (r.chunk < from || r.chunk >= until || seen.has(r.chunk)) throw new Error(`refinement pass over chunks ${from}–${until - 1} returned chunk ${r.chunk} unasked or twice`);
      seen.add(r.chunk);
      asked.forEach(({ list }, j) => file(list, r.chunk, r.values[j], r.counts[j]));
    }
    if (seen.size !== until - from) throw new Error(`refinement pass over chunks ${from}–${until - 1} returned ${seen.size} chunks`);
    for (const { list } of asked) for (const a of list) a.entry.until = a.need.until;
    return true;
  };

  /** Files one chunk's answer for an output's asked cells. */
  const file = (list: ReadonlyArray<{ need: Need; entry: Entry; from: number }>, chunk: number, values: Float64Array, counts: CellCounts | null): void => {
    const wanted = list.filter((a) => a.from <= chunk && chunk < a.need.until);
    const byValues = wanted.filter((a) => a.entry.mode === 'values');
    const kept = byValues.map(() => [] as number[]);
    // The values cells by first digit: a value is looked for only among the cells of its own.
    const byDigit = new Map<number, number[]>();
    byValues.forEach((a, k) => {
      const d = a.entry.cell.hi >>> 8;
      byDigit.set(d, [...(byDigit.get(d) ?? []), k]);
    });
    for (const v of values) {
      const [hi, lo] = keyOf(v);
      for (const k of byDigit.get(hi >>> 8) ?? []) if (inCell(byValues[k].entry.cell, hi, lo)) kept[k].push(v);
    }
    byValues.forEach((a, k) => {
      a.entry.values[chunk] = Float64Array.from(kept[k]);
      a.entry.sorted.forEach((_, upTo) => upTo > chunk && a.entry.sorted.delete(upTo));
    });
    for (const a of wanted) if (a.entry.mode === 'counts') a.entry.counts[chunk] = [];
    if (counts) {
      for (let k = 0; k < counts.cell.length; k++) {
        const a = list[counts.cell[k]];
        a.entry.counts[chunk]!.push({ digit: counts.digit[k], count: counts.count[k], min: counts.min[k], max: counts.max[k] });
      }
    }
  };

  /** Runs passes until `pending` (which re-checks every query and histogram) has nothing left to ask. */
  const settle = async (pending: () => Array<Map<string, Need>>): Promise<void> => {
    for (;;) {
      const needs = pending();
      if (needs.every((m) => m.size === 0)) return;
      if (!(await fetch(needs))) return;
    }
  };

  const needMaps = (): Array<Map<string, Need>> => states.map(() => new Map());
  const addNeed = (map: Map<string, Need>, need: Need): void => {
    const id = cellId(need.cell);
    const had = map.get(id);
    if (!had || had.until < need.until) map.set(id, { ...need });
  };

  /** Queries for ranks of output j over its first `upTo` chunks, located in the first-digit counts then. */
  const queriesOf = (j: number, n: number, ranks: readonly number[]): Query[] => {
    const s = states[j];
    if (ranks.length === 0) return [];
    if (n === s.finiteAt[chunks]) {
      const order = ranks.map((r, i) => ({ r, i })).sort((a, b) => a.r - b.r);
      const at = s.table.locate(order.map((o) => o.r));
      const queries = new Array<Query>(ranks.length);
      order.forEach((o, k) => (queries[o.i] = { chunks, cell: firstCell(at[k].digit), rank: o.r - at[k].below, count: at[k].count }));
      return queries;
    }
    const prefix = s.prefixes.get(n);
    if (!prefix) throw new Error(`no checkpoint of output ${j} with ${n} finite values was noted`);
    return ranks.map((r) => {
      const at = prefix.at.get(r);
      if (!at) throw new Error(`rank ${r} of output ${j}'s first ${n} values was not noted at its checkpoint`);
      return { chunks: prefix.chunks, cell: firstCell(at.digit), rank: r - at.below, count: at.count };
    });
  };

  /** `spans`: also bring every cell around the asked ranks (a precision check: the next check's ranks fall there, and only new chunks are then run). */
  const selectWith = async (requests: readonly SelectRequest[], spans: boolean): Promise<Selected[]> => {
    const asks = requests.map((r) => {
      const j = r.output;
      if (j === undefined) throw new Error('a selection of values nobody keeps must name its output');
      return {
        j,
        full: queriesOf(j, r.n, r.ranks),
        prefixes: (r.prefixes ?? []).map((p) => queriesOf(j, p.n, p.ranks)),
        histogram: r.edges && r.edges.length >= 2 ? ({ j, edges: r.edges, scale: r.scale ?? 'linear' } as HistogramAsk) : undefined,
        guess: r.nextEdges,
      };
    });
    let first = true;
    const spanned: Array<{ j: number; first: number; last: number }> = [];
    await settle(() => {
      const needs = needMaps();
      for (const a of asks) {
        for (const q of [...a.full, ...a.prefixes.flat()]) {
          const need = q.value === undefined ? walk(states[a.j], q) : undefined;
          if (need) addNeed(needs[a.j], need);
        }
        if (a.histogram && !a.histogram.counts) for (const need of countHistogram(a.histogram)) addNeed(needs[a.j], need);
      }
      // The first pass also brings the cells the histogram's edges will fall in, from where p0.1 and p99.9 can lie.
      if (first) for (const a of asks) if (a.guess) for (const need of edgeCells(states[a.j], a.full, a.guess, chunks)) addNeed(needs[a.j], need);
      if (first && spans) {
        requests.forEach((r, i) => {
          const span = spanCells(states[asks[i].j], r.n, r.ranks, chunks);
          if (!span) return;
          span.needs.forEach((need) => addNeed(needs[asks[i].j], need));
          spanned.push({ j: asks[i].j, first: span.first, last: span.last });
        });
      }
      first = false;
      return needs;
    });
    for (const c of spanned) states[c.j].covered.push({ first: c.first, last: c.last, until: chunks });
    for (const a of asks) {
      if ([...a.full, ...a.prefixes.flat()].some((q) => q.value === undefined) || (a.histogram && !a.histogram.counts)) throw new Error(`output ${a.j}'s selection was left unresolved`);
    }
    return asks.map((a): Selected => ({
      x: Float64Array.from(a.full, (q) => q.value!),
      ...(a.prefixes.length > 0 ? { prefixX: a.prefixes.map((qs) => Float64Array.from(qs, (q) => q.value!)) } : {}),
      ...(a.histogram ? { counts: a.histogram.counts! } : {}),
    }));
  };
  const select: Selector = (requests) => selectWith(requests, false);

  return {
    add(result) {
      if (result.chunk !== chunks) throw new Error(`chunk ${result.chunk} added out of order (expected ${chunks})`);
      states.forEach((s, j) => {
        const digits = result.digits?.[j];
        if (!digits) throw new Error(`chunk ${result.chunk} carries no digit counts for output ${j}`);
        s.table.addPacked(digits);
        s.finiteAt.push(s.finiteAt[chunks] + result.finite[j]);
        if (s.table.total !== s.finiteAt[chunks + 1]) throw new Error(`chunk ${result.chunk}'s digit counts of output ${j} do not add up to its finite values`);
      });
      chunks++;
    },
    notePrefix(j, ranks) {
      const s = states[j];
      const n = s.finiteAt[chunks];
      const sorted = [...new Set(ranks)].sort((a, b) => a - b);
      const at = s.table.locate(sorted);
      s.prefixes.set(n, { chunks, at: new Map(sorted.map((r, k) => [r, at[k]])) });
    },
    select,
    async quantiles(asks) {
      const requests: SelectRequest[] = asks.map((a) => {
        const n = states[a.output].finiteAt[chunks];
        return { values: new Float64Array(0), n, ranks: n > 0 ? quantileRanks(n, a.ps) : [], output: a.output };
      });
      const selected = await selectWith(requests, true);
      return asks.map((a, i) => quantilesFromOrderStatistics(requests[i].n, a.ps, selected[i].x));
    },
    get passes() {
      return passes;
    },
  };
}

/** Arrays one after the other. */
function concat(parts: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The values of chunks [0, upTo) of a values entry, sorted (kept: asked again for the histogram). */
function sortedValues(entry: Entry, upTo: number): Float64Array {
  let sorted = entry.sorted.get(upTo);
  if (!sorted) {
    sorted = concat(entry.values.slice(0, upTo).filter((v): v is Float64Array => v !== undefined));
    // A typed array's default sort is numeric, with −0 before +0: the radix key's order.
    sorted.sort();
    entry.sorted.set(upTo, sorted);
  }
  return sorted;
}

/** The counts per next digit of chunks [0, upTo) of a counts entry, in digit order. */
function subCounts(entry: Entry, upTo: number): SubCount[] {
  const byDigit = new Map<number, SubCount>();
  for (const chunk of entry.counts.slice(0, upTo)) {
    for (const c of chunk ?? []) {
      const had = byDigit.get(c.digit);
      if (!had) byDigit.set(c.digit, { ...c });
      else {
        had.count += c.count;
        if (c.min < had.min) had.min = c.min;
        if (c.max > had.max) had.max = c.max;
      }
    }
  }
  return [...byDigit.values()].sort((a, b) => a.digit - b.digit);
}

/**
 * The level-0 cells from the cell of the lowest asked rank, less the ranks' spread, to that of the
 * highest, plus it: where a precision check's interval lies, and where the next check's will, with
 * more samples and narrower. What passes bring stays, and the next check asks only the chunks added
 * since; a check whose ranks fell outside would run every chunk again. Few values (about three
 * times the interval's), so none at all when that would be many.
 */
function spanCells(s: OutputState, n: number, ranks: readonly number[], chunks: number): { first: number; last: number; needs: Need[] } | undefined {
  if (ranks.length === 0) return undefined;
  const low = Math.min(...ranks);
  const high = Math.max(...ranks);
  const margin = high - low + 16;
  const from = Math.max(0, low - margin);
  const to = Math.min(n - 1, high + margin);
  if (to - from + 1 > 4 * VALUES_CAP) return undefined;
  const [a, b] = s.table.locate([from, to]);
  const needs: Need[] = [];
  s.table.forEach((digit, count) => needs.push({ cell: firstCell(digit), until: chunks, count }), a.digit, b.digit);
  return { first: a.digit, last: b.digit, needs };
}

/**
 * The level-0 cells a histogram's edges can fall in, given where its defining order statistics
 * can lie: each query's value is between its cell's least and greatest value, the edges grow
 * with both, so each edge lies between the edges computed from all the least and from all the
 * greatest. Only a guess that saves a pass: what is counted is checked cell by cell anyway.
 */
function edgeCells(s: OutputState, full: readonly Query[], nextEdges: NonNullable<SelectRequest['nextEdges']>, chunks: number): Need[] {
  const bound = (pick: (q: Query) => number) => Float64Array.from(full, (q) => (q.value !== undefined ? q.value : pick(q)));
  const low = nextEdges(bound((q) => cellMin(q.cell)));
  const high = nextEdges(bound((q) => cellMax(q.cell)));
  if (!low || !high || low.scale !== high.scale || low.edges.length !== high.edges.length) return [];
  const needs: Need[] = [];
  const seen = new Set<number>();
  low.edges.forEach((a, k) => {
    const b = high.edges[k];
    if (!(a <= b)) return;
    // The cells from a's to b's, as far as there are values in them (a few per edge).
    const first = keyOf(a)[0] >>> 8;
    const last = keyOf(b)[0] >>> 8;
    if (last - first > 64) return;
    for (let d = first; d <= last; d++) {
      const count = s.table.get(d);
      if (count === 0 || seen.has(d)) continue;
      seen.add(d);
      needs.push({ cell: firstCell(d), until: chunks, count });
    }
  });
  return needs;
}
