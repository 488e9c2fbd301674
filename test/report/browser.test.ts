/**
 * report.html in a real browser (Debian's Chromium through playwright-core): every chart
 * container holds a rendered SVG, the page logs no error and requests nothing beyond its own
 * file, tooltips work, and a crafted results folder runs no script.
 *
 * Skips only when /usr/bin/chromium is missing and CI is not set; on CI (which installs
 * Chromium) a missing browser fails the test instead.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/index.ts';
import { copyFixture, FIXTURES } from '../charts/helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const skip = !existsSync(CHROMIUM) && !process.env.CI;
if (skip) console.log(`Skipping the browser tests: ${CHROMIUM} is not installed and CI is not set (apt-get install -y chromium to run them).`);

interface Opened {
  readonly page: Page;
  readonly errors: string[];
  readonly external: string[];
  readonly dialogs: string[];
}

describe.skipIf(skip)('report.html in Chromium', () => {
  let context: BrowserContext;
  const reports: Record<string, string> = {};

  beforeAll(async () => {
    for (const name of ['edunov-2023', 'xss'] as const) reports[name] = await writeReport(copyFixture(name));
    const declared = join(mkdtempSync(join(tmpdir(), 'aemc-report-')), 'chart-declared');
    cpSync(join(FIXTURES, 'chart-declared'), declared, { recursive: true });
    reports.declared = await writeReport(declared);
    // Defence in depth: markup that got past the escaping would still be stopped by the CSP.
    // (At the page's last </body>: vega-embed's code holds the string "</body>" too.)
    const clean = readFileSync(reports['edunov-2023'], 'utf8');
    const end = clean.lastIndexOf('</body>');
    const injected = `${clean.slice(0, end)}<script>window.__xss = 1</script><img src="x" onerror="window.__xss = 2"><div onmouseover="window.__xss = 3">x</div>${clean.slice(end)}`;
    reports.injected = join(mkdtempSync(join(tmpdir(), 'aemc-report-')), 'report.html');
    writeFileSync(reports.injected, injected);
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'aemc-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1100, height: 900 },
    });
  });

  afterAll(async () => {
    await context?.close();
  });

  async function open(file: string): Promise<Opened> {
    const page = await context.newPage();
    const errors: string[] = [];
    const external: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!/^(file|data|blob):/.test(r.url())) external.push(r.url());
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('html[data-charts-ready]', { timeout: 30_000 });
    // Open the folded sections (the report leads with the answer): every chart is then on screen to hover.
    await page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    return { page, errors, external, dialogs };
  }

  /** For each chart container: how it ended, its SVG count and its vega mark groups. */
  async function charts(page: Page): Promise<{ state: string | null; svgs: number; marks: number }[]> {
    return page.$$eval('[data-chart]', (boxes) =>
      boxes.map((b) => ({ state: b.getAttribute('data-rendered'), svgs: b.querySelectorAll('svg').length, marks: b.querySelectorAll('g.role-mark').length })),
    );
  }

  it('renders every chart as SVG, logs no error and makes no network request', async () => {
    const { page, errors, external, dialogs } = await open(reports['edunov-2023']);
    const boxes = await charts(page);
    expect(boxes.length).toBe(15);
    for (const b of boxes) {
      expect(b.state).toBe('true');
      expect(b.svgs).toBeGreaterThanOrEqual(1);
      expect(b.marks).toBeGreaterThanOrEqual(1);
    }
    expect(await page.locator('figure').first().textContent()).toContain('How annual_twh is distributed');

    // Tooltips: hover a histogram bar of the first chart.
    const bar = page.locator('[data-chart="0"] g.mark-rect.role-mark path').nth(25);
    await bar.scrollIntoViewIfNeeded();
    await bar.hover();
    const tooltip = page.locator('#vg-tooltip-element');
    await expect.poll(async () => tooltip.isVisible()).toBe(true);
    expect(await tooltip.textContent()).toContain('samples');

    const shot = join(tmpdir(), 'aemc-report-edunov.png');
    await page.screenshot({ path: shot });
    console.log(`screenshot: ${shot}`);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('draws the fan chart of a declared series', async () => {
    const { page, errors, external } = await open(reports.declared);
    const boxes = await charts(page);
    expect(boxes.every((b) => b.state === 'true' && b.svgs >= 1)).toBe(true);
    expect(await page.locator('[data-name="fan-electricity"] g.mark-area').count()).toBe(2);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('runs nothing from a crafted results folder, and shows the crafted text as text', async () => {
    const { page, errors, external, dialogs } = await open(reports.xss);
    const boxes = await charts(page);
    expect(boxes.length).toBeGreaterThan(5);
    for (const b of boxes) expect(b.state).toBe('true');
    // Hover every chart's marks so any tooltip handler gets a chance to misbehave.
    for (let i = 0; i < boxes.length; i++) {
      const mark = page.locator(`[data-chart="${i}"] g.role-mark path, [data-chart="${i}"] g.role-mark line`).first();
      if ((await mark.count()) > 0) await mark.hover({ force: true });
    }
    const text = await page.locator('body').innerText();
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('"></div><img src=x onerror=alert(1)>');
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    const shot = join(tmpdir(), 'aemc-report-xss.png');
    await page.screenshot({ path: shot });
    console.log(`screenshot: ${shot}`);
    await page.close();
  });

  it('blocks injected inline script and event handlers by its Content-Security-Policy', async () => {
    const { page, external, dialogs } = await open(reports.injected);
    await page.locator('div[onmouseover]').hover();
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect((await charts(page)).every((b) => b.state === 'true')).toBe(true);
    expect(dialogs).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });
});
