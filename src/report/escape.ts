/**
 * Escaping for the HTML report. Every text that comes from a results file or a model is
 * untrusted (results folders get shared), so the report's markup is built with the `html`
 * tag below, which escapes every interpolated value unless it is already `SafeHtml`; only
 * this module and the report's own constants make `SafeHtml` from raw strings.
 */
import { plainText } from '../results/plain-text.ts';

/** Markup that is already safe to insert. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/**
 * Escapes text for HTML element content and for quoted attribute values. Control characters
 * and line separators show as visible escapes (`\x1b`, `\n`, `\u2028`), as on the terminal and
 * in the charts (`results/plain-text.ts`), so the page shows what the file holds.
 *
 * @example escapeHtml('<b title="x">&</b>') // '&lt;b title=&quot;x&quot;&gt;&amp;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return plainText(text).replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}

/** Marks a trusted constant (the report's own CSS, inlined library code) as safe. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

/**
 * A template tag that escapes each interpolation (arrays are joined, `SafeHtml` passes as is,
 * null/undefined/false render nothing).
 *
 * @example html`<td>${'<x>'}</td>`.value // '<td>&lt;x&gt;</td>'
 */
export function html(strings: TemplateStringsArray, ...parts: Part[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < parts.length; i++) out += render(parts[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` become `\u003c`,
 * `\u003e` and `\u0026` (so neither `</script>` nor `<!--` can appear), and U+2028/U+2029
 * are escaped too. `JSON.parse` of the block's text gives back the value.
 */
export function jsonForScript(value: unknown): SafeHtml {
  const json = JSON.stringify(value) ?? 'null';
  return new SafeHtml(
    json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

/**
 * Quotes one argument for a POSIX shell, for showing a command to copy.
 *
 * @example shellQuote("it's") // `'it'\''s'`
 */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_\-.,/=:@%+]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
