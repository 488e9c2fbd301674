import { InputError } from '../errors.ts';
import { constant } from './constant.ts';
import {
  buildDistribution,
  DISTRIBUTION_KINDS,
  DISTRIBUTION_POSITIONAL,
  isDistributionKind,
  unknownKind,
} from './kinds.ts';
import { lognormalFromQuantiles } from './lognormal.ts';
import { mixture } from './mixture.ts';
import { normal } from './normal.ts';
import type { Distribution } from './types.ts';

const SYNTAX_HELP =
  'write a number (700, 1.5M), a 90% range (1e6 to 2e6: a lognormal with p5 and p95; a normal when a ≤ 0), kind(arguments) such as normal(10, 2), lognormal(p5=1e6, p95=2e6), pert(1, 2, 5), discrete([1, 2, 3], [0.2, 0.3, 0.5]) or normal(0, 1, min=0), or a mixture mx(1M to 2M, 3M, [0.9, 0.1])';

/**
 * Suffixes a number may carry, as powers of ten: Squiggle's k, M, B, G and T (kilo, mega/million,
 * billion, giga, tera). Case-sensitive, as in Squiggle. Squiggle also reads `m` (milli), `n` (nano),
 * `%` and `P` (peta); they are refused here: `m` reads as "million" to many users of this engine's
 * models (fleet sizes, tokens), and small or huge factors are clearer in e notation.
 */
export const NUMBER_SUFFIXES: Readonly<Record<string, number>> = { k: 3, M: 6, B: 9, G: 9, T: 12 };

const SUFFIX_LIST = 'k (1e3), M (1e6), B or G (1e9), T (1e12), case-sensitive';

/** Why a near-miss suffix is refused, beyond the list of allowed ones. */
const SUFFIX_HINTS: Readonly<Record<string, string>> = {
  m: 'm is ambiguous, milli in Squiggle and SI but million to many readers: write 1e-3 or M',
  K: 'kilo is a lower-case k',
  b: 'billion is an upper-case B',
  g: 'giga is an upper-case G',
  t: 'tera is an upper-case T',
  n: 'nano is not supported: write e-9',
  P: 'peta is not supported: write e15',
  MM: 'one suffix only: M is a million',
};

/**
 * The 90% interval's normal score Φ⁻¹(0.95), correctly rounded (R: qnorm(0.95)); the same constant
 * as Squiggle's, so `-2 to 4` gives its sd of 1.8238704957353074 to the bit.
 */
const Z95 = 1.6448536269514722;

