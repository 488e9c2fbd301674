/**
 * report.html as text: one self-contained file (no URL that a browser would fetch), the
 * summary, claims, parameters with sources and the command to reproduce, a CSP that admits
 * exactly the inlined scripts, and escaping of every crafted string in a results folder.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportAssets } from '../../src/report/assets.ts';
import { escapeHtml, html, jsonForScript, shellQuote } from '../../src/report/escape.ts';
import { writeReport } from '../../src/report/index.ts';
import { copyFixture, fixtureDir, readFixture } from '../charts/helpers.ts';

const XSS = ['<script>alert(1)</script>', '"></div><img src=x onerror=alert(1)>', "'--><svg onload=window.__xss=1><!--"];

/** The page with the bodies of its <script> elements emptied: the markup a browser parses as HTML. */
function markup(page: string): string {
  return page.replace(/(<script\b[^>]*>).*?<\/script>/gs, '$1</script>');
}

/** The first match of `re` in `text` with some context, or null: keeps failure messages short. */
function found(re: RegExp, text: string): string | null {
  const m = re.exec(text);
  return m ? text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 60) : null;
}

/**
 * Every start tag in the markup with its attribute names, read the way an HTML tokenizer
 * does (quoted attribute values may hold any text, including escaped markup).
 */
function startTags(markupText: string): { name: string; attributes: string[] }[] {
  const attr = `\\s+[^\\s"'>/=]+(?:\\s*=\\s*(?:"[^"]*"|'[^']*'|[^\\s"'=<>\`]+))?`;
  const tag = new RegExp(`<([a-zA-Z][\\w-]*)((?:${attr})*)\\s*/?>`, 'g');
  return [...markupText.matchAll(tag)].map((t) => ({
    name: t[1].toLowerCase(),
    attributes: [...t[2].matchAll(new RegExp(attr, 'g'))].map((a) => a[0].trim().split(/[\s=]/)[0].toLowerCase()),
  }));
}

/** The text of every <script> element, in order, with its opening tag. */
function scripts(page: string): { tag: string; body: string }[] {
  return [...page.matchAll(/(<script\b[^>]*>)(.*?)<\/script>/gs)].map((m) => ({ tag: m[1], body: m[2] }));
}

