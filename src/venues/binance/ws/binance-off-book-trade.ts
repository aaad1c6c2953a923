// Binance USDⓈ-M `trade` frames that are not public book trades (X ≠ "MARKET"): read into OffBookTradeEvents, which no fill model sees.
//
// Facts and where they come from:
// - USDⓈ-M `<symbol>@trade` frames carry `X`, the trade's origin: "MARKET" for a match in the public book,
//   "INSURANCE_FUND" and "ADL" for the insurance fund taking over a liquidated position and for
//   auto-deleveraging (real frame in dev.binance.vision/t/insurance-fund-trades-information/18342:
//   {"e":"trade",…,"s":"OPUSDT","t":460859189,"p":"3.7041208","q":"3.5","X":"INSURANCE_FUND","m":true};
//   tardis-dev/tardis-node src/mappers/binance.ts types X as 'INSURANCE_FUND' | 'MARKET' | 'ADL' and drops
//   both as off-book). Issue #12 names "NA" as seen too. No doc lists the values: any X other than "MARKET" is off-book.
// - Such prices are not book prices: the frame above is finer than OPUSDT's tick. They are kept as decimal strings.
// - The USDⓈ-M aggTrade stream holds market trades only: "Only market trades will be aggregated, which means the
//   insurance fund trades and ADL trades won't be aggregated" (developers.binance.com/docs/derivatives/
//   usds-margined-futures/websocket-market-streams/Aggregate-Trade-Streams). Spot trade frames have no `X`.
import type { SymbolGrid } from '../../../core/market/symbol-grid.js';
import type { MarketDataEvent } from '../../../core/model/market-data-event.js';
import { isPlainDecimal } from '../../../core/money/fast-units.js';
import type { BinanceTradeWire } from './binance-ws-wire.js';

/** A time or id: a safe integer ≥ 0. */
const isNat = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** The `X` of a trade in the public book; a frame without `X` (spot, older futures frames) is one too. */
export const BINANCE_BOOK_TRADE_ORIGIN = 'MARKET';

/** True when the frame says it is not a public book trade (`X` present and not "MARKET"). */
export function isOffBookTrade(w: BinanceTradeWire): boolean {
  return w.X !== undefined && w.X !== BINANCE_BOOK_TRADE_ORIGIN;
}

/** Appends the off-book trade of `w` to `out`; false (nothing appended) when a field is missing or mistyped. */
export function readOffBookTrade(w: BinanceTradeWire, grid: SymbolGrid, out: MarketDataEvent[]): boolean {
  const { E, t, X, p, q } = w;
  if (!isNat(E) || !isNat(t) || typeof X !== 'string' || X === '' || !isPlainDecimal(p) || !isPlainDecimal(q)) return false;
  out.push({ kind: 'off-book-trade', symbol: grid.symbol, ts: E, origin: X, tradeId: String(t), price: p, qty: q });
  return true;
}
