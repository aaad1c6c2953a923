// ExitOcoManager: keeps one OCO per symbol that closes the position — take profit resting, stop loss waiting — and renews it when the position changes.
import type { OrderNo } from '../core/model/ids.js';
import type { SymbolIndex } from '../core/model/symbol-table.js';
import type { Instrument } from '../core/model/instrument.js';
import type { Side } from '../core/model/order.js';
import type { WorkingOrders } from '../core/orders/working-orders.js';
import type { Ledger } from '../core/portfolio/ledger.js';
import type { ExchangeClient } from '../ports/exchange-client.js';
import type { LoopCounters } from './loop-counters.js';

export interface ExitOcoSettings {
  /** Take-profit distance of the limit leg from the mid, bps × 10⁴ (at least one tick). */
  readonly takeProfitBpsE4: number;
  /** Stop distance from the mid, bps × 10⁴ (at least one tick); the stop leg's limit price is one tick beyond the stop. */
  readonly stopLossBpsE4: number;
}

interface LiveExit {
  readonly side: Side;
  readonly qtyLots: number;
  readonly legs: Set<OrderNo>;
  cancelSent: boolean;
}

const BPS_E4_PER_UNIT = 100_000_000;

/**
 * Rules: after each market update of a symbol, an open position gets an exit OCO on the opposite side for its whole
 * size (when that size meets the instrument's minimum quantity and notional). When the position no longer matches the
 * live exit (it changed, flipped or closed), the exit is cancelled (cancelling one leg cancels the list) and a new one
 * follows once both legs are gone. Frozen: no new exits. Both legs count as open orders on their side (conservative:
 * only one can execute).
 */
export class ExitOcoManager {
  /** The live exit of each symbol index, if any. */
  private readonly exits: (LiveExit | undefined)[] = [];
  private readonly legToSymbol = new Map<OrderNo, SymbolIndex>();

  constructor(
    private readonly settings: ExitOcoSettings,
    private readonly deps: {
      readonly venue: ExchangeClient;
      readonly working: WorkingOrders;
      readonly ledger: Ledger;
      /** The run's instruments: index i is symbol index i. */
      readonly instruments: readonly Instrument[];
      readonly counters: LoopCounters;
    },
  ) {}

  /** After a market update of symbol index `symbol`. */
  onMarket(symbol: SymbolIndex, midTicks: number, frozen: boolean): void {
    const position = this.deps.ledger.book(symbol).positionLots;
    const exit = this.exits[symbol];
    if (exit !== undefined) {
      const matches = position !== 0 && exit.qtyLots === Math.abs(position) && exit.side === (position > 0 ? 'SELL' : 'BUY');
      if (!matches && !exit.cancelSent) {
        exit.cancelSent = true;
        this.deps.counters.exitOcosCancelled++;
        // One live leg is enough: the venue cancels the whole list.
        for (const id of exit.legs) {
          this.deps.venue.cancelOrder(id);
          break;
        }
      }
      return;
    }
    if (position === 0 || frozen) return;
    this.place(symbol, midTicks, position);
  }

  private place(symbol: SymbolIndex, midTicks: number, position: number): void {
    const instrument = this.deps.instruments[symbol]!;
    const side: Side = position > 0 ? 'SELL' : 'BUY';
    const qtyLots = Math.abs(position);
    const tp = Math.max(1, Math.ceil((midTicks * this.settings.takeProfitBpsE4) / BPS_E4_PER_UNIT));
    const sl = Math.max(1, Math.ceil((midTicks * this.settings.stopLossBpsE4) / BPS_E4_PER_UNIT));
    const limitPriceTicks = side === 'SELL' ? midTicks + tp : midTicks - tp;
    const stopTicks = side === 'SELL' ? midTicks - sl : midTicks + sl;
    const stopLimitPriceTicks = side === 'SELL' ? stopTicks - 1 : stopTicks + 1;
    const lowest = Math.min(limitPriceTicks, stopLimitPriceTicks);
    if (lowest <= 0 || qtyLots < instrument.minQtyLots || qtyLots > instrument.maxQtyLots || lowest * qtyLots * instrument.atomE8 < instrument.minNotionalE8) {
      this.deps.counters.exitOcosSkipped++;
      return;
    }
    const ids = this.deps.venue.placeOco({ symbol: instrument.symbol, symbolIndex: symbol, side, qtyLots, limitPriceTicks, stopTicks, stopLimitPriceTicks, quoteMidTicks: midTicks });
    this.deps.working.addOther(ids.limit, symbol, side, limitPriceTicks, qtyLots);
    this.deps.working.addOther(ids.stop, symbol, side, stopLimitPriceTicks, qtyLots);
    this.exits[symbol] = { side, qtyLots, legs: new Set([ids.limit, ids.stop]), cancelSent: false };
    this.legToSymbol.set(ids.limit, symbol);
    this.legToSymbol.set(ids.stop, symbol);
    this.deps.counters.exitOcosPlaced++;
  }

  /** A leg reached a terminal state; the exit is gone once both legs are. */
  onTerminal(seq: OrderNo): void {
    if (this.legToSymbol.size === 0) return;
    const symbol = this.legToSymbol.get(seq);
    if (symbol === undefined) return;
    this.legToSymbol.delete(seq);
    const exit = this.exits[symbol]!;
    exit.legs.delete(seq);
    if (exit.legs.size === 0) this.exits[symbol] = undefined;
  }
}
