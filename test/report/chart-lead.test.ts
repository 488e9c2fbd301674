/**
 * report.html leads with the answer (issue 11, §5): the model's title and question, the claims with
 * probability and interval, the primary output's distribution and exceedance charts, the tornado
 * when there is a sensitivity result; everything else folded in <details>. And it reads on a phone:
 * in Chromium at a 390-px-wide viewport the page does not scroll sideways (screenshots at 390 and
 * 1280 px are written to the temp folder and their paths printed).
 *
 * The browser part skips, as test/report/browser.test.ts does, only when /usr/bin/chromium is
 * missing and CI is not set; on CI a missing browser fails it.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/index.ts';
import { formatClaim } from '../../src/results/format-number.ts';
import { copyFixture, FIXTURES } from '../charts/helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const skip = !existsSync(CHROMIUM) && !process.env.CI;
if (skip) console.log(`Skipping the phone-width report test: ${CHROMIUM} is not installed and CI is not set (apt-get install -y chromium to run it).`);

function copyDeclared(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'aemc-chart-report-')), 'chart-declared');
  cpSync(join(FIXTURES, 'chart-declared'), dir, { recursive: true });
  return dir;
}

describe('report.html leads with the answer', () => {
  it('title and question, then the claims, the primary output’s charts and the tornado; the rest folded', async () => {
    const dir = copyDeclared();
    const page = readFileSync(await writeReport(dir), 'utf8');
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    const body = page.slice(page.indexOf('<body>'), page.indexOf('<script type="application/json"'));
    const firstFold = body.indexOf('<details>');
    const answer = body.slice(0, firstFold);
    expect(answer).toContain('<h1>Declared: two reactors for a year of AI inference?</h1>');
    expect(answer).toContain('Does one year of the fleet need more than the output of two 1 GW reactors?');
    for (const [, c] of Object.entries(summary.claims) as [string, { probability: number; ci95: [number, number] }][]) {
      const f = formatClaim(c.probability, c.ci95);
      expect(answer).toContain(`<strong>${f.probability}</strong>`);
      expect(answer).toContain(f.interval);
    }
    expect(answer).toContain('P(Reactors needed ≤ 2)');
    const lead = [...answer.matchAll(/data-name="([^"]+)"/g)].map((m) => m[1]);
    expect(lead).toEqual(['distribution-energy', 'exceedance-energy', 'tornado-energy']);
    expect(answer.indexOf('class="claims"')).toBeLessThan(answer.indexOf('data-name="distribution-energy"'));
    // Everything else sits below, folded.
    const rest = body.slice(firstFold);
    for (const part of ['id="summary"', 'data-name="fan-electricity"', 'data-name="sobol-energy"', 'id="sensitivity"', 'id="parameters"', 'id="reproduce"']) {
      expect(rest).toContain(part);
    }
    expect((rest.match(/<details>/g) ?? []).length).toBe(5);
  });

  it('an older folder without a declared primary output leads with its first output', async () => {
    const page = readFileSync(await writeReport(copyFixture('edunov-2023')), 'utf8');
    const answer = page.slice(page.indexOf('<body>'), page.indexOf('<details>'));
    expect([...answer.matchAll(/data-name="([^"]+)"/g)].map((m) => m[1])).toEqual(['distribution-annual_twh', 'exceedance-annual_twh', 'tornado-annual_twh']);
  });
});

describe.skipIf(skip)('report.html on a phone', () => {
  let context: BrowserContext;
  let report: string;

  beforeAll(async () => {
    report = await writeReport(copyDeclared());
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'aemc-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 390, height: 844 },
    });
  });

  afterAll(async () => {
    await context?.close();
  });

  for (const width of [390, 1280]) {
    it(`no horizontal overflow at ${width} px, every chart drawn, folded sections opened too`, async () => {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.setViewportSize({ width, height: 844 });
      await page.goto(pathToFileURL(report).href);
      await page.waitForSelector('html[data-charts-ready]', { timeout: 30_000 });
      const states = await page.$$eval('[data-chart]', (boxes) => boxes.map((b) => b.getAttribute('data-rendered')));
      expect(states.every((s) => s === 'true')).toBe(true);
      const overflow = () => page.evaluate(() => (document.scrollingElement as Element).scrollWidth);
      expect(await overflow()).toBeLessThanOrEqual(width);
      const shot = join(tmpdir(), `aemc-report-phone-${width}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      console.log(`screenshot: ${shot}`);
      // Open every folded section: the tables and charts inside must not widen the page either.
      await page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      expect(await overflow()).toBeLessThanOrEqual(width);
      if (width === 390) await page.screenshot({ path: join(tmpdir(), 'aemc-report-phone-390-open.png'), fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
