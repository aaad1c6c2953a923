// The chart library the HTML report inlines: uPlot's minified browser build and stylesheet, read from node_modules when a report is written (nothing is fetched when it is viewed).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import type { ChartAssets } from './html-report.js';

/** uPlot's IIFE build (defines the global `uPlot`) and its CSS, as text. */
export function readUplotAssets(): ChartAssets {
  const require = createRequire(import.meta.url);
  try {
    const js = readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8');
    const css = readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8');
    const version = (JSON.parse(readFileSync(require.resolve('uplot/package.json'), 'utf8')) as { version?: unknown }).version;
    return { js, css, name: `uPlot ${typeof version === 'string' ? version : ''}`.trim() };
  } catch (error) {
    throw new ShadowExecError('E_INSTALL', `the chart library uPlot is not installed next to shadow-exec (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`, {
      advice: 'run `npm install` (or `npm ci`) in the shadow-exec folder',
    });
  }
}
