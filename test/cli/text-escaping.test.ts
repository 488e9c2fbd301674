/**
 * Text from model and results files, through the real CLI (issue 9, §5): a model whose title,
 * description, units, output and claim names and claim descriptions hold a backslash, both
 * quotes, a newline, U+2028/U+2029, `</script>`, vega expression syntax and an ANSI escape
 * (test/fixtures/text-weird.ts) renders every chart (SVG, PNG) and report.html with the text as
 * written, and no terminal output of run, describe, sensitivity, report or compare carries a raw
 * control character, even from a shared summary.json crafted to hold escape sequences.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, type CliResult } from './helpers.ts';

/** Each test chains several CLI runs, some with charts: more than the default minute on a busy 2-core machine. */
const SLOW = { timeout: 180_000 };
const tmp = () => mkdtempSync(join(tmpdir(), 'aemc-text-'));
/** What the fixture's weird text looks like once shown: control characters and separators as escapes. */
const SHOWN = `back\\slash "double" 'single'\\nnew line\\u2028ls\\u2029ps </script><script>alert(1)</script> {{datum.x}} '+alert(2)+' \${x} ESC\\x1b[31mred\\x1b[0m`;
/** Raw control characters (C0 but newline, DEL, C1) and line separators: none may reach a terminal. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

function expectPlainTerminal(r: CliResult): void {
  expect(r.stdout).not.toMatch(RAW_CONTROL);
  expect(r.stderr).not.toMatch(RAW_CONTROL);
}

const decoded = (s: string) => s.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

describe('awkward text in a model', SLOW, () => {
  it('run --charts --report: every chart and the report show it as written; the terminal shows escapes', async () => {
    const out = join(tmp(), 'run');
    const r = await cli(['run', fixture('text-weird.ts'), '--samples', '4000', '--out', out, '--charts', '--report']);
    expect(r.code).toBe(0);
    expectPlainTerminal(r);
    expect(r.stdout).toContain(`Title: ${SHOWN} (text-weird)`);
    expect(r.stdout).toContain(`TWh ${SHOWN}`);
    expect(r.stdout).toContain(`claim "q" \\ '\\u2028`);

    const files = readdirSync(join(out, 'charts'));
    const svgs = files.filter((f) => f.endsWith('.svg'));
    expect(svgs.sort()).toEqual(['convergence', 'distribution', 'exceedance'].flatMap((k) => [`${k}-annual_twh.svg`, `${k}-odd-name-x.svg`]).sort());
    for (const f of svgs) {
      const svg = readFileSync(join(out, 'charts', f), 'utf8');
      expect(svg).not.toMatch(RAW_CONTROL);
      expect(svg).not.toContain('</script>');
      expect(decoded(svg), f).toContain(`Title: ${SHOWN}`);
      expect(statSync(join(out, 'charts', f.replace(/\.svg$/, '.png'))).size).toBeGreaterThan(10_000);
    }
    // Units and names on the axes.
    expect(decoded(readFileSync(join(out, 'charts', 'distribution-annual_twh.svg'), 'utf8'))).toContain(`annual_twh (TWh ${SHOWN})`);
    expect(decoded(readFileSync(join(out, 'charts', 'distribution-odd-name-x.svg'), 'utf8'))).toContain(`odd "name" \\ 'x' (u\\"'\\n\\u2028)`);
    // The claim is a function: no threshold is drawn for it (nothing is read from its name).
    expect(decoded(readFileSync(join(out, 'charts', 'exceedance-annual_twh.svg'), 'utf8'))).toContain(`annual_twh (TWh ${SHOWN})`);

    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toMatch(RAW_CONTROL);
    for (const label of ['Title', 'Description', 'Claim', 'Output', 'Param', 'Source']) expect(decoded(html)).toContain(`${label}: ${SHOWN}`);
    expect(html).toContain('Title: back\\slash &quot;double&quot; &#39;single&#39;\\nnew line\\u2028ls\\u2029ps &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    // The chart specs in the page: `<` escaped, so no `</script>` ends the block early.
    const specs = html.slice(html.indexOf('id="chart-specs">'), html.indexOf('</script>', html.indexOf('id="chart-specs">')));
    expect(specs).toContain('\\u003c/script\\u003e');

    const md = readFileSync(join(out, 'percentiles.md'), 'utf8');
    expect(md).not.toMatch(RAW_CONTROL);
    expect(md).toContain(`| odd "name" \\ 'x' | u\\"'\\n\\u2028 |`);
  });

  it('describe and sensitivity print escapes, never the control characters', async () => {
    const described = await cli(['describe', fixture('text-weird.ts')]);
    expect(described.code).toBe(0);
    expectPlainTerminal(described);
    expect(described.stdout).toContain(`Description: ${SHOWN}`);
    expect(described.stdout).toContain(`source: Source: ${SHOWN}`);

    const out = join(tmp(), 'sens');
    const sens = await cli(['sensitivity', fixture('text-weird.ts'), '--output', `odd "name" \\ 'x'`, '--method', 'spearman', '--samples', '500', '--out', out, '--quiet']);
    expect(sens.code).toBe(0);
    expectPlainTerminal(sens);
  });
});

describe('a shared results folder crafted to send escape sequences', SLOW, () => {
  it('report and compare print no raw control character, and draw the text as escapes', async () => {
    const out = join(tmp(), 'run');
    expect((await cli(['run', fixture('lognormal-product.ts'), '--samples', '3000', '--out', out, '--quiet'])).code).toBe(0);
    const evil = '\u001b]0;owned\u0007\u001b[2J\u009b31m\u2028z';
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    summary.title = `Title ${evil}`;
    summary.model = `model${evil}`;
    summary.outputs[`y${evil}`] = summary.outputs.y;
    writeFileSync(join(out, 'summary.json'), JSON.stringify(summary));
    const dists = JSON.parse(readFileSync(join(out, 'distributions.json'), 'utf8'));
    dists.outputs[`y${evil}`] = dists.outputs.y;
    writeFileSync(join(out, 'distributions.json'), JSON.stringify(dists));

    const report = await cli(['report', out]);
    expect(report.code).toBe(0);
    expectPlainTerminal(report);
    const svg = readFileSync(join(out, 'charts', 'distribution-y-0-owned-2J-31m-z.svg'), 'utf8');
    expect(svg).not.toMatch(RAW_CONTROL);
    expect(svg).toContain('Title \\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\u2028z');

    // The error for an output that is not there lists those that are: as escapes.
    const missing = await cli(['compare', out, '--output', 'nope', '--out', join(tmp(), 'c.json')]);
    expect(missing.code).toBe(2);
    expectPlainTerminal(missing);
    expect(missing.stderr).toContain('y\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\u2028z');

    const compared = await cli(['compare', out, '--output', `y${evil}`, '--out', join(tmp(), 'c.svg')]);
    expect(compared.code).toBe(0);
    expectPlainTerminal(compared);
  });
});
