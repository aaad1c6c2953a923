// renderHtmlReport: one self-contained HTML file from a report (and its --series records) — key figures, charts drawn by the inlined uPlot, orders and rejections by code, risk events, and the config and model sections as tables; no request at view time, readable in print.
import type { SeriesRecord } from '../../core/report/series-record.js';
import { chartData, MAX_POINTS } from './chart-data.js';
import { escapeHtml, scriptJson } from './html-escape.js';
import { HTML_REPORT_SCRIPT } from './html-report-script.js';
import { HTML_REPORT_STYLE } from './html-report-style.js';

/** The chart library's browser build and stylesheet, inlined as they are. */
export interface ChartAssets {
  readonly js: string;
  readonly css: string;
  /** Named in the footer ("uPlot 1.6.32"). */
  readonly name: string;
}

/** Nesting a table follows before it prints the rest of a value as JSON. */
const MAX_DEPTH = 8;
/** Rows of one table; the rest is counted in a last row. */
const MAX_ROWS = 5_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function at(report: unknown, path: string): unknown {
  let value: unknown = report;
  for (const key of path.split('.')) {
    if (!isObject(value) || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

/** A leaf as the tables show it: strings and numbers as they are in the report, null as an em dash. */
function leafText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A value cell carrying its report path (the browser test compares it with the report). */
function valueCell(path: string, value: unknown): string {
  const kind = value === null || value === undefined ? 'null' : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? 'number' : typeof value;
  return `<td class="v v-${kind}" data-path="${escapeHtml(path)}">${escapeHtml(leafText(value))}</td>`;
}

/** Every leaf of `value` as path → value rows, in key order; arrays of scalars as one comma-joined row. */
function flatten(value: unknown, path: string, depth: number, rows: [string, unknown][]): void {
  if (rows.length > MAX_ROWS) return;
  if (isObject(value) && depth < MAX_DEPTH) {
    const keys = Object.keys(value).sort();
    if (keys.length === 0) rows.push([path, '(none)']);
    for (const key of keys) flatten(value[key], path === '' ? key : `${path}.${key}`, depth + 1, rows);
    return;
  }
  if (Array.isArray(value) && depth < MAX_DEPTH) {
    if (value.length === 0) rows.push([path, '(none)']);
    else if (value.every((v) => v === null || typeof v !== 'object')) rows.push([path, value.map(leafText).join(', ')]);
    else value.forEach((v, i) => flatten(v, `${path}.${i}`, depth + 1, rows));
    return;
  }
  rows.push([path, value]);
}

/** A two-column table of `section` (paths relative to it; cells carry the full path). */
function sectionTable(report: unknown, section: string, caption: string): string {
  const value = at(report, section);
  if (value === undefined) return `<p class="note">The report has no ${escapeHtml(section)} section.</p>`;
  const rows: [string, unknown][] = [];
  flatten(value, '', 0, rows);
  const shown = rows.slice(0, MAX_ROWS);
  const body = shown.map(([p, v]) => `<tr><th scope="row">${escapeHtml(p === '' ? section : p)}</th>${valueCell(p === '' ? section : `${section}.${p}`, v)}</tr>`).join('\n');
  const more = rows.length > MAX_ROWS ? `<tr><td colspan="2" class="note">… more rows than ${MAX_ROWS} not shown</td></tr>` : '';
  return `<table class="kv"><caption>${escapeHtml(caption)}</caption><tbody>\n${body}${more}\n</tbody></table>`;
}

/** The key figures: one table of chosen report paths (those absent are left out). */
function keyFigures(report: unknown): string {
  const figures: [string, string][] = [
    ['PnL total, USD', 'pnl.total'],
    ['realized, USD', 'pnl.realized'],
    ['unrealized, USD', 'pnl.unrealized'],
    ['fees, USD', 'pnl.fees'],
    ['fills', 'fills.count'],
    ['maker fills', 'fills.maker'],
    ['taker fills', 'fills.taker'],
    ['orders requested', 'orders.requested'],
    ['orders placed', 'orders.placed'],
    ['orders filled', 'orders.filled'],
    ['orders canceled', 'orders.canceled'],
    ['orders rejected', 'orders.rejected'],
    ['risk blocks', 'orders.risk_blocks'],
    ['risk state at end', 'risk.state'],
    ['freezes', 'risk.freezes_total'],
    ['market updates', 'execution.market_updates'],
    ['virtual duration, ms', 'execution.virtual_duration_ms'],
  ];
  const rows = figures.filter(([, p]) => at(report, p) !== undefined).map(([label, p]) => `<tr><th scope="row">${escapeHtml(label)}</th>${valueCell(p, at(report, p))}</tr>`);
  return `<table class="kv figures"><caption>Key figures</caption><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

/** Numbers of a flat object of counts as a table with proportional bars (orders by outcome, rejections by code). */
function barTable(report: unknown, section: string, caption: string, keys: readonly string[] | null): string {
  const value = at(report, section);
  if (!isObject(value)) return `<p class="note">${escapeHtml(caption)}: none in the report.</p>`;
  const names = (keys ?? Object.keys(value).sort()).filter((k) => typeof value[k] === 'number');
  if (names.length === 0) return `<p class="note">${escapeHtml(caption)}: none.</p>`;
  const max = Math.max(1, ...names.map((k) => Math.abs(value[k] as number)));
  const rows = names.map((k) => {
    const n = value[k] as number;
    const pct = Math.round((Math.abs(n) / max) * 1000) / 10;
    return `<tr><th scope="row">${escapeHtml(k)}</th>${valueCell(`${section}.${k}`, n)}<td class="bar"><span style="width:${pct}%"></span></td></tr>`;
  });
  return `<table class="bars"><caption>${escapeHtml(caption)}</caption><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

/** Risk records (freezes, unfreezes, state changes) as rows of their fields. */
function recordTable(report: unknown, section: string, caption: string, columns: readonly string[]): string {
  const list = at(report, section);
  if (!Array.isArray(list) || list.length === 0) return `<p class="note">${escapeHtml(caption)}: none.</p>`;
  const head = columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const rows = list.slice(0, MAX_ROWS).map((item, i) => `<tr>${columns.map((c) => valueCell(`${section}.${i}.${c}`, isObject(item) ? item[c] : undefined)).join('')}</tr>`);
  return `<table class="records"><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The charts section: one block per symbol with its four charts, or a note saying how to get them. */
function chartsSection(series: readonly SeriesRecord[] | null, symbols: readonly string[]): { html: string; data: unknown } {
  if (series === null) {
    return {
      html: '<p class="note">No time series: run with <code>--series 1s</code> (and <code>--series-out FILE</code>), or pass <code>--series FILE</code> to <code>report html</code>, to draw price, position, PnL and edge over time.</p>',
      data: { symbols: [], freezes: [] },
    };
  }
  const data = chartData(series, symbols);
  const blocks = data.symbols.map((s, i) => {
    const thinned = s.samples > MAX_POINTS ? ` (thinned to ${s.x.length} of ${s.samples} samples)` : '';
    return `<div class="symbol" data-symbol-index="${i}"><h3>${escapeHtml(s.symbol)}</h3><p class="note">${s.samples} samples, ${s.fills} fills${escapeHtml(thinned)}.</p>
<div class="chart chart-price"></div><div class="chart chart-position"></div><div class="chart chart-pnl"></div><div class="chart chart-edge"></div></div>`;
  });
  const omitted = data.omittedSymbols.length === 0 ? '' : `<p class="note">Not charted (more than ${data.symbols.length} symbols): ${escapeHtml(data.omittedSymbols.join(', '))}.</p>`;
  const bands =
    data.freezes.length === 0
      ? '<p class="note">No freeze in the series.</p>'
      : `<p class="note">Shaded red on every chart: frozen (${data.freezes.length} freeze${data.freezes.length === 1 ? '' : 's'}); the darker line marks the instant a freeze began.</p>`;
  const empty = data.symbols.length === 0 ? '<p class="note">The series has no samples.</p>' : '';
  return { html: `${bands}${empty}${blocks.join('\n')}${omitted}`, data };
}

/** The whole document. `report` is a parsed report (checked by the caller to be an object); `series` its --series records or null. */
export function renderHtmlReport(report: unknown, series: readonly SeriesRecord[] | null, assets: ChartAssets): string {
  const symbols = stringList(at(report, 'execution.symbols'));
  const title = `shadow-exec report: ${leafText(at(report, 'execution.exchange'))} ${symbols.join(', ')} seed ${leafText(at(report, 'seed'))}`;
  const charts = chartsSection(series, symbols);
  const status = `${leafText(at(report, 'execution.status'))}, ${leafText(at(report, 'execution.mode'))} mode, ${leafText(at(report, 'execution.feed'))} feed, from ${leafText(at(report, 'runtime.start_utc'))} to ${leafText(at(report, 'runtime.utc'))} (${leafText(at(report, 'runtime.clock'))} clock)`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${assets.css.replace(/<\/style/gi, '<\\/style')}</style>
<style>${HTML_REPORT_STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="status">${escapeHtml(status)}; ${escapeHtml(leafText(at(report, 'tool')))} ${escapeHtml(leafText(at(report, 'version')))}</p>
<nav><a href="#figures">Key figures</a> · <a href="#charts">Charts</a> · <a href="#orders">Orders</a> · <a href="#risk">Risk</a> · <a href="#config">Config</a> · <a href="#model">Model</a></nav>
</header>
<main>
<section id="figures"><h2>Key figures</h2>
<div class="row">
${keyFigures(report)}
${sectionTable(report, 'pnl.by_symbol', 'PnL by symbol, USD')}
${sectionTable(report, 'positions', 'Positions')}
</div>
</section>
<section id="charts"><h2>Charts</h2>
${charts.html}
</section>
<section id="orders"><h2>Orders</h2>
${barTable(report, 'orders', 'Orders by outcome', ['requested', 'placed', 'filled', 'canceled', 'rejected', 'risk_blocks', 'held_by_throttle', 'dropped_before_send', 'cancels_sent', 'amends_sent', 'amends_rejected', 'cancel_races_lost', 'open_at_end'])}
${barTable(report, 'orders.rejects_by_code', 'Rejections by venue code', null)}
${barTable(report, 'risk.blocks_by_reason', 'Risk blocks by reason', null)}
${recordTable(report, 'fills.recent', 'Latest fills', ['utc', 'symbol', 'side', 'price', 'qty', 'liquidity', 'fee', 'order_id'])}
</section>
<section id="risk"><h2>Risk</h2>
${recordTable(report, 'risk.freezes', 'Freezes', ['utc', 'reason', 'symbol', 'source', 'net_edge_bps', 'threshold_bps', 'orders_cancelled', 'cancel_duration_ms'])}
${recordTable(report, 'risk.unfreeze_events', 'Unfreezes', ['utc', 'reason', 'symbol', 'source', 'frozen_ms'])}
${recordTable(report, 'risk.state_changes', 'Risk state changes', ['utc', 'from', 'to', 'reason', 'source'])}
${recordTable(report, 'risk.circuit_breaker.transitions', 'Circuit breaker transitions', ['utc', 'from', 'to', 'reason'])}
${sectionTable(report, 'risk.edge_by_symbol', 'Edge by symbol, bps')}
${sectionTable(report, 'risk.limits', 'Risk limits')}
</section>
<section id="config"><h2>Config</h2>
${sectionTable(report, 'config', 'The run’s settings (report section config)')}
</section>
<section id="model"><h2>Model</h2>
${sectionTable(report, 'model', 'Venue, fill and latency models, quoter and simplifications (report section model)')}
</section>
</main>
<footer><p>Self-contained: charts drawn by ${escapeHtml(assets.name)} (MIT), inlined; this file makes no network request.</p></footer>
<script type="application/json" id="chart-data">${scriptJson(charts.data)}</script>
<script>${assets.js.replace(/<\/script/gi, '<\\/script')}</script>
<script>${HTML_REPORT_SCRIPT}</script>
</body>
</html>
`;
}
