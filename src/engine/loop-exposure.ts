// LoopExposure: the loop's exposure as the risk monitor reads it — positions from the ledger, open lots from the working orders, at the mark.
import type { Instrument } from '../core/model/instrument.js';
import type { SymbolWorking, WorkingOrders } from '../core/orders/working-orders.js';
import type { Ledger, SymbolBook } from '../core/portfolio/ledger.js';
import { worstCaseNotionalE8 } from '../core/risk/exposure.js';
import type { ExposureView } from '../core/risk/risk-monitor.js';

export class LoopExposure implements ExposureView {
  /** Per symbol, the ledger book and working-order totals, resolved once for the risk check's hot loop. */
  private readonly exposures: readonly { readonly book: SymbolBook; readonly working: SymbolWorking; readonly atomE8: number }[];
  private readonly instrumentBySymbol: ReadonlyMap<string, Instrument>;

  constructor(
    instruments: readonly Instrument[],
    private readonly ledger: Ledger,
    private readonly working: WorkingOrders,
  ) {
    this.instrumentBySymbol = new Map(instruments.map((i) => [i.symbol, i]));
    this.exposures = instruments.map((i) => ({ book: ledger.book(i.symbol), working: working.symbol(i.symbol), atomE8: i.atomE8 }));
  }

  worstCaseTotalE8(): number {
    let total = 0;
    for (const e of this.exposures) {
      total += worstCaseNotionalE8(e.book.positionLots, e.working.openBuyLots, e.working.openSellLots, e.book.markTicks, e.atomE8);
    }
    return total;
  }

  positionLots(symbol: string): number {
    return this.ledger.book(symbol).positionLots;
  }

  openBuyLots(symbol: string): number {
    return this.working.openBuyLots(symbol);
  }

  openSellLots(symbol: string): number {
    return this.working.openSellLots(symbol);
  }

  markTicks(symbol: string): number {
    return this.ledger.book(symbol).markTicks;
  }

  atomE8(symbol: string): number {
    return this.instrumentBySymbol.get(symbol)!.atomE8;
  }
}