/**
 * Parses the one-line form of a distribution, as written on the command line or as a string in a
 * model file, and builds it. The grammar (whitespace is free, names are case-insensitive):
 *
 * ```
 * text     = dist
 * dist     = number                         → constant
 *          | number "to" number             → a 90% interval [a, b] (Squiggle's "5 to 10"), see below
 *          | ("mx" | "mixture") "(" mixargs ")"   → mixture
 *          | kind "(" [arg {"," arg}] ")"
 * mixargs  = dist {"," dist} ["," weights]  | "[" dist {"," dist} "]" ["," weights]
 * weights  = "[" number {"," number} "]"   one per component, each > 0; default equal
 * arg      = [name "="] value               positional args first, in the order of DISTRIBUTION_POSITIONAL
 * value    = number | "[" [number {"," number}] "]"
 * number   = [+-] digits ["." digits] [("e"|"E") [+-] digits] [suffix]   (digits may be grouped: 1_000_000)
 * suffix   = "k" | "M" | "B" | "G" | "T"    ×1e3, 1e6, 1e9, 1e9, 1e12, written right after the number
 * ```
 *
 * What Squiggle does, and what this reader does:
 * - `a to b`: Squiggle builds a lognormal with 5th and 95th percentiles a and b when a > 0, a normal
 *   with that 90% interval (mean (a+b)/2, sd (b−a)/(2·Φ⁻¹(0.95))) when a ≤ 0, and refuses a ≥ b. Same
 *   here; a ≥ b and non-finite ends are refused with the field and the text.
 * - Suffixes: Squiggle reads n, m, %, k, M, B, G, T, P after a number. Here only k, M, B, G, T
 *   (`NUMBER_SUFFIXES`): `m` is refused as ambiguous, and any other letters right after a number
 *   (`1MM`, `5x`) are refused with the allowed list, never guessed. The scaled value is the decimal
 *   the user meant, rounded once: `1.5M` is exactly `1.5e6` (`Number('1.5e6')`), not 1.5 × 1e6.
 * - `mx(a, b, [wa, wb])`: Squiggle's mixture, components as arguments or as one array, an optional
 *   last array of weights whose count must match, numbers as point masses. Same here; weights must
 *   be finite and > 0.
 *
 * Every `Distribution.label` is in this form, and parsing a label rebuilds the same distribution.
 * Errors are InputErrors naming `field` (syntax), `field.<argument>` (a bad value) or
 * `field.components[i]…` (a bad mixture component).
 *
 * @example
 * parseDistribution('x', 'normal(10, 2)').params;         // { mean: 10, sd: 2 }
 * parseDistribution('x', '1e6 to 2e6').label;             // 'lognormal(p5=1e6, p95=2e6)'
 * parseDistribution('x', '1M to 2M').label;               // 'lognormal(p5=1e6, p95=2e6)'
 * parseDistribution('x', '-2 to 4').label;                // 'normal(mean=1, sd=1.8238704957353074)'
 * parseDistribution('x', 'discrete([1, 2], [1, 3])').mean; // 1.75
 * parseDistribution('x', 'mx(0, 10, [3, 1])').mean;       // 2.5
 */
export function parseDistribution(field: string, text: string): Distribution {
  if (typeof text !== 'string') throw new InputError(field, text, SYNTAX_HELP);
  const tokens = tokenize(field, text);
  const parser = new Parser(field, text, tokens);
  return parser.parse();
}

type TokenType = 'number' | 'name' | '(' | ')' | '[' | ']' | ',' | '=' | 'end';
interface Token {
  readonly type: TokenType;
  readonly text: string;
  readonly at: number;
  readonly value?: number;
}

