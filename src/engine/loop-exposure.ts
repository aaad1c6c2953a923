// LoopExposure: the loop's exposure as the risk monitor reads it — positions from the ledger, open lots from the working orders, at the mark — by symbol index.
import { invariantViolation } from '../core/errors/shadow-exec-error.js';
import type { Instrument } from '../core/model/instrument.js';
import type { SymbolIndex } from '../core/model/symbol-table.js';
import type { SymbolWorking, WorkingOrders } from '../core/orders/working-orders.js';
import type { Ledger, SymbolBook } from '../core/portfolio/ledger.js';
import { worstCaseNotionalE8 } from '../core/risk/exposure.js';
import type { ExposureView } from '../core/risk/risk-monitor.js';

/** One symbol's live sources: its ledger book, its working-order totals and its atom (QUOTE_E8 per tick × lot). */
interface SymbolExposure {
  readonly book: SymbolBook;
  readonly working: SymbolWorking;
  readonly atomE8: number;
}

export class LoopExposure implements ExposureView {
  /** Per symbol index, the ledger book and working-order totals, resolved once (the run's symbol order). */
  private readonly exposures: readonly SymbolExposure[];

  /** @param instruments the run's instruments, index i = symbol index i (as the ledger and working orders are keyed) */
  constructor(instruments: readonly Instrument[], ledger: Ledger, working: WorkingOrders) {
    this.exposures = instruments.map((instrument, i) => ({ book: ledger.book(i), working: working.symbol(i), atomE8: instrument.atomE8 }));
  }

  worstCaseTotalE8(): number {
    let total = 0;
    for (const e of this.exposures) {
      total += worstCaseNotionalE8(e.book.positionLots, e.working.openBuyLots, e.working.openSellLots, e.book.markTicks, e.atomE8);
    }
    return total;
  }

  private of(symbol: SymbolIndex): SymbolExposure {
    const e = this.exposures[symbol];
    if (e === undefined) throw invariantViolation(`no exposure for symbol index ${symbol}`);
    return e;
  }

  positionLots(symbol: SymbolIndex): number {
    return this.of(symbol).book.positionLots;
  }

  openBuyLots(symbol: SymbolIndex): number {
    return this.of(symbol).working.openBuyLots;
  }

  openSellLots(symbol: SymbolIndex): number {
    return this.of(symbol).working.openSellLots;
  }

  markTicks(symbol: SymbolIndex): number {
    return this.of(symbol).book.markTicks;
  }

  atomE8(symbol: SymbolIndex): number {
    return this.of(symbol).atomE8;
  }
}
