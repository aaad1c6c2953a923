// The HTML report in a real browser: Debian's headless chromium (/usr/bin/chromium, driven by playwright-core) opens a report written by `run --html`; no console error, no request, every chart canvas drew pixels, every table number equals the report's; screenshots kept under test-artifacts/.
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCliInProcess } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');
/** Hang guards only (a loaded 2-core machine starts chromium slowly); nothing here measures speed. */
const BROWSER_MS = 90_000;

/** The report's leaf at a table cell's path, as the table prints it. */
function expectedText(report: unknown, path: string): string | undefined {
  let value: unknown = report;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  if (value === undefined) return undefined;
  if (value === null) return '—';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map((v) => (v === null ? '—' : String(v))).join(', ');
  if (typeof value === 'object') return Object.keys(value).length === 0 ? '(none)' : JSON.stringify(value);
  return String(value);
}

describe.skipIf(!existsSync(CHROMIUM))('the HTML report in headless chromium', () => {
  let dir = '';
  let htmlPath = '';
  let report: unknown;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shadow-exec-browser-'));
    htmlPath = join(dir, 'report.html');
    // Drawdown freezes that clear and come back: bands on every chart.
    const run = await runCliInProcess(['run', '--iterations', '1200', '--seed', '42', '--max-drawdown', '1', '--unfreeze', 'auto:1000', '--series', '1s', '--series-out', join(dir, 'series.jsonl'), '--html', htmlPath, '--out', join(dir, 'report.json'), '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads without console errors or requests, draws every chart and shows the report\'s numbers', { timeout: 3 * BROWSER_MS }, async () => {
    const { chromium } = await import('playwright-core');
    const profile = join(dir, 'profile');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1200, height: 1000 },
      timeout: BROWSER_MS,
    });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(BROWSER_MS);
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('request', (request) => {
        if (!request.url().startsWith('file:')) problems.push(`request: ${request.url()}`);
      });
      await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
      // Browser-side code as text: this project compiles without the DOM library.
      await page.waitForFunction(`(() => {
        const expected = document.body.getAttribute('data-charts-expected');
        return expected !== null && Number(document.body.getAttribute('data-charts-drawn') || '0') >= Number(expected);
      })()`);

      // Each chart canvas has pixels that are neither transparent nor white.
      const inked = (await page.evaluate(`[...document.querySelectorAll('.chart canvas')].map((canvas) => {
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        let n = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 245 || data[i + 1] < 245 || data[i + 2] < 245)) n++;
        return n;
      })`)) as number[];
      expect(inked).toHaveLength(4);
      for (const n of inked) expect(n).toBeGreaterThan(500);

      // The freeze bands are there: the series has freezes and the charts say so.
      expect(await page.textContent('#charts')).toMatch(/Shaded red on every chart: frozen \(\d+ freezes\)/);

      // Every value cell equals the report's value at its path.
      const cells = (await page.evaluate(`[...document.querySelectorAll('td[data-path]')].map((td) => [td.getAttribute('data-path'), td.textContent || ''])`)) as [string, string][];
      expect(cells.length).toBeGreaterThan(150);
      const mismatches = cells.filter(([path, text]) => expectedText(report, path) !== text);
      expect(mismatches).toEqual([]);
      expect(cells.find(([path]) => path === 'pnl.total')?.[1]).toBe((report as { pnl: { total: string } }).pnl.total);

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.locator('#charts').screenshot({ path: join(ARTIFACTS, 'html-report-charts.png') });
      await page.screenshot({ path: join(ARTIFACTS, 'html-report-page.png'), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: join(ARTIFACTS, 'html-report-print.png'), fullPage: false });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
