/**
 * Text from results files (names, units, titles, claim descriptions) in chart specs.
 *
 * Two hazards, two rules:
 * - vega-lite pastes a field's `title` into the source of the tooltip and ARIA-description
 *   expressions it generates, quoting it with `"` but escaping only `"`: a backslash, a newline
 *   or U+2028 in a unit breaks the expression and the chart is lost. So a title from a results
 *   file is never a field's `title` as written: `fieldTitle` shows it on the axis as written
 *   (`axis.title`, plain text to vega) and gives the field an escaped copy, which the generated
 *   expression turns back into the same text.
 * - SVG (XML) cannot hold C0 control characters, and U+2028 or an ESC would not be visible
 *   anyway: `plainTextSpec` passes every string of a finished spec through `plainText`, so
 *   control characters show as `\x1b`, `\n`, `\u2028`.
 * - vega's parser keeps signal names in a plain object, so a text literal that is exactly the
 *   name of an `Object.prototype` member ("constructor", "toString", …; a model may name an
 *   output so) is looked up as a signal and the chart fails. `plainTextSpec` adds an invisible
 *   U+2060 WORD JOINER to such a string: it draws the same and no longer matches.
 * Everything else (names as nominal values, labels) travels as data (`data.values`), which vega
 * never parses as code.
 */
import type { TopLevelSpec } from 'vega-lite';
import { plainText } from '../results/plain-text.ts';

/**
 * A string as vega-lite's generated expressions need it: backslashes doubled (vega-lite escapes
 * `"` itself), after `plainText` has made every control character and line separator visible.
 *
 * @example exprTitle('a\\b "c"') // 'a\\\\b "c"'
 */
export function exprTitle(text: string): string {
  return plainText(text).replaceAll('\\', '\\\\');
}

/**
 * The title props of a positional field whose title comes from a results file: `title` for
 * vega-lite's tooltip and description expressions, `axis.title` (with any other axis props)
 * for what the axis shows.
 *
 * @example fieldTitle('TWh\\yr') // { title: 'TWh\\\\yr', axis: { title: 'TWh\\yr' } }
 */
export function fieldTitle(text: string, axis: Readonly<Record<string, unknown>> = {}): { title: string; axis: Record<string, unknown> } {
  return { title: exprTitle(text), axis: { ...axis, title: plainText(text) } };
}

/** A copy of `spec` with every string passed through `plainText` (numbers, booleans and structure unchanged). */
export function plainTextSpec<T extends TopLevelSpec>(spec: T): T {
  return walk(spec) as T;
}

/** Strings vega would mistake for one of `Object.prototype`'s members (`__proto__` is safe: it is not an own key there that vega reads). */
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype).filter((k) => k !== '__proto__'));

function walk(v: unknown): unknown {
  if (typeof v === 'string') return PROTOTYPE_NAMES.has(v) ? `${v}\u2060` : plainText(v);
  if (Array.isArray(v)) return v.map(walk);
  if (v !== null && typeof v === 'object') {
    // defineProperty: a key such as "__proto__" (an output name in data) stays an own entry.
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: walk(x), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}