const NUMBER = /^[+-]?(?:(?:\d(?:_?\d)*)(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d+)?/;
const SPECIAL_NUMBER = /^[+-]?(?:infinity|inf|nan)(?![A-Za-z0-9_.])/i;
const NAME = /^[A-Za-z_][A-Za-z0-9_.]*/;
/** Letters (or %) written right after a number: a suffix, or a mistake to refuse. */
const SUFFIX_RUN = /^[A-Za-z_%][A-Za-z0-9_%]*/;

/** `mantissa[e exponent]` × 10^power as the decimal it denotes, rounded once (`'1.5', 6` → 1500000). */
function scaleDecimal(decimal: string, power: number): number {
  const [mantissa, exponent = '0'] = decimal.split(/[eE]/);
  return Number(`${mantissa}e${Number(exponent) + power}`);
}

function tokenize(field: string, text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    const special = SPECIAL_NUMBER.exec(rest);
    if (special !== null) {
      const t = special[0].toLowerCase();
      const value = t.endsWith('nan') ? NaN : t.startsWith('-') ? -Infinity : Infinity;
      tokens.push({ type: 'number', text: special[0], at: i, value });
      i += special[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number !== null && /[\d]/.test(number[0])) {
      const digits = number[0];
      const suffix = SUFFIX_RUN.exec(rest.slice(digits.length))?.[0] ?? '';
      if (suffix === '' || suffix.toLowerCase() === 'to') {
        tokens.push({ type: 'number', text: digits, at: i, value: Number(digits.replace(/_/g, '')) });
        i += digits.length;
        continue;
      }
      const power = Object.hasOwn(NUMBER_SUFFIXES, suffix) ? NUMBER_SUFFIXES[suffix] : undefined;
      if (power === undefined) {
        const hint = SUFFIX_HINTS[suffix] ?? (/to$/i.test(suffix) ? 'put a space before "to"' : undefined);
        throw new InputError(
          field,
          text,
          `unknown suffix "${suffix}" in "${digits}${suffix}" at position ${i + 1}${hint === undefined ? '' : ` (${hint})`}; a number may end in ${SUFFIX_LIST}, or be written in full or with e notation (1e6)`,
        );
      }
      tokens.push({ type: 'number', text: digits + suffix, at: i, value: scaleDecimal(digits.replace(/_/g, ''), power) });
      i += digits.length + suffix.length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name !== null) {
      tokens.push({ type: 'name', text: name[0], at: i });
      i += name[0].length;
      continue;
    }
    if ('()[],='.includes(ch)) {
      tokens.push({ type: ch as TokenType, text: ch, at: i });
      i++;
      continue;
    }
    throw new InputError(field, text, `unexpected "${ch}" at position ${i + 1}; ${SYNTAX_HELP}`);
  }
  tokens.push({ type: 'end', text: 'end of text', at: text.length });
  return tokens;
}

class Parser {
  private index = 0;

  constructor(
    private readonly field: string,
    private readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  parse(): Distribution {
    if (this.peek().type === 'end') throw new InputError(this.field, this.text, `empty distribution; ${SYNTAX_HELP}`);
    const dist = this.parseDist(this.field);
    this.expect('end');
    return dist;
  }

  /** One distribution, as a whole text or as a mixture component; `field` names it in messages. */
  private parseDist(field: string): Distribution {
    const first = this.peek();
    if (first.type === 'number') return this.parseNumberForm(field);
    if (first.type !== 'name') this.fail(first);
    this.next();
    const name = first.text.toLowerCase();
    const isMixture = name === 'mx' || name === 'mixture';
    if (this.peek().type !== '(') {
      if (isDistributionKind(name) || isMixture) this.expect('(');
      this.fail(first);
    }
    this.next();
    if (isMixture) return this.parseMixture(field);
    if (!isDistributionKind(name)) throw unknownKind(field, first.text);
    const args = this.parseArguments(name, field);
    return buildDistribution(field, name, args);
  }

  private parseNumberForm(field: string): Distribution {
    const a = this.next();
    if (!(this.peek().type === 'name' && this.peek().text.toLowerCase() === 'to')) {
      try {
        return constant(a.value as number);
      } catch (error) {
        if (error instanceof InputError) throw new InputError(field, this.text, 'a constant must be a finite number');
        throw error;
      }
    }
    this.next();
    const b = this.expect('number');
    const lo = a.value as number;
    const hi = b.value as number;
    const what = `"${a.text} to ${b.text}" is a 90% interval: a lognormal with p5 = a and p95 = b when a > 0, a normal with that interval when a ≤ 0 (as in Squiggle)`;
    if (!(Number.isFinite(lo) && Number.isFinite(hi))) throw new InputError(field, this.text, `${what}; a and b must be finite numbers`);
    if (!(lo < hi)) throw new InputError(field, this.text, `${what}; it needs a < b (got a = ${lo}, b = ${hi})`);
    if (lo > 0) return lognormalFromQuantiles({ p5: lo, p95: hi });
    // Squiggle's rule for a ≤ 0: the normal whose 5th and 95th percentiles are a and b.
    const sd = (hi - lo) / (2 * Z95);
    if (!(sd > 0 && Number.isFinite(sd))) throw new InputError(field, this.text, `${what}; b − a must be a finite number > 0`);
    return normal(lo / 2 + hi / 2, sd);
  }

  /** `mx(a, b, …, [wa, wb, …])` or `mx([a, b, …], [wa, wb, …])`, after the "(". */
  private parseMixture(field: string): Distribution {
    const components: Distribution[] = [];
    let weights: unknown[] | undefined;
    const component = (): void => {
      components.push(this.parseDist(`${field}.components[${components.length}]`));
    };
    if (this.peek().type === '[') {
      // Squiggle's array form: the components as one list.
      this.next();
      for (;;) {
        component();
        const sep = this.next();
        if (sep.type === ']') break;
        if (sep.type !== ',') this.fail(sep, '"," or "]"');
      }
      if (this.peek().type === ',') {
        this.next();
        if (this.peek().type === '[') weights = this.parseValue() as unknown[];
      }
    } else {
      if (this.peek().type === ')') {
        throw new InputError(field, this.text, 'a mixture needs at least one component: mx(a, b, …, [wa, wb, …])');
      }
      for (;;) {
        if (this.peek().type === '[') {
          weights = this.parseValue() as unknown[];
          if (this.peek().type === ',') this.next();
          break;
        }
        component();
        if (this.peek().type !== ',') break;
        this.next();
        if (this.peek().type === ')') break;
      }
    }
    const close = this.next();
    if (close.type !== ')') this.fail(close, weights === undefined ? '"," or ")"' : '")" (the weights come last)');
    try {
      return mixture(components, weights as number[] | undefined);
    } catch (error) {
      if (error instanceof InputError) throw new InputError(`${field}.${error.field}`, error.value, error.allowed);
      throw error;
    }
  }

  private parseArguments(kind: (typeof DISTRIBUTION_KINDS)[number], field: string): Map<string, unknown> {
    const args = new Map<string, unknown>();
    const positional = DISTRIBUTION_POSITIONAL[kind];
    let count = 0;
    let named = false;
    if (this.peek().type === ')') {
      this.next();
      return args;
    }
    for (;;) {
      const token = this.peek();
      let key: string;
      if (token.type === 'name' && this.tokens[this.index + 1]?.type === '=') {
        this.next();
        this.next();
        key = token.text;
        named = true;
      } else {
        if (named) {
          throw new InputError(field, this.text, `positional argument at position ${token.at + 1} after a named one; put positional arguments (${positional.join(', ')}) first`);
        }
        if (count >= positional.length) {
          throw new InputError(field, this.text, `${kind} takes at most ${positional.length} positional argument${positional.length === 1 ? '' : 's'} (${positional.join(', ')}); name the others, e.g. min=0`);
        }
        key = positional[count++];
      }
      const value = this.parseValue();
      if (args.has(key)) throw new InputError(`${field}.${key}`, value, `${key} is given twice`);
      args.set(key, value);
      const sep = this.next();
      if (sep.type === ')') return args;
      if (sep.type !== ',') this.fail(sep, '"," or ")"');
      if (this.peek().type === ')') {
        this.next();
        return args;
      }
    }
  }

  private parseValue(): unknown {
    const token = this.next();
    if (token.type === 'number') return token.value;
    if (token.type === 'name') return token.text; // not a number: the factory reports it against its field
    if (token.type === '[') {
      const values: unknown[] = [];
      if (this.peek().type === ']') {
        this.next();
        return values;
      }
      for (;;) {
        const item = this.next();
        if (item.type === 'number') values.push(item.value);
        else if (item.type === 'name') values.push(item.text);
        else this.fail(item, 'a number');
        const sep = this.next();
        if (sep.type === ']') return values;
        if (sep.type !== ',') this.fail(sep, '"," or "]"');
      }
    }
    return this.fail(token, 'a number or [list]');
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (token.type !== 'end') this.index++;
    return token;
  }

  private expect(type: TokenType): Token {
    const token = this.next();
    if (token.type !== type) this.fail(token, type === 'end' ? 'end of text' : `"${type}"`);
    return token;
  }

  private fail(token: Token, expected?: string): never {
    const what = token.type === 'end' ? 'end of text' : `"${token.text}"`;
    throw new InputError(
      this.field,
      this.text,
      `unexpected ${what} at position ${token.at + 1}${expected === undefined ? '' : `, expected ${expected}`}; ${SYNTAX_HELP}`,
    );
  }
}
