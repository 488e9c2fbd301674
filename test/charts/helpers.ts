/** Shared by the chart and report tests: fixture folders, SVG mark counting, a PNG decoder. */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import type { Distributions, Summary } from '../../src/results/types.ts';
import type { SensitivityResult } from '../../src/sensitivity/result.ts';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'results');

export function fixtureDir(name: 'edunov-2023' | 'projection' | 'token-demand' | 'xss'): string {
  return join(FIXTURES, name);
}

/** A fresh copy of a fixture folder in a temporary directory (tests write charts into it). */
export function copyFixture(name: 'edunov-2023' | 'projection' | 'token-demand' | 'xss'): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'aemc-charts-')), name);
  cpSync(fixtureDir(name), dir, { recursive: true });
  return dir;
}

export function readFixture(name: 'edunov-2023' | 'projection' | 'token-demand' | 'xss'): {
  summary: Summary;
  distributions: Distributions;
  sensitivity?: SensitivityResult;
} {
  const dir = fixtureDir(name);
  const json = (f: string): unknown => JSON.parse(readFileSync(join(dir, f), 'utf8'));
  let sensitivity: SensitivityResult | undefined;
  try {
    sensitivity = json('sensitivity.json') as SensitivityResult;
  } catch {
    sensitivity = undefined;
  }
  return { summary: json('summary.json') as Summary, distributions: json('distributions.json') as Distributions, sensitivity };
}

/**
 * The items vega drew for each mark, from its SVG: `{ rect: [60], rule: [3, 3], … }`, one
 * count per mark group (`<g class="mark-<type> role-mark …">`) in document order. Mark groups
 * of rect, rule, symbol, text, line and area marks hold their items as flat children.
 */
export function markItems(svg: string): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  const re = /<g class="mark-(\w+) role-mark[^"]*"[^>]*>(.*?)<\/g>/gs;
  for (const m of svg.matchAll(re)) {
    const items = (m[2].match(/<(path|line|text)\b/g) ?? []).length;
    (out[m[1]] ??= []).push(items);
  }
  return out;
}

/** Concatenated text content of the SVG's text elements, entities decoded (for "does the title appear"). */
export function svgText(svg: string): string {
  return [...svg.matchAll(/<text\b[^>]*>(.*?)<\/text>/gs)]
    .map((m) => m[1].replace(/<[^>]+>/g, ' '))
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  /** RGBA, 8 bits per channel. */
  readonly pixels: Uint8Array;
}

/**
 * A minimal PNG decoder for what resvg writes: 8-bit RGBA (colour type 6) or RGB (2), not
 * interlaced. Concatenates IDAT, inflates it, and undoes the per-row filters (PNG spec §9).
 */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const sig = [137, 80, 78, 71, 13, 10, 26, 10];
  if (!sig.every((b, i) => bytes[i] === b)) throw new Error('not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat: Uint8Array[] = [];
  for (let off = 8; off < bytes.length; ) {
    const len = view.getUint32(off);
    const type = String.fromCharCode(...bytes.subarray(off + 4, off + 8));
    const data = bytes.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = view.getUint32(off + 8);
      height = view.getUint32(off + 12);
      const depth = data[8];
      const colour = data[9];
      if (depth !== 8 || (colour !== 6 && colour !== 2) || data[12] !== 0) throw new Error(`unsupported PNG: depth ${depth}, colour ${colour}`);
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  const prev = new Uint8Array(stride);
  const cur = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      let v = row[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      cur[i] = v & 0xff;
    }
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < 4; k++) out[(y * width + x) * 4 + k] = k < channels ? cur[x * channels + k] : 255;
    }
    prev.set(cur);
  }
  return { width, height, pixels: out };
}

/** Pixels in a rectangle darker than `threshold` (mean of R, G, B). */
export function darkPixels(png: DecodedPng, x0: number, y0: number, x1: number, y1: number, threshold = 110): number {
  let n = 0;
  for (let y = Math.max(0, y0); y < Math.min(png.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(png.width, x1); x++) {
      const i = (y * png.width + x) * 4;
      if ((png.pixels[i] + png.pixels[i + 1] + png.pixels[i + 2]) / 3 < threshold) n++;
    }
  }
  return n;
}
