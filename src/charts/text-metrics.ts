/**
 * Text widths for headless rendering, from Inter's own advance widths.
 *
 * Without a canvas, vega estimates a text's width as 0.8 × font size per character, which
 * for Inter (about 0.55 em per character) overstates long titles by half: the SVG comes out
 * far wider than the chart, and label placement differs from the browser's. vega lets a
 * caller replace `textMetrics.width` (vl-convert does the same); this module does so with
 * widths read from the TTFs that the PNG rasteriser draws with, so layout and glyphs agree.
 *
 * The TTF reading is the minimum: `head.unitsPerEm`, `hhea.numberOfHMetrics`, `hmtx`
 * advance widths, and a format-4 `cmap` subtable (the Basic Multilingual Plane). Kerning
 * is ignored (a percent or two on a line of text). Reference: the OpenType specification,
 * https://learn.microsoft.com/typography/opentype/spec/ (tables head, hhea, hmtx, cmap).
 */
import { readFileSync } from 'node:fs';
import * as vega from 'vega';
import { interFontFiles } from './fonts.ts';

/** Advance widths of one font, in em, by code point. */
export interface FontWidths {
  /** Width in em of a code point's glyph; the average lowercase width when the font lacks it. */
  advance(codePoint: number): number;
}

/** Reads the advance widths of a TrueType/OpenType font file. */
export function readFontWidths(bytes: Uint8Array): FontWidths {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, number>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    const tag = String.fromCharCode(view.getUint8(rec), view.getUint8(rec + 1), view.getUint8(rec + 2), view.getUint8(rec + 3));
    tables.set(tag, view.getUint32(rec + 8));
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = view.getUint16(table('head') + 18);
  const numberOfHMetrics = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const glyphAdvance = (glyph: number): number => view.getUint16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1)) / unitsPerEm;

  // Find a Unicode BMP subtable in format 4: (3, 1) Windows Unicode BMP, or (0, *) Unicode.
  const cmap = table('cmap');
  let sub = -1;
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const rec = cmap + 4 + 8 * i;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const offset = cmap + view.getUint32(rec + 4);
    if ((platform === 3 && encoding === 1) || platform === 0) {
      if (view.getUint16(offset) === 4) {
        sub = offset;
        break;
      }
    }
  }
  if (sub < 0) throw new Error('font has no format-4 Unicode cmap subtable');
  const segCount = view.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segCount + 2;
  const deltas = starts + 2 * segCount;
  const rangeOffsets = deltas + 2 * segCount;
  const glyphOf = (c: number): number => {
    for (let i = 0; i < segCount; i++) {
      if (view.getUint16(ends + 2 * i) < c) continue;
      const start = view.getUint16(starts + 2 * i);
      if (start > c) return 0;
      const delta = view.getUint16(deltas + 2 * i);
      const rangeOffset = view.getUint16(rangeOffsets + 2 * i);
      if (rangeOffset === 0) return (c + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsets + 2 * i + rangeOffset + 2 * (c - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };

  const cache = new Map<number, number>();
  let fallback = 0;
  for (let c = 97; c <= 122; c++) fallback += glyphAdvance(glyphOf(c)) / 26;
  return {
    advance(codePoint: number): number {
      let w = cache.get(codePoint);
      if (w === undefined) {
        const glyph = codePoint <= 0xffff ? glyphOf(codePoint) : 0;
        w = glyph === 0 ? fallback : glyphAdvance(glyph);
        cache.set(codePoint, w);
      }
      return w;
    },
  };
}

/** Width in pixels of `text` at `fontSize` in a font. */
export function measureText(widths: FontWidths, text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += widths.advance(ch.codePointAt(0) ?? 32);
  return em * fontSize;
}

/** The subset of a scenegraph text item that widths depend on. */
interface TextItem {
  readonly fontSize?: number | string;
  readonly fontWeight?: number | string;
  readonly limit?: number;
}

/** vega-scenegraph's `textMetrics` (vega re-exports it; vega-typings does not declare it). */
interface VegaTextMetrics {
  width: (item: TextItem, text: unknown) => number;
}

let installed = false;

/**
 * Makes headless vega measure text with Inter's advance widths. Idempotent. Affects every
 * vega view in this process, which in this engine only renders charts.
 */
export function useInterTextMetrics(): void {
  if (installed) return;
  const [regular, medium, semibold, bold] = interFontFiles().map((f) => readFontWidths(readFileSync(f)));
  const byWeight = (weight: number | string | undefined): FontWidths => {
    const w = weight === 'bold' ? 700 : Number(weight ?? 400) || 400;
    return w >= 700 ? bold : w >= 600 ? semibold : w >= 500 ? medium : regular;
  };
  const metrics = (vega as unknown as { textMetrics: VegaTextMetrics }).textMetrics;
  metrics.width = (item: TextItem, text: unknown): number => {
    const s = text == null ? '' : String(text).trim();
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    if (size <= 0 || s === '') return 0;
    const w = measureText(byWeight(item.fontWeight), s, size);
    return item.limit && item.limit > 0 ? Math.min(w, item.limit) : w;
  };
  installed = true;
}

let widthsByWeight: ((weight: number) => FontWidths) | undefined;

/**
 * Width in pixels of `text` set in Inter at `fontSize` and `weight`: what a chart module needs to
 * keep its own labels apart before vega lays them out (`label-layout.ts`).
 *
 * @example textWidth('median 12.4', 11, 600) // ≈ 66
 */
export function textWidth(text: string, fontSize: number, weight = 400): number {
  if (!widthsByWeight) {
    const [regular, medium, semibold, bold] = interFontFiles().map((f) => readFontWidths(readFileSync(f)));
    widthsByWeight = (w) => (w >= 700 ? bold : w >= 600 ? semibold : w >= 500 ? medium : regular);
  }
  return measureText(widthsByWeight(weight), text, fontSize);
}
