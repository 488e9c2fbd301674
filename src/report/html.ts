/**
 * The report page: one self-contained HTML file that leads with the answer and folds the rest.
 *
 * Order: the model's title and question (its description); the claims with their probabilities
 * and 95% intervals; the primary output's distribution and exceedance charts (with the declared
 * thresholds and references); the tornado, when the folder has a sensitivity result. Below, each
 * in a `<details>`: every output's percentiles, the other charts, the sensitivity indices, the
 * parameters with their sources, and how to reproduce the run. Charts are interactive (tooltips),
 * drawn by vega-embed from the same vega-lite specs as the SVG and PNG files, and scale down to
 * the page's width, so the page reads on a 390-px phone without scrolling sideways.
 *
 * Safety: every value from a results file goes through the escaping `html` tag; the chart
 * specs travel in a `<script type="application/json">` block with `<`, `>` and `&` escaped;
 * the only executable scripts are the three inlined libraries and a fixed bootstrap, and a
 * Content-Security-Policy allows exactly those (by SHA-256 hash), so even markup that got
 * past the escaping could not run script or load anything from the network.
 * (`'unsafe-eval'` stays: vega compiles its expressions with `Function`.)
 */
import { claimComparison, formatClaim, formatCount, formatIndex, formatInterval, formatIntervalDistinct, formatNumber } from '../results/format-number.ts';
import { declaredClaims, outputTitle, primaryOutput } from '../charts/declared.ts';
import type { LoadedResults } from '../charts/load.ts';
import { slug } from '../charts/select.ts';
import { targetName } from '../charts/types.ts';
import type { NamedChart } from '../charts/types.ts';
import { INDEX_SCALES, type ParameterIndices } from '../sensitivity/result.ts';
import type { Interval, ManifestParameter, OutputSummary } from '../results/types.ts';
import type { ReportAssets } from './assets.ts';
import { scriptHash } from './assets.ts';
import { SafeHtml, html, jsonForScript, shellQuote, trusted } from './escape.ts';

/** The fixed bootstrap: embeds each chart into its container; failures show in the page and the console. */
const BOOTSTRAP = `(function () {
  var specs = JSON.parse(document.getElementById('chart-specs').textContent);
  var boxes = document.querySelectorAll('[data-chart]');
  var pending = [];
  for (var i = 0; i < boxes.length; i++) {
    (function (box) {
      var spec = specs[Number(box.getAttribute('data-chart'))];
      pending.push(
        vegaEmbed(box, spec, { actions: false, renderer: 'svg', tooltip: { theme: 'light' } })
          .then(function () { box.setAttribute('data-rendered', 'true'); })
          .catch(function (err) {
            box.setAttribute('data-rendered', 'error');
            box.textContent = 'This chart could not be drawn: ' + (err && err.message ? err.message : String(err));
            console.error(err);
          })
      );
    })(boxes[i]);
  }
  Promise.all(pending).then(function () { document.documentElement.setAttribute('data-charts-ready', 'true'); });
})();`;

const CSS = `
:root { --text: #1a1a1a; --muted: #595959; --rule: #e3e3e3; --accent: #0072B2; --bg-soft: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 Inter, system-ui, sans-serif; color: var(--text); background: #fff; font-feature-settings: 'calt' 0; }
main { max-width: 1040px; margin: 0 auto; padding: 32px 24px 64px; overflow-wrap: anywhere; }
h1 { font-size: 28px; line-height: 1.2; margin: 0 0 8px; font-weight: 600; }
h2 { font-size: 20px; margin: 40px 0 12px; font-weight: 600; border-bottom: 1px solid var(--rule); padding-bottom: 6px; }
h3 { font-size: 16px; margin: 24px 0 8px; font-weight: 600; }
p { margin: 0 0 12px; }
.lede { color: var(--muted); font-size: 16px; max-width: 760px; }
.meta { color: var(--muted); font-size: 13px; }
nav { margin: 16px 0 0; font-size: 14px; }
nav a { color: var(--accent); margin-right: 16px; text-decoration: none; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 8px 0 16px; }
th, td { text-align: left; padding: 6px 10px 6px 0; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: 12px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.ci { color: var(--muted); }
.name { font-weight: 600; word-break: break-word; }
.source { color: var(--muted); max-width: 420px; }
.charts { display: grid; grid-template-columns: 1fr; gap: 28px; }
figure { margin: 0; padding: 16px; border: 1px solid var(--rule); border-radius: 8px; overflow-x: auto; min-width: 0; }
.chart svg { max-width: 100%; height: auto; }
.table-wrap { overflow-x: auto; max-width: 100%; }
details { margin: 24px 0 0; border-top: 1px solid var(--rule); padding-top: 8px; }
summary { cursor: pointer; font-size: 18px; font-weight: 600; padding: 6px 0; }
details > section > h2:first-child { display: none; }
.claims { list-style: none; padding: 0; margin: 8px 0 20px; display: grid; gap: 10px; }
.claims li { border: 1px solid var(--rule); border-radius: 8px; padding: 10px 14px; }
.claims .p { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
.claims .what { display: block; }
.claims .cmp { color: var(--muted); font-size: 13px; }
@media (max-width: 600px) { main { padding: 20px 12px 48px; } h1 { font-size: 22px; } figure { padding: 8px; } }
figcaption { color: var(--muted); font-size: 13px; margin-top: 8px; }
.chart { min-height: 120px; }
pre { background: var(--bg-soft); padding: 12px 14px; border-radius: 6px; overflow-x: auto; font-size: 13px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.warning { color: #8a3b00; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; font-size: 13px; }
dt { color: var(--muted); }
dd { margin: 0; word-break: break-all; }
footer { margin-top: 48px; color: var(--muted); font-size: 12px; }
#vg-tooltip-element { font-family: Inter, system-ui, sans-serif; }
`;

