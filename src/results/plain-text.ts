/**
 * Text from a model file or a results file, made safe to show as plain text anywhere: on a
 * terminal, in an SVG or PNG chart. Results folders get shared, so a title, a unit or an output
 * name in them is untrusted: on a terminal an ESC (U+001B) starts an escape sequence that can
 * recolour, move the cursor, retitle the window or rewrite what was printed before; in SVG (XML)
 * a C0 control character makes the whole file invalid, so the chart is lost.
 *
 * Every control character (C0 including tab, newline and ESC; DEL; C1), the line and paragraph
 * separators U+2028/U+2029 and the bidirectional overrides and isolates (which can reorder what
 * a reader sees) become visible escapes, `\x1b`, `\n`, `\u2028`, so the text shows exactly what
 * it contains. A backslash stays as it is. (HTML is escaped separately, in `report/escape.ts`.)
 *
 * @example plainText('red\x1b[31m') // 'red\\x1b[31m'
 * @example plainText('two\nlines') // 'two\\nlines'
 */
export function plainText(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, escapeOne) : text;
}

const CLASS = '[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]';
const UNSAFE = new RegExp(CLASS);
const UNSAFE_ALL = new RegExp(CLASS, 'g');
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
