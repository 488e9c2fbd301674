/**
 * Text from results files in charts: every kind of chart (fan, distribution, exceedance,
 * convergence, tornado, Sobol, correlation, comparison) renders to SVG when names, units and
 * titles hold a backslash, both quotes, a newline, U+2028/U+2029, `</script>`, vega expression
 * syntax or an ESC; the text shows as written, control characters as visible escapes.
 * (Through the CLI and into PNG and HTML: test/cli/text-escaping.test.ts.)
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseCharts, loadResults, toSvg } from '../../src/charts/index.ts';
import { compareChart } from '../../src/charts/compare.ts';
import { exprTitle, fieldTitle } from '../../src/charts/text.ts';
import { plainText } from '../../src/results/plain-text.ts';
import { readFixture } from './helpers.ts';

const WEIRD = `b\\s "d" 's'\nn\u2028l\u2029p </script> {{datum.x}} '+alert(2)+' \${x} e\u001b[31m c1\u009b`;
/** How WEIRD looks once made plain: the control characters as escapes, the rest as written. */
const SHOWN = `b\\s "d" 's'\\nn\\u2028l\\u2029p </script> {{datum.x}} '+alert(2)+' \${x} e\\x1b[31m c1\\x9b`;
/** An SVG's text with XML's entities decoded (vega escapes `<` `>` `&`, and `"` in attributes). */
const decoded = (svg: string) => svg.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

describe('plain text for charts and terminals', () => {
  it('shows control characters and line separators as escapes and leaves the rest', () => {
    expect(plainText(WEIRD)).toBe(SHOWN);
    expect(plainText('\t\r\x00\x7f\u202e')).toBe('\\t\\r\\x00\\x7f\\u202e');
    expect(plainText('TWh/yr ±5% — “ok”')).toBe('TWh/yr ±5% — “ok”');
  });

  it('field titles: the axis shows the text, the expression copy has its backslashes doubled', () => {
    expect(exprTitle('a\\b "c"')).toBe('a\\\\b "c"');
    expect(fieldTitle('u\\v', { format: '~g' })).toEqual({ title: 'u\\\\v', axis: { format: '~g', title: 'u\\v' } });
  });
});

describe('every chart kind renders names and units with awkward text', () => {
  it('fan, distribution, exceedance, convergence, tornado, Sobol and correlation charts', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'aemc-text-')), 'run');
    mkdirSync(dir);
    const { summary, distributions } = readFixture('projection');
    const sensitivity = readFixture('edunov-2023').sensitivity!;
    // Output names `<WEIRD>_2023` … get a WEIRD unit, and a manifest declaring them a series with
    // WEIRD labels, a WEIRD reference and a claim on the last year (fan charts, rules and notes).
    const rename = <T extends { unit: string }>(outputs: Readonly<Record<string, T>>) =>
      Object.fromEntries(Object.entries(outputs).map(([name, o]) => [name.replace(/^annual_twh/, WEIRD), { ...o, unit: `TWh ${WEIRD}` }]));
    writeFileSync(join(dir, 'summary.json'), JSON.stringify({ ...summary, title: WEIRD, outputs: rename(summary.outputs) }));
    writeFileSync(join(dir, 'distributions.json'), JSON.stringify({ ...distributions, outputs: rename(distributions.outputs) }));
    const years = [2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030];
    const declared = Object.fromEntries(
      years.map((y) => [`${WEIRD}_${y}`, { unit: `TWh ${WEIRD}`, label: `${WEIRD} ${y}`, series: { name: WEIRD, x: y }, references: [{ label: `ref ${WEIRD}`, value: 100 }] }]),
    );
    const claims = { [`claim ${WEIRD}`]: { output: `${WEIRD}_2030`, op: '<=', value: 150 } };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ model: 'm', title: WEIRD, outputs: declared, claims }));
    const indices = Object.fromEntries(Object.entries(sensitivity.indices).map(([name, i], k) => [k === 0 ? `${name} ${WEIRD}` : name, i]));
    writeFileSync(join(dir, 'sensitivity.json'), JSON.stringify({ ...sensitivity, target: { output: `${WEIRD}_2030` }, indices }));

    const charts = chooseCharts(await loadResults(dir));
    const kinds = new Set(charts.map((c) => c.name.split('-')[0]));
    for (const kind of ['fan', 'distribution', 'exceedance', 'convergence', 'tornado', 'sobol', 'correlation']) expect(kinds).toContain(kind);
    for (const chart of charts) {
      const svg = await toSvg(chart.spec);
      expect(decoded(svg), chart.name).toContain(SHOWN);
      expect(svg).not.toContain('</script>');
      expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/);
    }
  });

  it('a comparison of runs whose labels, output and unit hold awkward text', async () => {
    const { summary } = readFixture('edunov-2023');
    const out = { ...summary.outputs.annual_twh, unit: `u ${WEIRD}` };
    const spec = compareChart({ output: WEIRD, runs: [{ label: `${WEIRD} run`, summary: out }, { label: 'other', summary: out }] });
    const svg = decoded(await toSvg(spec));
    expect(svg).toContain(`${SHOWN} across 2 runs`); // title
    expect(svg).toContain(`${SHOWN} (u ${SHOWN})`); // axis title
    expect(svg).toContain(SHOWN.slice(0, 12)); // the run's label (vega truncates long labels with …)
  });
});