function fontFaces(assets: ReportAssets): string {
  return ([400, 600] as const)
    .map((w) => `@font-face { font-family: Inter; font-style: normal; font-weight: ${w}; src: url(data:font/ttf;base64,${assets.fonts[w]}) format('truetype'); }`)
    .join('\n');
}

const SAMPLING_NAMES: Readonly<Record<string, string>> = { mc: 'plain Monte Carlo', lhs: 'Latin hypercube', sobol: 'scrambled Sobol' };

const num = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '–' : formatNumber(x));
const ci = (i: Interval | undefined, f?: (x: number) => string): string =>
  i && i.every(Number.isFinite) ? (f ? formatInterval(i, f) : formatIntervalDistinct(i)) : '';

function outputsTable(r: LoadedResults): SafeHtml {
  const s = r.summary;
  if (!s) return html``;
  const outputs = Object.entries(s.outputs);
  const anyNonFinite = outputs.some(([, o]) => o.nonFinite > 0);
  const rows = outputs.map(([name, o]) => {
    const p = o.percentiles;
    const pci = o.percentileCI95;
    const description = r.manifest?.outputs[name]?.description;
    return html`<tr>
<td><span class="name">${name}</span>${description ? html`<br><span class="source">${description}</span>` : ''}</td>
<td>${o.unit}</td>
<td class="num">${num(p.p5)}</td>
<td class="num">${num(p.p25)}</td>
<td class="num"><strong>${num(p.p50)}</strong><br><span class="ci">${ci(pci.p50)}</span></td>
<td class="num">${num(p.p75)}</td>
<td class="num">${num(p.p95)}<br><span class="ci">${ci(pci.p95)}</span></td>
<td class="num">${num(o.mean)}<br><span class="ci">${ci(o.meanCI95)}</span></td>
<td class="num">${num(o.sd)}</td>
${anyNonFinite ? html`<td class="num">${formatCount(o.nonFinite)}</td>` : ''}
</tr>`;
  });
  return html`<div class="table-wrap"><table>
<thead><tr><th>Output</th><th>Unit</th><th class="num">p5</th><th class="num">p25</th><th class="num">Median (95% CI)</th><th class="num">p75</th><th class="num">p95 (95% CI)</th><th class="num">Mean (95% CI)</th><th class="num">SD</th>${anyNonFinite ? html`<th class="num">Non-finite</th>` : ''}</tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}

function claimsTable(r: LoadedResults): SafeHtml {
  const claims = Object.entries(r.summary?.claims ?? {});
  if (claims.length === 0) return html``;
  const rows = claims.map(([name, c]) => {
    const description = c.description ?? r.manifest?.claims[name]?.description;
    const shown = formatClaim(c.probability, c.ci95);
    return html`<tr>
<td class="name">${name}</td>
<td>${description ?? ''}</td>
<td class="num"><strong>${shown.probability}</strong></td>
<td class="num ci">${c.ci95.every(Number.isFinite) ? shown.interval : ''}</td>
<td class="num">${Number.isFinite(c.count) ? `${formatCount(c.holds)} / ${formatCount(c.count)}` : ''}</td>
</tr>`;
  });
  return html`<h3>Claims</h3>
<div class="table-wrap"><table>
<thead><tr><th>Claim</th><th>What it says</th><th class="num">Probability</th><th class="num">95% CI</th><th class="num">Held / samples</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}

