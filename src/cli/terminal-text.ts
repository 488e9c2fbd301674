/**
 * Text for the terminal. Whatever a model file or a results file says (a title, a unit, an
 * output name, a description) reaches the terminal through these two functions, so a shared
 * summary.json cannot send escape sequences: control characters show as `\x1b`, `\u2028`, ….
 */
import { plainText } from '../results/plain-text.ts';

export { plainText };

/**
 * A multi-line document that we composed (a Markdown table, a summary): each line made plain,
 * the line breaks between them kept.
 *
 * @example terminalText('a\x1b[2J\nb') // 'a\\x1b[2J\nb'
 */
export function terminalText(text: string): string {
  return text.split('\n').map(plainText).join('\n');
}
