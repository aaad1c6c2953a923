// SymmetricQuoter: a bid and an ask around mid at a fixed spread, sized from a notional, on the instrument grid.
import type { Instrument } from '../model/instrument.js';

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

/** The quoter's own quote record, overwritten in place when the inputs change. */
type MutableQuote = { -readonly [K in keyof Quote]: Quote[K] };

export class SymmetricQuoter {
  /** The last quote and its inputs: a quote depends on (instrument, mid) only, and most updates leave the mid unchanged. */
  private lastInstrument: Instrument | null = null;
  private lastMidTicks = Number.NaN;
  /** One record reused for every quote: requoting on every mid move allocates nothing. */
  private readonly current: MutableQuote = { bidTicks: 0, askTicks: 0, bidLots: 0, askLots: 0, requoteTicks: 0 };

  constructor(readonly settings: QuoterSettings) {}

  /**
   * Quote around `midTicks`; a side whose size rounds to zero lots gets 0 lots (not quoted).
   * The quote belongs to the quoter: read it before the next call (which may overwrite it), never keep it.
   */
  quote(instrument: Instrument, midTicks: number): Quote {
    if (midTicks === this.lastMidTicks && instrument === this.lastInstrument) return this.current;
    this.lastInstrument = instrument;
    this.lastMidTicks = midTicks;
    this.compute(instrument, midTicks, this.current);
    return this.current;
  }

  private compute(instrument: Instrument, midTicks: number, out: MutableQuote): void {
    const half = Math.max(1, Math.ceil((midTicks * this.settings.spreadBpsE4) / (2 * BPS_E4_PER_UNIT)));
    const bidTicks = midTicks - half;
    const askTicks = midTicks + half;
    out.bidTicks = bidTicks;
    out.askTicks = askTicks;
    out.bidLots = bidTicks > 0 ? this.lots(instrument, bidTicks) : 0;
    out.askLots = this.lots(instrument, askTicks);
    out.requoteTicks = Math.max(1, Math.ceil((midTicks * this.settings.requoteBpsE4) / BPS_E4_PER_UNIT));
  }

  /** Largest whole number of lots whose notional does not exceed the target (rounded down to the lot). */
  private lots(instrument: Instrument, priceTicks: number): number {
    return Math.floor(this.settings.orderNotionalE8 / (priceTicks * instrument.atomE8));
  }
}
