// ChartData: the --series records turned into what the HTML report's charts draw — per symbol aligned columns (seconds on x), fill markers and the freeze bands; numbers for drawing only, the tables keep the decimal strings.
import type { SeriesRecord } from '../../core/report/series-record.js';

/** Most points a line chart draws per symbol: a longer series is thinned to every k-th sample (deterministic). */
export const MAX_POINTS = 20_000;
/** Most symbols charted; the rest are named in a note. */
export const MAX_CHART_SYMBOLS = 24;

export interface SymbolChart {
  readonly symbol: string;
  /** Price chart: x (s) over samples and fills; mid, bid, ask (null between samples), and fill prices by kind (null elsewhere). */
  readonly price: { readonly x: number[]; readonly mid: (number | null)[]; readonly bid: (number | null)[]; readonly ask: (number | null)[]; readonly makerBuy: (number | null)[]; readonly makerSell: (number | null)[]; readonly takerBuy: (number | null)[]; readonly takerSell: (number | null)[] };
  /** Sample charts: x (s) over samples. */
  readonly x: number[];
  readonly position: (number | null)[];
  readonly inventory: (number | null)[];
  readonly realized: (number | null)[];
  readonly unrealized: (number | null)[];
  readonly fees: (number | null)[];
  readonly total: (number | null)[];
  readonly edge: (number | null)[];
  readonly threshold: (number | null)[];
  readonly openOrders: (number | null)[];
  readonly samples: number;
  readonly fills: number;
}

export interface ChartData {
  readonly symbols: SymbolChart[];
  /** Frozen intervals [from s, to s]; `to` is the series' last time when the run ended frozen. */
  readonly freezes: { readonly from: number; readonly to: number; readonly reason: string }[];
  /** Symbols in the series beyond MAX_CHART_SYMBOLS (not charted). */
  readonly omittedSymbols: string[];
}

function num(value: unknown): number | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Symbols in `preferred` order first (the report's execution.symbols), then the others by name. */
function symbolOrder(records: readonly SeriesRecord[], preferred: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const r of records) if (typeof r.symbol === 'string' && (r.type === 'sample' || r.type === 'fill')) seen.add(r.symbol);
  const first = preferred.filter((s) => seen.has(s));
  const rest = [...seen].filter((s) => !first.includes(s)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...first, ...rest];
}

function symbolChart(symbol: string, records: readonly SeriesRecord[]): SymbolChart {
  const all = records.filter((r) => r.type === 'sample' && r.symbol === symbol);
  const stride = Math.max(1, Math.ceil(all.length / MAX_POINTS));
  const samples = stride === 1 ? all : all.filter((_, i) => i % stride === 0);
  const fills = records.filter((r) => r.type === 'fill' && r.symbol === symbol).slice(0, MAX_POINTS);
  const col = (key: keyof SeriesRecord & string): (number | null)[] => samples.map((r) => num(r[key as 'mid']));
  // The price chart's x: every sample time and fill time once, ascending (ties: one x, later values win).
  const xs = [...new Set([...samples.map((r) => r.ts_ms), ...fills.map((r) => r.ts_ms)])].sort((a, b) => a - b);
  const at = new Map(xs.map((x, i) => [x, i]));
  const empty = (): (number | null)[] => xs.map(() => null);
  const price = { x: xs.map((x) => x / 1000), mid: empty(), bid: empty(), ask: empty(), makerBuy: empty(), makerSell: empty(), takerBuy: empty(), takerSell: empty() };
  for (const r of samples) {
    const i = at.get(r.ts_ms)!;
    price.mid[i] = num(r.mid);
    price.bid[i] = num(r.bid);
    price.ask[i] = num(r.ask);
  }
  for (const r of fills) {
    const i = at.get(r.ts_ms)!;
    const key = r.liquidity === 'TAKER' ? (r.side === 'SELL' ? 'takerSell' : 'takerBuy') : r.side === 'SELL' ? 'makerSell' : 'makerBuy';
    price[key][i] = num(r.price);
  }
  const fees = col('fees_usd').map((v) => (v === null ? null : -v));
  return {
    symbol,
    price,
    x: samples.map((r) => r.ts_ms / 1000),
    position: col('position'),
    inventory: col('inventory_usd'),
    realized: col('realized_pnl_usd'),
    unrealized: col('unrealized_pnl_usd'),
    fees,
    total: col('total_pnl_usd'),
    edge: col('net_edge_bps'),
    threshold: col('edge_threshold_bps'),
    openOrders: samples.map((r) => (typeof r.open_orders === 'number' ? r.open_orders : null)),
    samples: all.length,
    fills: records.filter((r) => r.type === 'fill' && r.symbol === symbol).length,
  };
}

/** Freeze → unfreeze intervals in time order (a freeze without its unfreeze lasts to the series' end). */
function freezeBands(records: readonly SeriesRecord[]): ChartData['freezes'] {
  const lastMs = records.reduce((m, r) => Math.max(m, r.ts_ms), Number.NEGATIVE_INFINITY);
  const bands: { from: number; to: number; reason: string }[] = [];
  let open: { from: number; reason: string } | null = null;
  for (const r of records) {
    if (r.type === 'freeze' && open === null) open = { from: r.ts_ms, reason: typeof r.reason === 'string' ? r.reason : 'FREEZE' };
    else if (r.type === 'unfreeze' && open !== null) {
      bands.push({ from: open.from / 1000, to: Math.max(open.from, r.ts_ms) / 1000, reason: open.reason });
      open = null;
    }
  }
  if (open !== null) bands.push({ from: open.from / 1000, to: Math.max(open.from, lastMs) / 1000, reason: open.reason });
  return bands.slice(0, MAX_POINTS);
}

/** The charts of a series; `preferred` orders the symbols (the report's own list). */
export function chartData(records: readonly SeriesRecord[], preferred: readonly string[]): ChartData {
  const sorted = records.map((r, i) => ({ r, i })).sort((a, b) => a.r.ts_ms - b.r.ts_ms || a.i - b.i).map(({ r }) => r);
  const symbols = symbolOrder(sorted, preferred);
  return {
    symbols: symbols.slice(0, MAX_CHART_SYMBOLS).map((s) => symbolChart(s, sorted)),
    freezes: freezeBands(sorted),
    omittedSymbols: symbols.slice(MAX_CHART_SYMBOLS),
  };
}
