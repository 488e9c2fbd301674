/** `ai-energy-mc describe <model>`: every parameter with its distribution, unit and source. */
import { loadModel } from '../../model/load.ts';
import type { ClaimOp, OutputReference, OutputSeries, ResolvedModel } from '../../model/types.ts';
import { thresholdText } from '../../model/claim.ts';
import { textTable } from '../text-table.ts';
import { plainText } from '../terminal-text.ts';

export interface ModelDescription {
  readonly name: string;
  readonly title: string;
  readonly description?: string;
  readonly file: string;
  /** The scenario applied (`--scenario NAME`), if any. */
  readonly scenario?: string;
  /** The output the model declares its answer, if any. */
  readonly primaryOutput?: string;
  readonly parameters: Record<string, Record<string, unknown>>;
  readonly outputs: Record<string, { unit?: string; description?: string; label?: string; primary?: boolean; references?: readonly OutputReference[]; series?: OutputSeries }>;
  /** A data claim carries its `output`, `op` and `value`, and `claim`, the comparison as text (`reactors <= 2`). */
  readonly claims: Record<string, { description?: string; output?: string; op?: ClaimOp; value?: number; claim?: string }>;
  /** The declared scenarios, in file order of the file: each one's description and the values it sets, as --set text. */
  readonly scenarios: Record<string, { description?: string; set: Readonly<Record<string, string>> }>;
  readonly correlations: ReadonlyArray<readonly [string, string, number]>;
}

export function describeModel(model: ResolvedModel, file: string): ModelDescription {
  const primary = model.outputs.find((o) => o.primary);
  return {
    name: model.name,
    title: model.title,
    ...(model.description ? { description: model.description } : {}),
    file,
    ...(model.scenario !== undefined ? { scenario: model.scenario } : {}),
    ...(primary ? { primaryOutput: primary.name } : {}),
    parameters: Object.fromEntries(model.parameters.map((p) => [p.name, {
      dist: p.dist.kind,
      ...p.dist.params,
      label: p.dist.label,
      mean: p.dist.mean,
      unit: p.unit ?? '',
      source: p.source ?? '',
      ...(p.description ? { description: p.description } : {}),
      ...(p.overridden ? { overridden: p.overridden } : {}),
      ...(p.fromScenario !== undefined ? { fromScenario: p.fromScenario } : {}),
    }])),
    outputs: Object.fromEntries(model.outputs.map(({ name, ...declared }) => [name, declared])),
    claims: Object.fromEntries(model.claims.map((c) => [c.name, {
      ...(c.description ? { description: c.description } : {}),
      ...(c.threshold ? { ...c.threshold, claim: thresholdText(c.threshold) } : {}),
    }])),
    scenarios: Object.fromEntries(model.scenarios.map(({ name, ...s }) => [name, s])),
    correlations: model.correlations,
  };
}

export async function describeCommand(ref: string, options: { json: boolean; set: Record<string, string>; scenario?: string }): Promise<void> {
  const { model, file } = await loadModel(ref, options.set, options.scenario !== undefined ? { scenario: options.scenario } : {});
  for (const warning of model.warnings) process.stderr.write(`warning: ${plainText(warning)}\n`);
  if (options.json) {
    process.stdout.write(JSON.stringify(describeModel(model, file), null, 2) + '\n');
    return;
  }
  // Every text from the model file goes through plainText: no control character reaches the terminal.
  const t = plainText;
  const lines = [`${t(model.title)} (${t(model.name)}${model.scenario !== undefined ? `, scenario ${t(model.scenario)}` : ''})`, t(file), ''];
  if (model.description) lines.push(t(model.description), '');
  lines.push('Parameters');
  for (const p of model.parameters) {
    lines.push(`  ${t(p.name)}  ${t(p.dist.label)}${p.unit ? `  [${t(p.unit)}]` : ''}${p.overridden ? '  (set on the command line)' : p.fromScenario !== undefined ? `  (set by scenario ${t(model.scenario ?? '')})` : ''}`);
    if (p.description) lines.push(`      ${t(p.description)}`);
    lines.push(`      source: ${p.source === undefined ? '(none given)' : t(p.source)}`);
  }
  lines.push('', 'Outputs');
  for (const o of model.outputs) {
    const label = o.label !== undefined ? `  "${t(o.label)}"` : '';
    lines.push(`  ${t(o.name)}${label}${o.unit ? `  [${t(o.unit)}]` : ''}${o.primary ? '  (primary: the model\'s answer)' : ''}`);
    if (o.description) lines.push(`      ${t(o.description)}`);
    for (const r of o.references ?? []) lines.push(`      reference: ${t(r.label)} = ${r.value}`);
    if (o.series) lines.push(`      series ${t(o.series.name)} at ${o.series.x}`);
  }
  if (model.claims.length > 0) {
    // A data claim shows its comparison; a function claim can only say that it is one.
    lines.push('', 'Claims', textTable(model.claims.map((c) => [`  ${c.name}`, c.threshold ? thresholdText(c.threshold) : '(a function)', c.description ?? '']), { leftColumns: 3 }));
  }
  if (model.scenarios.length > 0) {
    lines.push('', 'Scenarios (run --scenario NAME, or --scenario all)');
    for (const s of model.scenarios) {
      lines.push(`  ${t(s.name)}${s.description ? `  ${t(s.description)}` : ''}`);
      lines.push(`      sets ${Object.entries(s.set).map(([k, v]) => `${t(k)} = ${t(v)}`).join(', ')}`);
    }
  }
  if (model.correlations.length > 0) {
    lines.push('', 'Rank correlations', ...model.correlations.map(([a, b, r]) => `  ${t(a)} ~ ${t(b)}: ${r}`));
  }
  process.stdout.write(lines.join('\n') + '\n');
}