/** The answer: each claim's probability and interval, what it says, and (when declared as data) what it compares. */
function claimsList(r: LoadedResults): SafeHtml {
  const claims = Object.entries(r.summary?.claims ?? {});
  if (claims.length === 0) return html``;
  const declared = new Map(declaredClaims(r).map((c) => [c.name, c]));
  const items = claims.map(([name, c]) => {
    const description = c.description ?? r.manifest?.claims[name]?.description;
    const shown = formatClaim(c.probability, c.ci95);
    const d = declared.get(name);
    return html`<li><span class="p"><strong>${shown.probability}</strong></span> ${c.ci95.every(Number.isFinite) ? html`<span class="ci">(95% CI ${shown.interval})</span>` : ''}
<span class="what">${description ?? name}</span>
<span class="cmp">${d ? html`${claimComparison(outputTitle(r, d.output), d.op, d.value)} · ` : ''}claim <code>${name}</code></span></li>`;
  });
  return html`<ul class="claims">${items}</ul>`;
}

/** Figures for `charts`, each pointing at its spec by its index in the page's spec list. */
function figures(charts: readonly { chart: NamedChart; index: number }[]): SafeHtml {
  return html`<div class="charts">${charts.map(
    ({ chart: c, index }) => html`<figure id="${`figure-${c.name}`}">
<div class="chart" data-chart="${index}" data-name="${c.name}" role="img" aria-label="${c.caption}"></div>
<figcaption>${c.caption}</figcaption>
</figure>`,
  )}</div>`;
}

/** The charts the page leads with: the primary output's distribution and exceedance curve, then any tornado. */
function leadCharts(r: LoadedResults, charts: readonly NamedChart[]): Set<string> {
  const primary = r.summary ? primaryOutput(r) : undefined;
  const lead = new Set<string>();
  if (primary !== undefined) for (const kind of ['distribution', 'exceedance']) lead.add(`${kind}-${slug(primary)}`);
  for (const c of charts) if (c.name.startsWith('tornado-')) lead.add(c.name);
  return new Set(charts.filter((c) => lead.has(c.name)).map((c) => c.name));
}

function chartsSection(charts: readonly { chart: NamedChart; index: number }[]): SafeHtml {
  if (charts.length === 0) return html``;
  return html`<section id="charts"><h2>Charts</h2>
<p class="meta">Hover over a chart for values. The same charts are written as SVG and PNG under <code>charts/</code> by <code>run --charts</code>.</p>
${figures(charts)}</section>`;
}

/** The primary output in a sentence: its median and 90% interval (nothing when they are missing). */
function primarySentence(o: OutputSummary): SafeHtml {
  const { p5, p50, p95 } = o.percentiles;
  if (![p5, p50, p95].every((x) => x !== undefined && Number.isFinite(x))) return html``;
  const unit = o.unit && o.unit !== '1' ? ` ${o.unit}` : '';
  return html`<p class="meta">Median ${num(p50)}${unit}; 90% of the samples between ${num(p5)} and ${num(p95)}${unit}.</p>`;
}

/** A folded section: its summary line is the section's title. */
function folded(title: string, body: SafeHtml): SafeHtml {
  return body.value === '' ? body : html`<details><summary>${title}</summary>${body}</details>`;
}

const SENSITIVITY_COLUMNS: readonly { key: keyof ParameterIndices; ci?: keyof ParameterIndices; label: string }[] = [
  { key: 'S1', ci: 'S1CI95', label: 'S1' },
  { key: 'ST', ci: 'STCI95', label: 'ST' },
  { key: 'spearman', ci: 'spearmanCI95', label: 'Spearman ρ' },
  { key: 'prcc', ci: 'prccCI95', label: 'PRCC' },
  { key: 'muStar', label: 'Morris μ*' },
  { key: 'sigma', label: 'Morris σ' },
  { key: 'low', label: 'Tornado low' },
  { key: 'high', label: 'Tornado high' },
];

