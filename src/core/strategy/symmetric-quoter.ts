// SymmetricQuoter: a bid and an ask around mid at a fixed spread, sized from a notional, on the instrument grid.
import type { Instrument } from '../model/instrument.js';
import type { BarEvent } from '../model/market-data-event.js';

export interface QuoterSettings {
  /** Full quoted spread, bps × 10⁴ (each side sits at least half of it away from mid). */
  readonly spreadBpsE4: number;
  /** Target notional of each order, QUOTE_E8. */
  readonly orderNotionalE8: number;
  /** Replace a resting quote when the desired price moved by at least this, bps × 10⁴ (min 1 tick). */
  readonly requoteBpsE4: number;
}

export interface Quote {
  readonly bidTicks: number;
  readonly askTicks: number;
  readonly bidLots: number;
  readonly askLots: number;
  /** Price move (ticks) that triggers a cancel/replace. */
  readonly requoteTicks: number;
}

const BPS_E4_PER_UNIT = 100_000_000; // 1 = 10⁴ bps × 10⁴

export class SymmetricQuoter {
  /** The last quote and its inputs: a quote depends on (instrument, mid) only, and most updates leave the mid unchanged. */
  private lastInstrument: Instrument | null = null;
  private lastMidTicks = Number.NaN;
  private lastQuote: Quote | null = null;

  constructor(readonly settings: QuoterSettings) {}

  /** Quote around `midTicks`; a side whose size rounds to zero lots gets 0 lots (not quoted). */
  quote(instrument: Instrument, midTicks: number): Quote {
    if (this.lastQuote !== null && midTicks === this.lastMidTicks && instrument === this.lastInstrument) return this.lastQuote;
    this.lastInstrument = instrument;
    this.lastMidTicks = midTicks;
    this.lastQuote = this.compute(instrument, midTicks);
    return this.lastQuote;
  }

  private compute(instrument: Instrument, midTicks: number): Quote {
    const half = Math.max(1, Math.ceil((midTicks * this.settings.spreadBpsE4) / (2 * BPS_E4_PER_UNIT)));
    const bidTicks = midTicks - half;
    const askTicks = midTicks + half;
    return {
      bidTicks,
      askTicks,
      bidLots: bidTicks > 0 ? this.lots(instrument, bidTicks) : 0,
      askLots: this.lots(instrument, askTicks),
      requoteTicks: Math.max(1, Math.ceil((midTicks * this.settings.requoteBpsE4) / BPS_E4_PER_UNIT)),
    };
  }

  /** Completed bars of the run's feed. This quoter prices off the top of book only, so it ignores them. */
  onBar(_bar: BarEvent): void {}

  /** Largest whole number of lots whose notional does not exceed the target (rounded down to the lot). */
  private lots(instrument: Instrument, priceTicks: number): number {
    return Math.floor(this.settings.orderNotionalE8 / (priceTicks * instrument.atomE8));
  }
}
