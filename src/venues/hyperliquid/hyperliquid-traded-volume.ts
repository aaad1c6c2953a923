// HyperliquidTradedVolume: the USDC an address has traded in the run, read from the orders it sent (the per-address request budget grows by 1 per USDC).
import { Decimal } from '../../core/money/decimal.js';
import { isTerminal, type Order } from '../../core/model/order.js';
import type { Instrument } from '../../core/model/instrument.js';

interface Tracked {
  readonly order: Order;
  seenLots: number;
}

/**
 * Volume in integer tick × lot units per symbol (exact), turned into whole USDC only when asked. A fill is valued at
 * its order's limit price: a taker fill at a better touch price is overstated by the difference (a simplification).
 * The address starts with no volume: a fresh address (the docs' "since address inception").
 */
export class HyperliquidTradedVolume {
  private readonly tracked: Tracked[] = [];
  private readonly tickLots = new Map<string, number>();

  constructor(private readonly instruments: ReadonlyMap<string, Instrument>) {}

  /** An order sent to the venue: its fills count from now on. */
  track(order: Order): void {
    this.tracked.push({ order, seenLots: order.filledLots });
  }

  /** Takes in what the tracked orders filled since the last call; forgets the ended ones. */
  sweep(): void {
    const t = this.tracked;
    for (let i = t.length - 1; i >= 0; i--) {
      const entry = t[i]!;
      const order = entry.order;
      if (order.filledLots !== entry.seenLots) {
        this.tickLots.set(order.symbol, (this.tickLots.get(order.symbol) ?? 0) + (order.filledLots - entry.seenLots) * order.priceTicks);
        entry.seenLots = order.filledLots;
      }
      if (isTerminal(order.status)) {
        t[i] = t[t.length - 1]!;
        t.pop();
      }
    }
  }

  /** USDC traded so far, exact (tick size × lot size × tick-lots, summed over symbols in name order). */
  usdc(): Decimal {
    let total = new Decimal(0);
    for (const symbol of [...this.tickLots.keys()].sort()) {
      const instrument = this.instruments.get(symbol)!;
      total = total.plus(new Decimal(instrument.tickSize).times(instrument.lotSize).times(this.tickLots.get(symbol)!));
    }
    return total;
  }
}
