// BarBuffer: trade ticks → OHLCV BarEvents (source 'buffer') per symbol at one or more resolutions, aligned to epoch boundaries.
//
// Rules (units: ts in ms since the epoch; prices in ticks; volume in lots):
// - A bar covers [openTs, openTs + resolutionMs) with openTs = floor(ts / resolutionMs) * resolutionMs,
//   so a trade exactly on a boundary opens the new bar. Its event `ts` is the end boundary
//   openTs + resolutionMs (the instant it became complete) and `closed` is true.
// - Open = price of the trade with the smallest ts, close = with the largest ts (equal ts: the
//   first / last to arrive), high/low = extremes, volume = Σ lots, tradeCount = number of trades.
// - A bar is emitted when the first trade of a later interval arrives (onTrade), when the clock
//   passes its end (advanceTo(ts) with ts ≥ end), or by flush() (end of stream: every open bar is
//   emitted as is).
// - Late trades: a trade whose interval was already emitted, or lies before the open bar, is dropped
//   and counted in `lateDropped` — an emitted bar is never reopened or re-emitted. Lateness is
//   judged per (symbol, resolution) series, so a tick late for a 1s series may still count in the
//   still-open 1m bar.
// - Empty intervals: 'skip' emits nothing for them; 'carry' emits a flat bar at the previous close
//   (volume 0, tradeCount 0) for each empty interval after the series' first bar, when a later trade
//   arrives or the clock passes it. One gap yields at most `maxCarryBars` flat bars (the most
//   recent ones); the rest are counted in `carryBarsSkipped`.
// - Emission order within one call: by ts (end boundary), then resolutionMs, then symbol (code-unit
//   order) — unique per bar, so the order never depends on Map insertion or arrival races.
// - Volume stays a safe integer or the buffer throws E_INVARIANT (2^53 lots in one bar is absurd).
import { invariantViolation } from '../errors/shadow-exec-error.js';
import type { BarEvent, TradeEvent } from '../model/market-data-event.js';

export type EmptyIntervalRule = 'skip' | 'carry';

export interface BarBufferOptions {
  /** Bar lengths in ms (see bar-resolution.ts), each a positive safe integer, no repeats. */
  readonly resolutionsMs: readonly number[];
  /** What an interval without trades yields. @default 'skip' */
  readonly emptyIntervals?: EmptyIntervalRule;
  /** Most flat bars one gap of one series yields in 'carry' mode. @default 100000 */
  readonly maxCarryBars?: number;
}

export interface BarBufferCounters {
  /** Trades received. */
  trades: number;
  /** (trade, series) pairs dropped as late. */
  lateDropped: number;
  /** Bars emitted, flat carry bars included. */
  barsEmitted: number;
  /** Flat bars emitted for empty intervals. */
  carryBars: number;
  /** Flat bars not emitted because a gap exceeded `maxCarryBars`. */
  carryBarsSkipped: number;
}

interface OpenBar {
  readonly openTs: number;
  openTicks: number;
  openTradeTs: number;
  highTicks: number;
  lowTicks: number;
  closeTicks: number;
  closeTradeTs: number;
  volumeLots: number;
  tradeCount: number;
}

interface Series {
  readonly symbol: string;
  readonly resolutionMs: number;
  open: OpenBar | null;
  /** End of the last emitted bar (real or flat), null before the first. */
  emittedUntil: number | null;
  /** Close of the last emitted bar, null before the first. */
  lastCloseTicks: number | null;
}

export class BarBuffer {
  private readonly resolutions: readonly number[];
  private readonly carry: boolean;
  private readonly maxCarryBars: number;
  private readonly bySymbol = new Map<string, Series[]>();
  private readonly stats: BarBufferCounters = { trades: 0, lateDropped: 0, barsEmitted: 0, carryBars: 0, carryBarsSkipped: 0 };

  constructor(options: BarBufferOptions) {
    const sorted = [...options.resolutionsMs].sort((a, b) => a - b);
    if (sorted.length === 0) throw invariantViolation('BarBuffer needs at least one resolution');
    for (let i = 0; i < sorted.length; i++) {
      const ms = sorted[i] as number;
      if (!Number.isSafeInteger(ms) || ms <= 0) throw invariantViolation(`bar resolution must be a positive integer of ms, got ${ms}`);
      if (i > 0 && ms === sorted[i - 1]) throw invariantViolation(`bar resolution ${ms} ms is given twice`);
    }
    const maxCarryBars = options.maxCarryBars ?? 100_000;
    if (!Number.isSafeInteger(maxCarryBars) || maxCarryBars < 0) throw invariantViolation(`maxCarryBars must be a non-negative integer, got ${maxCarryBars}`);
    this.resolutions = sorted;
    this.carry = (options.emptyIntervals ?? 'skip') === 'carry';
    this.maxCarryBars = maxCarryBars;
  }

  counters(): Readonly<BarBufferCounters> {
    return { ...this.stats };
  }

