// Covers renderHtmlReport: one document with the chart library and data inlined, every report string escaped, value cells equal to the report's values, and a note instead of charts without a series.
import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../../src/output/html/html-report.js';
import { escapeHtml, scriptJson } from '../../../src/output/html/html-escape.js';
import { chartData } from '../../../src/output/html/chart-data.js';
import type { SeriesRecord } from '../../../src/core/report/series-record.js';

const ASSETS = { js: 'window.uPlot = function () {};', css: '.uplot{}', name: 'uPlot 1.6.32' };
const T0 = Date.parse('2025-01-01T00:00:00.000Z');

function report(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    tool: 'shadow-exec',
    version: '0.1.0',
    seed: 42,
    execution: { exchange: 'fake', symbols: ['BTCUSDT'], status: 'completed', mode: 'shadow', feed: 'synthetic', market_updates: 600, virtual_duration_ms: 60000 },
    pnl: { total: '23.8167897', realized: '28.468', unrealized: '1.6095', fees: '6.2607103', by_symbol: { BTCUSDT: { total: '23.8167897' } } },
    orders: { requested: 115, placed: 115, filled: 67, canceled: 48, rejected: 2, rejects_by_code: { '-2010': 2 } },
    fills: { count: 67, maker: 67, taker: 0, recent: [] },
    risk: { state: 'ACTIVE', freezes_total: 0, freezes: [], blocks_by_reason: {} },
    config: { seed: 42, spread_bps: '20', symbols: ['BTCUSDT'] },
    model: { quoter: { name: 'symmetric', rule: 'bid & ask <at least> spread_bps/2' } },
    ...overrides,
  };
}

/** Every value cell: data-path → its text, entities decoded. */
function cells(html: string): Map<string, string> {
  const out = new Map<string, string>();
  const decode = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  for (const m of html.matchAll(/<td class="v [^"]*" data-path="([^"]*)">([^<]*)<\/td>/g)) out.set(decode(m[1]!), decode(m[2]!));
  return out;
}

describe('renderHtmlReport', () => {
  it('inlines the chart library, its stylesheet and the chart data, and forbids every request by its content security policy', () => {
    const html = renderHtmlReport(report(), null, ASSETS);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<script>window.uPlot = function () {};</script>');
    expect(html).toContain('<style>.uplot{}</style>');
    expect(html).toContain("content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\"");
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toContain('@media print');
  });

  it('puts each report value in a cell marked with its path, as the report has it', () => {
    const c = cells(renderHtmlReport(report(), null, ASSETS));
    expect(c.get('pnl.total')).toBe('23.8167897');
    expect(c.get('orders.filled')).toBe('67');
    expect(c.get('orders.rejects_by_code.-2010')).toBe('2');
    expect(c.get('config.spread_bps')).toBe('20');
    expect(c.get('config.symbols')).toBe('BTCUSDT');
    expect(c.get('model.quoter.rule')).toBe('bid & ask <at least> spread_bps/2');
  });

  it('escapes every string from the report: a hostile symbol, key or value stays text', () => {
    const hostile = '<img src=x onerror=alert(1)>"\'&';
    const html = renderHtmlReport(report({ execution: { exchange: hostile, symbols: [hostile], status: hostile }, config: { [hostile]: hostile } }), null, ASSETS);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain(escapeHtml(hostile));
    expect(cells(html).get(`config.${hostile}`)).toBe(hostile);
  });

  it('keeps the embedded JSON from closing its script element', () => {
    expect(scriptJson({ s: '</script><!--\u2028' })).toBe('{"s":"\\u003c/script\\u003e\\u003c!--\\u2028"}');
    const series: SeriesRecord[] = [{ type: 'sample', ts_ms: T0, utc: 'u', symbol: '</script>', mid: '1' }];
    const html = renderHtmlReport(report(), series, ASSETS);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
  });

  it('says how to get charts when no series is given, and draws one block per symbol when one is', () => {
    expect(renderHtmlReport(report(), null, ASSETS)).toContain('No time series: run with <code>--series 1s</code>');
    const series: SeriesRecord[] = [
      { type: 'sample', ts_ms: T0, utc: 'u', symbol: 'BTCUSDT', mid: '100', bid: '99', ask: '101', position: '0' },
      { type: 'fill', ts_ms: T0 + 500, utc: 'u', symbol: 'BTCUSDT', side: 'SELL', price: '101', qty: '1', liquidity: 'TAKER' },
      { type: 'sample', ts_ms: T0 + 1000, utc: 'u', symbol: 'BTCUSDT', mid: '102', bid: null, ask: null, position: '-1' },
    ];
    const html = renderHtmlReport(report(), series, ASSETS);
    expect(html.match(/<div class="symbol" data-symbol-index="/g)).toHaveLength(1);
    expect(html).toContain('2 samples, 1 fills.');
  });
});

describe('chartData', () => {
  it('aligns samples and fills on one x axis (seconds), fills by kind, fees negative, and freezes as bands to their unfreeze or the end', () => {
    const series: SeriesRecord[] = [
      { type: 'sample', ts_ms: T0, utc: 'u', symbol: 'ETHUSDT', mid: '10', fees_usd: '0.5' },
      { type: 'sample', ts_ms: T0, utc: 'u', symbol: 'BTCUSDT', mid: '100', bid: '99', ask: '101', fees_usd: '0.25' },
      { type: 'fill', ts_ms: T0 + 500, utc: 'u', symbol: 'BTCUSDT', side: 'BUY', price: '99', liquidity: 'MAKER' },
      { type: 'freeze', ts_ms: T0 + 600, utc: 'u', reason: 'EDGE_BELOW_THRESHOLD' },
      { type: 'unfreeze', ts_ms: T0 + 800, utc: 'u', reason: 'EDGE_BELOW_THRESHOLD' },
      { type: 'freeze', ts_ms: T0 + 900, utc: 'u', reason: 'MANUAL' },
      { type: 'sample', ts_ms: T0 + 1000, utc: 'u', symbol: 'BTCUSDT', mid: '102' },
    ];
    const data = chartData(series, ['BTCUSDT']);
    expect(data.symbols.map((s) => s.symbol)).toEqual(['BTCUSDT', 'ETHUSDT']);
    const btc = data.symbols[0]!;
    const t = T0 / 1000;
    expect(btc.price.x).toEqual([t, t + 0.5, t + 1]);
    expect(btc.price.mid).toEqual([100, null, 102]);
    expect(btc.price.makerBuy).toEqual([null, 99, null]);
    expect(btc.fees).toEqual([-0.25, null]);
    expect(data.freezes).toEqual([
      { from: t + 0.6, to: t + 0.8, reason: 'EDGE_BELOW_THRESHOLD' },
      { from: t + 0.9, to: t + 1, reason: 'MANUAL' },
    ]);
  });
});
