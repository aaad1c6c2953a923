// Binance `<symbol>@ticker` (event `24hrTicker`, spot and USDⓈ-M) read into a TickerEvent: context for the loop, no part in fills.
//
// Fields read (spot: binance/binance-spot-api-docs web-socket-streams.md, "Individual Symbol Ticker Streams";
// USDⓈ-M: binance/binance-connector-js clients/derivatives-trading-usds-futures/src/websocket-streams/types/
// individual-symbol-ticker-streams-response.ts, same keys without spot's x, b, B, a, A): E event time,
// c last price, o open, h high, l low, v base-asset volume, q quote-asset volume, O / C statistics open / close
// time, n number of trades. p (change, may be negative), P (%), w (weighted average), Q (last quantity), F / L
// (first / last trade id) are not kept.
import type { SymbolGrid } from '../../../core/market/symbol-grid.js';
import type { MarketDataEvent } from '../../../core/model/market-data-event.js';
import { isPlainDecimal } from '../../../core/money/fast-units.js';
import type { BinanceTicker24hWire } from './binance-ws-wire.js';

/** A time or count: a safe integer ≥ 0. */
const isNat = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** Appends the TickerEvent of `w` to `out`; false (nothing appended) when a field is missing, mistyped or out of range. */
export function readTicker24h(w: BinanceTicker24hWire, grid: SymbolGrid, out: MarketDataEvent[]): boolean {
  // Window statistics can predate a tick-size change: prices are rounded half-even to the current tick.
  const lastTicks = grid.refPriceUnits(w.c);
  const openTicks = grid.refPriceUnits(w.o);
  const highTicks = grid.refPriceUnits(w.h);
  const lowTicks = grid.refPriceUnits(w.l);
  const { E, O, C, n, v, q } = w;
  if (!isNat(E) || !isNat(O) || !isNat(C) || C < O || !isNat(n) || !isPlainDecimal(v) || !isPlainDecimal(q)
    || !(lastTicks >= 0) || !(openTicks >= 0) || !(highTicks >= 0) || !(lowTicks >= 0)) {
    return false;
  }
  out.push({
    kind: 'ticker', symbol: grid.symbol, ts: E, windowOpenTs: O, windowCloseTs: C,
    lastTicks, openTicks, highTicks, lowTicks, baseVolume: v, quoteVolume: q, tradeCount: n,
  });
  return true;
}