  /** Adds a trade; returns the bars it completed (in emission order, possibly none). */
  onTrade(trade: TradeEvent): BarEvent[] {
    const { ts, priceTicks, qtyLots } = trade;
    if (!Number.isSafeInteger(ts) || ts < 0) throw invariantViolation(`trade ts must be a non-negative integer of ms, got ${ts}`);
    if (!Number.isSafeInteger(priceTicks) || priceTicks < 0) throw invariantViolation(`trade price must be non-negative integer ticks, got ${priceTicks}`);
    if (!Number.isSafeInteger(qtyLots) || qtyLots <= 0) throw invariantViolation(`trade size must be positive integer lots, got ${qtyLots}`);
    this.stats.trades++;
    const out: BarEvent[] = [];
    for (const series of this.seriesOf(trade.symbol)) {
      const r = series.resolutionMs;
      const bucket = ts - (ts % r);
      const open = series.open;
      if (open !== null && bucket === open.openTs) {
        addTrade(open, ts, priceTicks, qtyLots);
        continue;
      }
      const late = open !== null ? bucket < open.openTs : series.emittedUntil !== null && bucket < series.emittedUntil;
      if (late) {
        this.stats.lateDropped++;
        continue;
      }
      if (open !== null) this.emit(series, out);
      this.carryUntil(series, bucket, out);
      series.open = {
        openTs: bucket,
        openTicks: priceTicks,
        openTradeTs: ts,
        highTicks: priceTicks,
        lowTicks: priceTicks,
        closeTicks: priceTicks,
        closeTradeTs: ts,
        volumeLots: qtyLots,
        tradeCount: 1,
      };
    }
    return sortBars(out);
  }

  /** Clock tick: emits every open bar whose end is ≤ ts and, in 'carry' mode, flat bars for the empty intervals ended by ts. */
  advanceTo(ts: number): BarEvent[] {
    if (!Number.isSafeInteger(ts) || ts < 0) throw invariantViolation(`clock ts must be a non-negative integer of ms, got ${ts}`);
    const out: BarEvent[] = [];
    for (const list of this.bySymbol.values()) {
      for (const series of list) {
        const open = series.open;
        if (open !== null) {
          if (open.openTs + series.resolutionMs > ts) continue;
          this.emit(series, out);
        }
        this.carryUntil(series, ts - (ts % series.resolutionMs), out);
      }
    }
    return sortBars(out);
  }

  /** End of stream: emits every open bar as it stands (later trades in those intervals are late). */
  flush(): BarEvent[] {
    const out: BarEvent[] = [];
    for (const list of this.bySymbol.values()) {
      for (const series of list) if (series.open !== null) this.emit(series, out);
    }
    return sortBars(out);
  }

  private seriesOf(symbol: string): Series[] {
    let list = this.bySymbol.get(symbol);
    if (list === undefined) {
      list = this.resolutions.map((resolutionMs) => ({ symbol, resolutionMs, open: null, emittedUntil: null, lastCloseTicks: null }));
      this.bySymbol.set(symbol, list);
    }
    return list;
  }

  private emit(series: Series, out: BarEvent[]): void {
    const bar = series.open as OpenBar;
    const end = bar.openTs + series.resolutionMs;
    out.push({
      kind: 'bar',
      symbol: series.symbol,
      ts: end,
      resolutionMs: series.resolutionMs,
      openTs: bar.openTs,
      openTicks: bar.openTicks,
      highTicks: bar.highTicks,
      lowTicks: bar.lowTicks,
      closeTicks: bar.closeTicks,
      volumeLots: bar.volumeLots,
      tradeCount: bar.tradeCount,
      source: 'buffer',
      closed: true,
    });
    series.open = null;
    series.emittedUntil = end;
    series.lastCloseTicks = bar.closeTicks;
    this.stats.barsEmitted++;
  }

  /** 'carry' mode: flat bars for the empty intervals in [emittedUntil, upTo); upTo is a boundary. */
  private carryUntil(series: Series, upTo: number, out: BarEvent[]): void {
    const from = series.emittedUntil;
    const close = series.lastCloseTicks;
    if (!this.carry || from === null || close === null || upTo <= from) return;
    const r = series.resolutionMs;
    const gapBars = (upTo - from) / r;
    const skipped = Math.max(0, gapBars - this.maxCarryBars);
    this.stats.carryBarsSkipped += skipped;
    for (let openTs = from + skipped * r; openTs < upTo; openTs += r) {
      out.push({
        kind: 'bar',
        symbol: series.symbol,
        ts: openTs + r,
        resolutionMs: r,
        openTs,
        openTicks: close,
        highTicks: close,
        lowTicks: close,
        closeTicks: close,
        volumeLots: 0,
        tradeCount: 0,
        source: 'buffer',
        closed: true,
      });
      this.stats.barsEmitted++;
      this.stats.carryBars++;
    }
    series.emittedUntil = upTo;
  }
}

function addTrade(bar: OpenBar, ts: number, priceTicks: number, qtyLots: number): void {
  const volume = bar.volumeLots + qtyLots;
  if (!Number.isSafeInteger(volume)) throw invariantViolation(`bar volume ${bar.volumeLots} + ${qtyLots} lots exceeds 2^53`);
  if (ts < bar.openTradeTs) {
    bar.openTradeTs = ts;
    bar.openTicks = priceTicks;
  }
  if (ts >= bar.closeTradeTs) {
    bar.closeTradeTs = ts;
    bar.closeTicks = priceTicks;
  }
  if (priceTicks > bar.highTicks) bar.highTicks = priceTicks;
  if (priceTicks < bar.lowTicks) bar.lowTicks = priceTicks;
  bar.volumeLots = volume;
  bar.tradeCount++;
}

/** Emission order: ts, then resolutionMs, then symbol by code units (unique per bar). */
function sortBars(bars: BarEvent[]): BarEvent[] {
  if (bars.length > 1) {
    bars.sort((a, b) => a.ts - b.ts || a.resolutionMs - b.resolutionMs || (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
  }
  return bars;
}
