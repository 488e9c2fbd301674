/**
 * What a results folder says about its outputs and claims, as the model declared it: an output's
 * label, reference values and place in a series; a claim's comparison (`output op value`). Charts
 * read these and nothing else: no threshold, reference, title or series is guessed from a name.
 *
 * summary.json carries an output's `label` and a claim's `output`/`op`/`value`; manifest.json
 * carries those too and an output's `references`, `series` and `primary`. Either may be missing (a
 * folder written before models could declare them, or a sensitivity folder): what neither has is
 * simply not drawn.
 */
import type { ClaimSummary, Interval } from '../results/types.ts';
import { OP_SIGNS } from '../results/format-number.ts';
import type { OutputReference, OutputSeries } from '../model/types.ts';
import type { LoadedResults } from './load.ts';

export type ClaimOp = '<' | '<=' | '>' | '>=';

/** A claim declared as data, with what summary.json measured for it. */
export interface DeclaredClaim {
  readonly name: string;
  readonly output: string;
  readonly op: ClaimOp;
  readonly value: number;
  /** P(claim holds), from summary.json (NaN when the folder has no summary). */
  readonly probability: number;
  readonly ci95?: Interval;
  readonly description?: string;
}

export interface OutputDeclarations {
  /** The model's human title for the output, else the name as written. */
  readonly title: string;
  readonly label?: string;
  readonly references: readonly OutputReference[];
  readonly series?: OutputSeries;
  /** Declared claims on this output, in summary.json's order. */
  readonly claims: readonly DeclaredClaim[];
}

/** The declarations of one output (neutral ones when the folder has none). */
export function declarations(results: LoadedResults, output: string): OutputDeclarations {
  const s = results.summary?.outputs[output];
  const m = results.manifest?.outputs[output];
  const label = nonEmpty(s?.label) ?? nonEmpty(m?.label);
  return {
    title: label ?? output,
    ...(label !== undefined ? { label } : {}),
    references: m?.references ?? [],
    ...(m?.series ? { series: m.series } : {}),
    claims: declaredClaims(results).filter((c) => c.output === output),
  };
}

/** The human title of an output: its label, else its name as written. */
export function outputTitle(results: LoadedResults, output: string): string {
  return nonEmpty(results.summary?.outputs[output]?.label) ?? nonEmpty(results.manifest?.outputs[output]?.label) ?? output;
}

/** Every claim declared as data (summary.json's fields first, else manifest.json's). */
export function declaredClaims(results: LoadedResults): DeclaredClaim[] {
  const out: DeclaredClaim[] = [];
  const fromSummary = results.summary?.claims ?? {};
  const fromManifest = results.manifest?.claims ?? {};
  const names = results.summary ? Object.keys(fromSummary) : Object.keys(fromManifest);
  for (const name of names) {
    const c: Partial<ClaimSummary> = fromSummary[name] ?? {};
    const m = fromManifest[name];
    const output = c.output ?? m?.output;
    const op = c.op ?? m?.op;
    const value = c.value ?? m?.value;
    if (output === undefined || op === undefined || value === undefined) continue;
    const description = c.description ?? m?.description;
    out.push({
      name,
      output,
      op,
      value,
      probability: c.probability ?? NaN,
      ...(c.ci95 ? { ci95: c.ci95 } : {}),
      ...(description !== undefined ? { description } : {}),
    });
  }
  return out;
}

/** The output the folder leads with: summary.json's `primaryOutput`, else the one manifest.json marks primary, else the first. */
export function primaryOutput(results: LoadedResults): string | undefined {
  const names = Object.keys(results.summary?.outputs ?? results.manifest?.outputs ?? {});
  const declared = results.summary?.primaryOutput ?? Object.entries(results.manifest?.outputs ?? {}).find(([, o]) => o.primary === true)?.[0];
  return declared !== undefined && names.includes(declared) ? declared : names[0];
}

/** A series' members (outputs sharing `series.name`), by position; only series with two or more members. */
export function declaredSeries(results: LoadedResults): Map<string, { output: string; x: number }[]> {
  const groups = new Map<string, { output: string; x: number }[]>();
  for (const [output, o] of Object.entries(results.manifest?.outputs ?? {})) {
    if (!o.series) continue;
    const list = groups.get(o.series.name) ?? [];
    list.push({ output, x: o.series.x });
    groups.set(o.series.name, list);
  }
  for (const [name, list] of groups) {
    if (list.length < 2) groups.delete(name);
    else list.sort((a, b) => a.x - b.x);
  }
  return groups;
}

function nonEmpty(s: string | undefined): string | undefined {
  return s === undefined || s.trim() === '' ? undefined : s;
}

/** A rule a chart draws for a declaration: a claim's threshold (dashed) or a reference value (solid). */
export interface DeclaredRule {
  readonly kind: 'threshold' | 'reference';
  readonly value: number;
  /** Its label above the plot. */
  readonly text: string;
  readonly tooltip: string;
}

/**
 * The rules for an output's claims and references, thresholds first. A reference at a threshold's
 * value (a model that names the yardstick its claim compares against) is one rule, the
 * threshold, labelled with the comparison and the reference's words: `≤ 2 reactors, 1 GW at 90%`.
 */
export function declaredRules(
  claims: readonly DeclaredClaim[],
  references: readonly OutputReference[],
  drawable: (v: number) => boolean,
  format: (v: number) => string,
): DeclaredRule[] {
  // Within 0.01%: a reference written to a few decimals (13.049) names the same line as a claim's
  // computed value (13.0491588), a hundredth of a pixel apart on any axis. The rule stays at the claim's value.
  const same = (a: number, b: number): boolean => a === b || Math.abs(a - b) <= 1e-4 * Math.max(Math.abs(a), Math.abs(b));
  const used = new Set<OutputReference>();
  const rules: DeclaredRule[] = [];
  for (const c of claims) {
    if (!drawable(c.value)) continue;
    const ref = references.find((r) => same(r.value, c.value));
    if (ref) used.add(ref);
    rules.push({ kind: 'threshold', value: c.value, text: `${OP_SIGNS[c.op]} ${ref ? ref.label : format(c.value)}`, tooltip: `claim ${c.name}${ref ? ` (${ref.label})` : ''}` });
  }
  for (const r of references) if (!used.has(r) && drawable(r.value)) rules.push({ kind: 'reference', value: r.value, text: r.label, tooltip: r.label });
  return rules;
}
