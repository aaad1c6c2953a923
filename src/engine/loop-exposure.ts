// LoopExposure: the loop's exposure as the risk monitor reads it — positions from the ledger, open lots from the working orders, at the mark.
import type { Instrument } from '../core/model/instrument.js';
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
  /** Per symbol, the ledger book and working-order totals, resolved once for the risk check's hot loop (config order). */
  private readonly exposures: readonly SymbolExposure[];
  private readonly bySymbol: ReadonlyMap<string, SymbolExposure>;
  /** The symbol asked about last: one order check asks five questions about the same symbol. */
  private last: SymbolExposure | null = null;
  private lastSymbol = '';

  constructor(
    instruments: readonly Instrument[],
    private readonly ledger: Ledger,
    private readonly working: WorkingOrders,
  ) {
    this.exposures = instruments.map((i) => ({ book: ledger.book(i.symbol), working: working.symbol(i.symbol), atomE8: i.atomE8 }));
    this.bySymbol = new Map(instruments.map((i, n) => [i.symbol, this.exposures[n]!]));
  }

  worstCaseTotalE8(): number {
    let total = 0;
    for (const e of this.exposures) {
      total += worstCaseNotionalE8(e.book.positionLots, e.working.openBuyLots, e.working.openSellLots, e.book.markTicks, e.atomE8);
    }
    return total;
  }

  /** The symbol's sources; for a symbol that is not traded, ledger.book throws (as these reads always did). */
  private of(symbol: string): SymbolExposure {
    if (this.last !== null && this.lastSymbol === symbol) return this.last;
    const e = this.bySymbol.get(symbol);
    if (e === undefined) return { book: this.ledger.book(symbol), working: this.working.symbol(symbol), atomE8: Number.NaN };
    this.last = e;
    this.lastSymbol = symbol;
    return e;
  }

  positionLots(symbol: string): number {
    return this.of(symbol).book.positionLots;
  }

  openBuyLots(symbol: string): number {
    return this.of(symbol).working.openBuyLots;
  }

  openSellLots(symbol: string): number {
    return this.of(symbol).working.openSellLots;
  }

  markTicks(symbol: string): number {
    return this.of(symbol).book.markTicks;
  }

  atomE8(symbol: string): number {
    return this.of(symbol).atomE8;
  }
}