describe('escaping helpers', () => {
  it('escapes the five HTML specials and the backtick', () => {
    expect(escapeHtml(`<a href="x" title='y'>&\`</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
    expect(html`<td>${XSS[0]}</td>`.value).toBe('<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(html`<p>${[XSS[1], html`<b>ok</b>`]}</p>`.value).toBe('<p>&quot;&gt;&lt;/div&gt;&lt;img src=x onerror=alert(1)&gt;<b>ok</b></p>');
  });

  it('makes JSON safe inside a <script> element and keeps it parseable', () => {
    const value = { name: `</script><script>alert(1)</script><!-- & \u2028` };
    const text = jsonForScript(value).value;
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('shell-quotes arguments that need it', () => {
    expect(shellQuote('edunov-2023')).toBe('edunov-2023');
    expect(shellQuote('gpus=lognormal(p5=1e6, p95=2e6)')).toBe(`'gpus=lognormal(p5=1e6, p95=2e6)'`);
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });

  it('the tag scanner used below does see injected markup (a control for the escaping test)', () => {
    const tags = startTags(`<p title="a &lt;img onerror=x&gt;">${XSS[1]}</p>`);
    expect(tags.map((t) => t.name)).toEqual(['p', 'img']);
    expect(tags[0].attributes).toEqual(['title']);
    expect(tags[1].attributes).toEqual(['src', 'onerror']);
  });

  it('inlines library builds that cannot close or confuse a <script> element', () => {
    for (const s of reportAssets().scripts) expect(s.code).not.toMatch(/<\/script|<!--|<script/i);
  });
});

describe('writeReport', () => {
  it('writes one self-contained report.html with tables, charts, parameters and the command', async () => {
    const dir = copyFixture('edunov-2023');
    const file = await writeReport(dir);
    expect(file).toBe(`${dir}/report.html`);
    const page = readFileSync(file, 'utf8');
    const { summary } = readFixture('edunov-2023');

    // Self-contained: no external scripts, stylesheets, fonts, images or imports in the markup
    // (the browser test checks that the inlined libraries fetch nothing either).
    const m = markup(page);
    expect(found(/<script[^>]*\ssrc=/i, m)).toBeNull();
    expect(found(/<link\b/i, m)).toBeNull();
    expect(found(/@import/i, m)).toBeNull();
    expect(found(/url\((?!data:)/i, m)).toBeNull();
    expect(found(/\s(src|href)=["']?([a-z]+:)?\/\//i, m)).toBeNull();
    expect(found(/https?:/i, m)).toBeNull();
    // The inlined libraries are the builds from node_modules, byte for byte.
    const libs = scripts(page).slice(1, 4);
    expect(libs.map((x) => x.body)).toEqual(reportAssets().scripts.map((x) => x.code));

    // Libraries inlined, then the bootstrap; the specs as inert JSON.
    const s = scripts(page);
    expect(s.map((x) => x.tag)).toEqual([
      '<script type="application/json" id="chart-specs">',
      '<script data-library="vega">',
      '<script data-library="vega-lite">',
      '<script data-library="vega-embed">',
      '<script>',
    ]);
    const specs = JSON.parse(s[0].body) as unknown[];
    expect(specs.length).toBe(15);
    expect((page.match(/data-chart="/g) ?? []).length).toBe(15);

    // The CSP admits exactly the executable scripts, by hash.
    const csp = (/http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? '').replace(/&#39;/g, "'");
    expect(csp).toContain("default-src 'none'");
    for (const x of s.slice(1)) {
      const hash = createHash('sha256').update(x.body, 'utf8').digest('base64');
      expect(csp).toContain(`'sha256-${hash}'`);
    }
    expect(/script-src[^;]*'unsafe-inline'/.test(csp)).toBe(false);

    // Summary and claims.
    expect(page).toContain(summary.title.replace(/&/g, '&amp;'));
    expect(page).toContain('two_reactors_suffice');
    expect(page).toContain('76.2%');
    expect(page).toContain('18.4');
    // Parameters with their distributions and sources.
    expect(page).toContain('lognormal(p5=1e6, p95=2e6)');
    expect(page).toContain('WNA World Nuclear Performance Report 2025');
    // How to reproduce.
    expect(page).toContain('<code>npx ai-energy-mc run edunov-2023 --samples 1000000 --seed 1</code>');
    expect(page).toContain('3f1c9a2b7d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8');
    // Sensitivity table.
    expect(page).toContain('id="sensitivity"');
    expect(page).toContain('Spearman ρ');
  });

  it('escapes every crafted string from summary.json, manifest.json and sensitivity.json', async () => {
    const dir = copyFixture('xss');
    const page = readFileSync(await writeReport(dir), 'utf8');
    for (const x of XSS) expect(found(new RegExp(x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), page)).toBeNull();
    const m = markup(page);
    const tags = startTags(m);
    const names = new Set(tags.map((t) => t.name));
    for (const n of names) {
      expect(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'h1', 'h2', 'h3', 'p', 'nav', 'a', 'section', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'br', 'strong', 'code', 'pre', 'div', 'figure', 'figcaption', 'dl', 'dt', 'dd', 'footer', 'script', 'details', 'summary', 'ul', 'li']).toContain(n);
    }
    expect(tags.flatMap((t) => t.attributes).filter((a) => a.startsWith('on'))).toEqual([]);
    expect(tags.filter((t) => t.name === 'a').every((t) => t.attributes.join() === 'href')).toBe(true);
    // Still exactly the five script elements of a clean report: nothing injected.
    expect(scripts(page).map((x) => x.tag)).toEqual([
      '<script type="application/json" id="chart-specs">',
      '<script data-library="vega">',
      '<script data-library="vega-lite">',
      '<script data-library="vega-embed">',
      '<script>',
    ]);
    expect((m.match(/<script\b/gi) ?? []).length).toBe(5);
    expect((m.match(/<\/script>/gi) ?? []).length).toBe(5);
    // The crafted text is shown, escaped, rather than dropped.
    expect(m).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(m).toContain('&quot;&gt;&lt;/div&gt;&lt;img src=x onerror=alert(1)&gt;');
    // And the specs round-trip: the chart titles carry the crafted names verbatim.
    const specs = JSON.parse(scripts(page)[0].body) as { title: { text: string } }[];
    expect(specs.some((s) => s.title.text.includes(XSS[0]))).toBe(true);
  });

  it('reports a folder that holds only sensitivity.json (as the sensitivity command writes)', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'aemc-sens-')), 'sens');
    mkdirSync(dir);
    copyFileSync(join(fixtureDir('edunov-2023'), 'sensitivity.json'), join(dir, 'sensitivity.json'));
    const page = readFileSync(await writeReport(dir), 'utf8');
    expect((page.match(/data-chart="/g) ?? []).length).toBe(3);
    expect(page).toContain('Sensitivity of edunov-2023');
    expect(page).toContain('npx ai-energy-mc sensitivity edunov-2023 --output annual_twh --method all --samples 16384 --seed 1');
  });
});