function sensitivitySection(r: LoadedResults): SafeHtml {
  const s = r.sensitivity;
  if (!s) return html``;
  const target = targetName(s.target);
  const entries = Object.entries(s.indices);
  const columns = SENSITIVITY_COLUMNS.filter((c) => entries.some(([, i]) => Number.isFinite(i[c.key] as number)));
  const value = (i: ParameterIndices, c: (typeof columns)[number]): SafeHtml => {
    const v = i[c.key] as number | undefined;
    const interval = c.ci ? (i[c.ci] as Interval | undefined) : undefined;
    const f = (x: number): string => (INDEX_SCALES[c.key] === 'index' ? formatIndex(x) : formatNumber(x));
    return html`<td class="num">${v === undefined || !Number.isFinite(v) ? '–' : f(v)}${interval ? html`<br><span class="ci">${ci(interval, f)}</span>` : ''}</td>`;
  };
  return html`<section id="sensitivity"><h2>Sensitivity</h2>
<p>Target: ${target.kind} <strong>${target.name}</strong>. Method ${s.method}, ${formatCount(s.samples)} samples, ${formatCount(s.evaluations)} model evaluations, seed ${s.seed}. Intervals are 95% confidence intervals.</p>
${(s.warnings ?? []).map((w) => html`<p class="warning">Warning: ${w}</p>`)}
<div class="table-wrap"><table>
<thead><tr><th>Input</th>${columns.map((c) => html`<th class="num">${c.label}</th>`)}</tr></thead>
<tbody>${entries.map(([name, i]) => html`<tr><td class="name">${name}</td>${columns.map((c) => value(i, c))}</tr>`)}</tbody>
</table></div></section>`;
}

function distributionText(p: ManifestParameter): string {
  if (p.label) return p.label;
  const args = Object.entries(p.params).map(([k, v]) => `${k}=${Array.isArray(v) ? `[${v.join(', ')}]` : String(v)}`);
  return `${p.dist}(${args.join(', ')})`;
}

function parametersSection(r: LoadedResults): SafeHtml {
  const m = r.manifest;
  if (!m) return html``;
  const params = Object.entries(m.parameters);
  const correlations = m.correlations ?? [];
  return html`<section id="parameters"><h2>Parameters</h2>
<div class="table-wrap"><table>
<thead><tr><th>Parameter</th><th>Distribution</th><th>Unit</th><th>Source</th></tr></thead>
<tbody>${params.map(
    ([name, p]) => html`<tr>
<td><span class="name">${name}</span>${p.description ? html`<br><span class="source">${p.description}</span>` : ''}</td>
<td><code>${distributionText(p)}</code>${p.overridden ? html`<br><span class="warning">overridden with --set (model file: ${p.overridden})</span>` : ''}</td>
<td>${p.unit ?? ''}</td>
<td class="source">${p.source ?? html`<span class="warning">no source given</span>`}</td>
</tr>`,
  )}</tbody>
</table></div>
${
  correlations.length
    ? html`<h3>Rank correlations between inputs</h3><table><thead><tr><th>Input</th><th>Input</th><th class="num">ρ</th></tr></thead><tbody>${correlations.map(
        ([a, b, rho]) => html`<tr><td>${a}</td><td>${b}</td><td class="num">${rho}</td></tr>`,
      )}</tbody></table>`
    : ''
}</section>`;
}

function reproduceSection(r: LoadedResults): SafeHtml {
  const m = r.manifest;
  const s = r.summary;
  const sens = r.sensitivity;
  let command: string;
  if (m?.command?.length) command = m.command.map(shellQuote).join(' ');
  else if (s) command = ['npx', 'ai-energy-mc', 'run', s.model, '--samples', String(s.samples), '--seed', s.seed, '--sampling', s.sampling].map(shellQuote).join(' ');
  else if (sens) {
    const t = targetName(sens.target);
    command = ['npx', 'ai-energy-mc', 'sensitivity', sens.model, `--${t.kind}`, t.name, '--method', sens.method, '--samples', String(sens.samples), '--seed', sens.seed]
      .map(shellQuote)
      .join(' ');
  } else command = '';
  const facts: [string, string | number | undefined][] = [
    ['Seed', m?.seed ?? s?.seed ?? sens?.seed],
    ['Samples', m?.samples ?? s?.samples ?? sens?.samples],
    ['Sampling', m?.sampling ?? s?.sampling],
    ['Workers', m?.workers ?? s?.workers],
    ['Chunk size', m?.chunkSize],
    ['Percentile method', s?.percentileMethod],
    ['Model file', m?.modelFile],
    ['Model file SHA-256', m?.modelFileSha256],
    ['Overrides (--set)', m && Object.keys(m.overrides ?? {}).length ? Object.entries(m.overrides).map(([k, v]) => `${k}=${v}`).join(', ') : undefined],
    ['Engine version', s?.engineVersion],
    ['Versions', m?.versions ? Object.entries(m.versions).map(([k, v]) => `${k} ${v}`).join(', ') : undefined],
    ['Started', m?.startedAt],
    ['Finished', m?.finishedAt],
    ['Wall time', m?.wallSeconds !== undefined ? `${formatNumber(m.wallSeconds)} s` : undefined],
  ];
  return html`<section id="reproduce"><h2>Reproduce this run</h2>
<p>The same command with the same seed gives the same numbers, bit for bit, whatever the number of workers.</p>
${command ? html`<pre><code>${command}</code></pre>` : ''}
<dl>${facts.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => html`<dt>${k}</dt><dd>${String(v)}</dd>`)}</dl>
</section>`;
}

