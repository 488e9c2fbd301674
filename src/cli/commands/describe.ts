/** `ai-energy-mc describe <model>`: every parameter with its distribution, unit and source. */
import { loadModel } from '../../model/load.ts';
import type { ResolvedModel } from '../../model/types.ts';
import { textTable } from '../text-table.ts';
import { plainText } from '../terminal-text.ts';

export interface ModelDescription {
  readonly name: string;
  readonly title: string;
  readonly description?: string;
  readonly file: string;
  readonly parameters: Record<string, Record<string, unknown>>;
  readonly outputs: Record<string, { unit?: string; description?: string }>;
  readonly claims: Record<string, { description?: string }>;
  readonly correlations: ReadonlyArray<readonly [string, string, number]>;
}

export function describeModel(model: ResolvedModel, file: string): ModelDescription {
  return {
    name: model.name,
    title: model.title,
    ...(model.description ? { description: model.description } : {}),
    file,
    parameters: Object.fromEntries(model.parameters.map((p) => [p.name, {
      dist: p.dist.kind,
      ...p.dist.params,
      label: p.dist.label,
      mean: p.dist.mean,
      unit: p.unit ?? '',
      source: p.source ?? '',
      ...(p.description ? { description: p.description } : {}),
      ...(p.overridden ? { overridden: p.overridden } : {}),
    }])),
    outputs: Object.fromEntries(model.outputs.map((o) => [o.name, { ...(o.unit ? { unit: o.unit } : {}), ...(o.description ? { description: o.description } : {}) }])),
    claims: Object.fromEntries(model.claims.map((c) => [c.name, c.description ? { description: c.description } : {}])),
    correlations: model.correlations,
  };
}

export async function describeCommand(ref: string, options: { json: boolean; set: Record<string, string> }): Promise<void> {
  const { model, file } = await loadModel(ref, options.set);
  for (const warning of model.warnings) process.stderr.write(`warning: ${plainText(warning)}\n`);
  if (options.json) {
    process.stdout.write(JSON.stringify(describeModel(model, file), null, 2) + '\n');
    return;
  }
  // Every text from the model file goes through plainText: no control character reaches the terminal.
  const t = plainText;
  const lines = [`${t(model.title)} (${t(model.name)})`, t(file), ''];
  if (model.description) lines.push(t(model.description), '');
  lines.push('Parameters');
  for (const p of model.parameters) {
    lines.push(`  ${t(p.name)}  ${t(p.dist.label)}${p.unit ? `  [${t(p.unit)}]` : ''}${p.overridden ? '  (set on the command line)' : ''}`);
    if (p.description) lines.push(`      ${t(p.description)}`);
    lines.push(`      source: ${p.source === undefined ? '(none given)' : t(p.source)}`);
  }
  lines.push('', 'Outputs', textTable(model.outputs.map((o) => [`  ${o.name}`, o.unit ?? '', o.description ?? '']), { leftColumns: 3 }));
  if (model.claims.length > 0) {
    lines.push('', 'Claims', textTable(model.claims.map((c) => [`  ${c.name}`, c.description ?? '']), { leftColumns: 2 }));
  }
  if (model.correlations.length > 0) {
    lines.push('', 'Rank correlations', ...model.correlations.map(([a, b, r]) => `  ${t(a)} ~ ${t(b)}: ${r}`));
  }
  process.stdout.write(lines.join('\n') + '\n');
}
