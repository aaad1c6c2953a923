// SeriesReplay: the --series fills replayed, in run order, through a ledger of the sampler's own (the run's exact arithmetic) — each fill's fee and, at each sample, the cash, cost basis and fees the run had then.
import type { FeeSchedule } from '../core/sim/fee-schedule.js';
import type { Fill } from '../core/model/fill.js';
import type { FillId, OrderId } from '../core/model/ids.js';
import type { Instrument } from '../core/model/instrument.js';
import type { Liquidity, Side } from '../core/model/order.js';
import { Ledger, type SymbolBook } from '../core/portfolio/ledger.js';
import type { FillColumns } from './series-columns.js';

/** One Fill, rewritten for each fill replayed (the ledger reads it and keeps nothing of it). */
class ReplayedFill implements Fill {
  id = '' as FillId;
  orderId = '' as OrderId;
  symbol = '';
  symbolIndex = 0;
  side: Side = 'BUY';
  priceTicks = 0;
  qtyLots = 0;
  liquidity: Liquidity = 'MAKER';
  ts = 0;
  quoteMidTicks = 0;
}

export class SeriesReplay {
  private readonly ledger: Ledger;
  private readonly fill = new ReplayedFill();
  /** Fills of the run applied so far. */
  private applied = 0;
  /** Fees of fills applied but not asked for yet (by run index): only when a sample needed fills its batch had not written. */
  private readonly aheadFees = new Map<number, bigint>();

  constructor(private readonly instruments: readonly Instrument[], fees: FeeSchedule) {
    this.ledger = new Ledger(instruments, fees);
  }

  /** How many of the run's fills the ledger has applied. */
  get replayed(): number {
    return this.applied;
  }

  /** The book of symbol `s` after the fills applied so far. */
  book(s: number): SymbolBook {
    return this.ledger.book(s);
  }

  /** Applies the run's fills up to the `upTo`-th (exclusive), from `columns` whose first row is fill `base` of the run. */
  applyTo(upTo: number, columns: FillColumns, base: number): void {
    while (this.applied < upTo) this.aheadFees.set(this.applied, this.applyNext(columns, base));
  }

  /** The fee (pico-quote) of the run's `n`-th fill, applying the fills up to it when not done yet; n ≥ every fill asked before. */
  feeOf(n: number, columns: FillColumns, base: number): bigint {
    if (n < this.applied) {
      const fee = this.aheadFees.get(n)!;
      this.aheadFees.delete(n);
      return fee;
    }
    this.applyTo(n, columns, base);
    return this.applyNext(columns, base);
  }

  private applyNext(f: FillColumns, base: number): bigint {
    const i = this.applied - base;
    const meta = f.meta.at(i);
    const fill = this.fill;
    fill.symbolIndex = meta >> 2;
    fill.symbol = this.instruments[fill.symbolIndex]!.symbol;
    fill.side = (meta & 2) !== 0 ? 'SELL' : 'BUY';
    fill.liquidity = (meta & 1) !== 0 ? 'TAKER' : 'MAKER';
    fill.priceTicks = f.price.at(i);
    fill.qtyLots = f.qty.at(i);
    fill.ts = f.ts.at(i);
    this.applied++;
    return this.ledger.applyFill(fill);
  }
}