export interface ReportInput {
  readonly results: LoadedResults;
  readonly charts: readonly NamedChart[];
  readonly assets: ReportAssets;
  /** For the footer; default now. */
  readonly generatedAt?: string;
}

/** Builds the report's HTML text. Pure apart from the clock (pass `generatedAt` to pin it). */
export function buildReport(input: ReportInput): string {
  const { results: r, charts, assets } = input;
  const s = r.summary;
  const m = r.manifest;
  const sens = r.sensitivity;
  const title = s?.title ?? m?.title ?? (sens ? `Sensitivity of ${sens.model}` : 'Results');
  const model = s?.model ?? m?.model ?? sens?.model ?? '';
  const description = m?.description;
  const scripts = [...assets.scripts.map((a) => a.code), BOOTSTRAP];
  const csp = [
    "default-src 'none'",
    `script-src ${scripts.map(scriptHash).join(' ')} 'unsafe-eval'`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const facts = [
    model && `model ${model}`,
    s?.scenario && `scenario ${s.scenario}`,
    s && `${formatCount(s.samples)} samples`,
    s && `seed ${s.seed}`,
    s && `${Object.hasOwn(SAMPLING_NAMES, s.sampling) ? SAMPLING_NAMES[s.sampling] : s.sampling} sampling`,
    m?.finishedAt && `finished ${m.finishedAt}`,
  ].filter((x): x is string => typeof x === 'string' && x !== '');
  const indexed = charts.map((chart, index) => ({ chart, index }));
  const lead = leadCharts(r, charts);
  const leading = indexed.filter((c) => lead.has(c.chart.name));
  const others = indexed.filter((c) => !lead.has(c.chart.name));
  const primary = s ? primaryOutput(r) : undefined;
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ai-energy-mc">
<title>${title} · ai-energy-mc</title>
<style>
${trusted(fontFaces(assets))}
${trusted(CSS)}
</style>
</head>
<body>
<main>
<header>
<h1>${title}</h1>
${description ? html`<p class="lede">${description}</p>` : ''}
<p class="meta">${facts.join(' · ')}</p>
</header>
<section id="answer">
${s ? s.warnings.map((w) => html`<p class="warning">Warning: ${w}</p>`) : ''}
${Object.keys(s?.claims ?? {}).length ? html`<h2>Claims</h2><p class="meta">The chance each claim holds over the samples, with its 95% confidence interval.</p>${claimsList(r)}` : ''}
${
  leading.length
    ? html`<h2>${primary !== undefined ? outputTitle(r, primary) : 'Sensitivity'}</h2>
${primary !== undefined && r.summary?.outputs[primary] ? primarySentence(r.summary.outputs[primary]) : ''}
${figures(leading)}`
    : ''
}
</section>
${
  s
    ? folded(
        'All outputs and claims',
        html`<section id="summary"><h2>Summary</h2>
<p class="meta">Percentiles over the samples; 95% confidence intervals in grey.</p>
${outputsTable(r)}
${claimsTable(r)}
</section>`,
      )
    : ''
}
${folded('More charts', chartsSection(others))}
${folded('Sensitivity indices', sensitivitySection(r))}
${folded('Parameters and sources', parametersSection(r))}
${folded('Reproduce this run', reproduceSection(r))}
<footer>Generated by ai-energy-mc${s?.engineVersion ? ` ${s.engineVersion}` : ''} on ${input.generatedAt ?? new Date().toISOString()}. Charts drawn with Vega-Lite; this file works offline.</footer>
</main>
<script type="application/json" id="chart-specs">${jsonForScript(charts.map((c) => c.spec))}</script>
${assets.scripts.map((a) => html`<script data-library="${a.name}">${trusted(a.code)}</script>\n`)}
<script>${trusted(BOOTSTRAP)}</script>
</body>
</html>
`;
  return page.value;
}
