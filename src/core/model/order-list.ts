// Order lists: an OCO (one-cancels-the-other) pair of a resting limit leg and a dormant stop-limit leg, venue-neutral.
import type { OrderNo } from './ids.js';
import type { SymbolIndex } from './symbol-table.js';
import type { Side } from './order.js';

/**
 * An OCO closing or reducing a position: both legs on `side`, `qtyLots` each. The limit leg rests as maker at
 * `limitPriceTicks` (take profit); the stop leg waits until the market reaches `stopTicks`, then becomes a limit order at
 * `stopLimitPriceTicks`. Executing or triggering one leg cancels the other.
 * SELL: limit above the market, stop below it. BUY: limit below, stop above.
 */
export interface OcoRequest {
  readonly symbol: string;
  readonly symbolIndex: SymbolIndex;
  readonly side: Side;
  readonly qtyLots: number;
  readonly limitPriceTicks: number;
  readonly stopTicks: number;
  readonly stopLimitPriceTicks: number;
  /** Mid price (ticks) the exit was priced from. */
  readonly quoteMidTicks: number;
}

export interface OcoIds {
  readonly listId: string;
  /** The legs' order numbers (their ids are "O-<n>"). */
  readonly limit: OrderNo;
  readonly stop: OrderNo;
}

/**
 * The price relationship an OCO must respect against the market price (Binance's rule for order lists):
 * SELL: limit price > market > stop; BUY: limit price < market < stop.
 */
export function ocoPricesOrdered(request: OcoRequest, marketTicks: number): boolean {
  return request.side === 'SELL'
    ? request.limitPriceTicks > marketTicks && marketTicks > request.stopTicks
    : request.limitPriceTicks < marketTicks && marketTicks < request.stopTicks;
}

/** True when the market has reached a dormant stop: a SELL stop when the best bid is at or below it, a BUY stop when the best ask is at or above it. */
export function stopReached(side: Side, stopTicks: number, bidTicks: number, askTicks: number): boolean {
  return side === 'SELL' ? bidTicks <= stopTicks : askTicks >= stopTicks;
}
