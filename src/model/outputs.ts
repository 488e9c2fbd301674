/**
 * Outputs as a model declares them: documentation (`unit`, `description`, `label`) and what
 * charts and tables read instead of guessing from a name — `primary` (the model's answer),
 * `references` (lines drawn only where declared) and `series` (a member of a year path).
 */
import { InputError } from '../errors.ts';
import type { OutputReference, OutputSeries, ResolvedOutput } from './types.ts';

const TEXT_FIELDS = ['unit', 'description', 'label'] as const;
/** `source` was accepted (as text) before outputs had fields of their own; it is still allowed, and not used. */
const KNOWN = new Set<string>([...TEXT_FIELDS, 'primary', 'references', 'series', 'source']);

/** Validates the outputs in file order; at most one may be `primary`. */
export function resolveOutputs(entries: Readonly<Record<string, unknown>>): ResolvedOutput[] {
  let primary: string | undefined;
  return Object.entries(entries).map(([name, spec]) => {
    const field = `outputs.${name}`;
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
      throw new InputError(field, spec, 'an output is described by { unit?, label?, description?, primary?, references?, series? }');
    }
    const s = spec as Record<string, unknown>;
    const out: { -readonly [K in keyof ResolvedOutput]: ResolvedOutput[K] } = { name };
    for (const key of TEXT_FIELDS) {
      const v = s[key];
      if (v === undefined) continue;
      if (typeof v !== 'string') throw new InputError(`${field}.${key}`, v, `${key} is text`);
      out[key] = v;
    }
    if (s.primary !== undefined) {
      if (typeof s.primary !== 'boolean') throw new InputError(`${field}.primary`, s.primary, 'true or false (true marks the model\'s answer, at most one output)');
      if (s.primary) {
        if (primary !== undefined) {
          throw new InputError(`${field}.primary`, true, `at most one output is primary, and outputs.${primary} already is; mark only one of ${primary} and ${name}`);
        }
        primary = name;
        out.primary = true;
      }
    }
    if (s.source !== undefined && typeof s.source !== 'string') throw new InputError(`${field}.source`, s.source, 'source is text');
    if (s.references !== undefined) out.references = references(`${field}.references`, s.references);
    if (s.series !== undefined) out.series = series(`${field}.series`, s.series);
    const unknown = Object.keys(s).find((k) => !KNOWN.has(k));
    if (unknown !== undefined) {
      throw new InputError(`${field}.${unknown}`, s[unknown], `an output's fields are ${[...KNOWN].join(', ')}`);
    }
    return out;
  });
}

function references(field: string, value: unknown): OutputReference[] {
  const example = "an array of { label, value }, e.g. [{ label: '2 reactors (1 GW, 90%)', value: 15.77 }]";
  if (!Array.isArray(value)) throw new InputError(field, value, example);
  return value.map((r: unknown, i) => {
    const at = `${field}[${i}]`;
    if (typeof r !== 'object' || r === null || Array.isArray(r)) throw new InputError(at, r, example);
    const { label, value: v } = r as Record<string, unknown>;
    if (typeof label !== 'string' || label.trim() === '') throw new InputError(`${at}.label`, label, 'non-empty text, what the line stands for');
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(`${at}.value`, v, 'a finite number, where the line is drawn');
    return { label, value: v };
  });
}

function series(field: string, value: unknown): OutputSeries {
  const example = "{ name, x }, e.g. { name: 'annual_twh', x: 2025 }: the series this output belongs to and its place on the series' axis";
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(field, value, example);
  const { name, x } = value as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '') throw new InputError(`${field}.name`, name, `non-empty text; ${example}`);
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new InputError(`${field}.x`, x, `a finite number; ${example}`);
  return { name, x };
}
