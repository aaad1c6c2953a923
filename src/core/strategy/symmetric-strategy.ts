// The built-in `symmetric` strategy: today's SymmetricQuoter behind the Strategy port — one managed bid and ask per symbol around the mid.
import type { Instrument } from '../model/instrument.js';
import type { SymbolIndex } from '../model/symbol-table.js';
import type { Strategy, StrategyContext, StrategyDefinition, StrategyQuote } from '../../ports/strategy.js';
import { SymmetricQuoter, type QuoterSettings } from './symmetric-quoter.js';

export const SYMMETRIC_DESCRIPTION =
  'bid and ask each at least spread_bps/2 from the mid, rounded away from it to whole ticks; size = order_notional_usd / price rounded down to the lot; a quote is cancelled and replaced when its price is requote_bps (at least one tick) away from the new one';

/** Quotes every symbol's mid through ctx.quote (the loop's managed quote slots): the same orders, in the same order, as the loop's own quoter did. */
export class SymmetricStrategy implements Strategy {
  private readonly quoter: SymmetricQuoter;

  /** @param instruments index i = symbol index i (the context's instruments, with the grid the quoter prices on) */
  constructor(
    settings: QuoterSettings,
    private readonly instruments: readonly Instrument[],
    private readonly ctx: StrategyContext,
  ) {
    this.quoter = new SymmetricQuoter(settings);
  }

  onQuote(symbol: SymbolIndex, _quote: StrategyQuote, midTicks: number): void {
    const quote = this.quoter.quote(this.instruments[symbol]!, midTicks);
    const ctx = this.ctx;
    ctx.quote(symbol, 'BUY', quote.bidTicks, quote.bidLots, quote.requoteTicks);
    ctx.quote(symbol, 'SELL', quote.askTicks, quote.askLots, quote.requoteTicks);
  }
}

/** The definition `--strategy symmetric` (the default) names; its settings come from --spread-bps, --requote-bps, --order-notional. */
export function symmetricDefinition(settings: QuoterSettings, instruments: readonly Instrument[]): StrategyDefinition {
  return {
    name: 'symmetric',
    version: '1',
    description: SYMMETRIC_DESCRIPTION,
    create: (ctx) => new SymmetricStrategy(settings, instruments, ctx),
  };
}
