/**
 * Keeping labels apart: text set beside marks (p5/median/p95, thresholds, references) is placed
 * here, in pixels, before vega draws it, measured with Inter's own widths (`text-metrics.ts`).
 *
 * A horizontal label is centred on its mark, shifted inwards at the plot's edges so it never
 * hangs outside, and put in the first row (counted upwards from the plot's top) where it
 * overlaps no label already placed. Rows are greedy in the order given, so the caller lists the
 * labels that matter most first.
 */
import { textWidth } from './text-metrics.ts';

export interface LabelRequest {
  /** Where the mark is, in pixels from the plot's left edge. */
  readonly x: number;
  readonly text: string;
  readonly fontSize: number;
  readonly fontWeight: number;
}

export interface PlacedLabel extends LabelRequest {
  /** 0 for the row just above the plot, 1 above that, … */
  readonly row: number;
  /** Where the label's centre is, in pixels from the plot's left edge (inside [0, width]). */
  readonly centre: number;
  readonly width: number;
}

/** Pixels left clear between two labels on one row. */
const GAP = 6;

/** Places each label on the lowest row where it overlaps none placed before it. */
export function placeLabels(labels: readonly LabelRequest[], plotWidth: number): PlacedLabel[] {
  const rows: { lo: number; hi: number }[][] = [];
  return labels.map((l) => {
    const width = textWidth(l.text, l.fontSize, l.fontWeight);
    // Centred on the mark, but inside the plot.
    const half = width / 2;
    const centre = Math.min(Math.max(l.x, half), Math.max(half, plotWidth - half));
    const lo = centre - half;
    const hi = centre + half;
    let row = 0;
    while (rows[row]?.some((r) => lo < r.hi + GAP && hi > r.lo - GAP)) row++;
    (rows[row] ??= []).push({ lo, hi });
    return { ...l, row, centre, width };
  });
}

/** Whether two boxes (x0, y0, x1, y1 in pixels) overlap. */
export function boxesOverlap(a: readonly [number, number, number, number], b: readonly [number, number, number, number]): boolean {
  return a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];
}
