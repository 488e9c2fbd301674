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
import type { Distribution } from './types.ts';

const SYNTAX_HELP =
  'write a number (700), a 90% range (1e6 to 2e6, a lognormal with p5 and p95), or kind(arguments) such as normal(10, 2), lognormal(p5=1e6, p95=2e6), pert(1, 2, 5), discrete([1, 2, 3], [0.2, 0.3, 0.5]) or normal(0, 1, min=0)';

/**
 * Parses the one-line form of a distribution, as written on the command line or as a string in a
 * model file, and builds it. The grammar (whitespace is free, names are case-insensitive):
 *
 * ```
 * text     = number                         → constant
 *          | number "to" number             → lognormal with p5 = a, p95 = b (needs 0 < a < b; Squiggle's "5 to 10")
 *          | kind "(" [arg {"," arg}] ")"
 * arg      = [name "="] value               positional args first, in the order of DISTRIBUTION_POSITIONAL
 * value    = number | "[" [number {"," number}] "]"
 * number   = [+-] digits ["." digits] [("e"|"E") [+-] digits]   (digits may be grouped: 1_000_000)
 * ```
 *
 * Every `Distribution.label` is in this form, and parsing a label rebuilds the same distribution.
 * Errors are InputErrors naming `field` (syntax) or `field.<argument>` (a bad value).
 *
 * @example
 * parseDistribution('x', 'normal(10, 2)').params;         // { mean: 10, sd: 2 }
 * parseDistribution('x', '1e6 to 2e6').label;             // 'lognormal(p5=1e6, p95=2e6)'
 * parseDistribution('x', 'discrete([1, 2], [1, 3])').mean; // 1.75
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
      tokens.push({ type: 'number', text: number[0], at: i, value: Number(number[0].replace(/_/g, '')) });
      i += number[0].length;
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
    const first = this.peek();
    if (first.type === 'end') throw new InputError(this.field, this.text, `empty distribution; ${SYNTAX_HELP}`);
    if (first.type === 'number') return this.parseNumberForm();
    if (first.type !== 'name') this.fail(first);
    this.next();
    const name = first.text.toLowerCase();
    if (this.peek().type !== '(') {
      if (isDistributionKind(name)) this.expect('(');
      this.fail(first);
    }
    if (!isDistributionKind(name)) throw unknownKind(this.field, first.text);
    this.next();
    const args = this.parseArguments(name);
    this.expect('end');
    return buildDistribution(this.field, name, args);
  }

  private parseNumberForm(): Distribution {
    const a = this.next();
    const after = this.peek();
    if (after.type === 'end') {
      try {
        return constant(a.value as number);
      } catch (error) {
        if (error instanceof InputError) throw new InputError(this.field, this.text, 'a constant must be a finite number');
        throw error;
      }
    }
    if (after.type === 'name' && after.text.toLowerCase() === 'to') {
      this.next();
      const b = this.expect('number');
      this.expect('end');
      const lo = a.value as number;
      const hi = b.value as number;
      if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo > 0 && lo < hi)) {
        throw new InputError(this.field, this.text, '"a to b" is a lognormal with p5 = a and p95 = b; it needs finite numbers 0 < a < b');
      }
      return lognormalFromQuantiles({ p5: lo, p95: hi });
    }
    return this.fail(after);
  }

  private parseArguments(kind: (typeof DISTRIBUTION_KINDS)[number]): Map<string, unknown> {
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
          throw new InputError(this.field, this.text, `positional argument at position ${token.at + 1} after a named one; put positional arguments (${positional.join(', ')}) first`);
        }
        if (count >= positional.length) {
          throw new InputError(this.field, this.text, `${kind} takes at most ${positional.length} positional argument${positional.length === 1 ? '' : 's'} (${positional.join(', ')}); name the others, e.g. min=0`);
        }
        key = positional[count++];
      }
      const value = this.parseValue();
      if (args.has(key)) throw new InputError(`${this.field}.${key}`, value, `${key} is given twice`);
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
