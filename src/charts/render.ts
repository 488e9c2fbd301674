/**
 * Rendering a vega-lite spec without a browser.
 *
 * Stages: vega-lite `compile` (spec → vega spec; any warning is an error here, so a chart
 * that vega-lite had to "fix" never ships) → vega `parse` → a headless `View` with renderer
 * 'none' → `view.toSVG()` → optionally `toPng` through resvg, a Rust SVG rasteriser whose
 * prebuilt binary comes from npm. resvg is given the Inter TTFs from
 * `@expo-google-fonts/inter` and told not to load system fonts, so the PNG's text looks the
 * same on every machine, including one with no fonts installed.
 *
 * Headless vega has no canvas to measure text; `text-metrics.ts` gives it Inter's advance
 * widths so the layout matches the browser's and the PNG's glyphs.
 */
import { Resvg } from '@resvg/resvg-js';
import { View, parse } from 'vega';
import type { LoggerInterface, Spec as VegaSpec } from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { interFontFiles } from './fonts.ts';
import { useInterTextMetrics } from './text-metrics.ts';

export class ChartRenderError extends Error {
  override readonly name = 'ChartRenderError';
  constructor(
    message: string,
    readonly messages: readonly string[],
  ) {
    super(message);
  }
}

/** A vega logger that records warnings and errors instead of printing them. */
export function recordingLogger(): { logger: LoggerInterface; messages: string[] } {
  const messages: string[] = [];
  const show = (level: string, args: unknown[]): string => `${level}: ${args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ')}`;
  let level = 2; // vega's Warn
  const logger: LoggerInterface = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: unknown[]) {
      messages.push(show('error', args));
      return logger;
    },
    warn(...args: unknown[]) {
      messages.push(show('warn', args));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return { logger, messages };
}

/** Compiles a vega-lite spec to vega; throws `ChartRenderError` on any compile warning. */
export function compileChart(spec: TopLevelSpec): VegaSpec {
  const { logger, messages } = recordingLogger();
  const { spec: vega } = compile(spec, { logger });
  if (messages.length) throw new ChartRenderError(`vega-lite warned while compiling "${chartTitle(spec)}": ${messages.join('; ')}`, messages);
  return vega;
}

/** The spec's title text, for messages. */
export function chartTitle(spec: TopLevelSpec): string {
  const t = spec.title;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.join(' ');
  if (t && typeof t === 'object' && 'text' in t) {
    const text = t.text;
    return typeof text === 'string' ? text : Array.isArray(text) ? text.join(' ') : '';
  }
  return '';
}

/** Renders a vega-lite spec to an SVG string through vega's headless view. */
export async function toSvg(spec: TopLevelSpec): Promise<string> {
  useInterTextMetrics();
  const vega = compileChart(spec);
  const { logger, messages } = recordingLogger();
  const view = new View(parse(vega), { renderer: 'none', logger });
  try {
    const svg = await view.toSVG();
    if (messages.length) throw new ChartRenderError(`vega warned while rendering "${chartTitle(spec)}": ${messages.join('; ')}`, messages);
    return svg;
  } finally {
    view.finalize();
  }
}

export interface PngOptions {
  /** Pixels per SVG unit; 2 gives a sharp image on high-density screens and in READMEs. */
  readonly scale?: number;
}

/** Rasterises an SVG (as written by `toSvg`) to PNG bytes with the bundled Inter fonts. */
export function toPng(svg: string, options: PngOptions = {}): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    font: { fontFiles: interFontFiles(), loadSystemFonts: false, defaultFontFamily: 'Inter', sansSerifFamily: 'Inter' },
    background: 'white',
  });
  return resvg.render().asPng();
}
