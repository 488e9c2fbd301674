/** `ai-energy-mc models`: the built-in models, their titles and outputs. */
import { builtinModelNames, loadModel } from '../../model/load.ts';
import { textTable } from '../text-table.ts';

export async function modelsCommand(options: { json: boolean }): Promise<void> {
  const models = [];
  for (const name of builtinModelNames()) {
    const { model, file } = await loadModel(name);
    models.push({
      name: model.name,
      title: model.title,
      file,
      parameters: model.parameters.length,
      outputs: model.outputs.map((o) => o.name),
      claims: model.claims.map((c) => c.name),
    });
  }
  if (options.json) {
    process.stdout.write(JSON.stringify(models, null, 2) + '\n');
    return;
  }
  process.stdout.write(
    textTable([['model', 'title', 'parameters', 'outputs'], ...models.map((m) => [m.name, m.title, String(m.parameters), String(m.outputs.length)])], { leftColumns: 2 }) +
      '\n\nDescribe one with: npx ai-energy-mc describe <model>\n',
  );
}
