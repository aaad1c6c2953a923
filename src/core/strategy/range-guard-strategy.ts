// The built-in `range-guard` strategy: the symmetric quote, widened or paused while the last N bars' high-low range exceeds a threshold (it needs --bars).
import type { Instrument } from '../model/instrument.js';
import type { SymbolIndex } from '../model/symbol-table.js';
import type { Strategy, StrategyBar, StrategyContext, StrategyDefinition, StrategyQuote } from '../../ports/strategy.js';
import type { BuiltinSettings } from './avellaneda-stoikov-strategy.js';
import { BarWindow } from './bar-window.js';

const BPS_E4_PER_UNIT = 100_000_000;

class RangeGuard implements Strategy {
  private readonly window: BarWindow;
  private readonly thresholdBps: number;
  private readonly pause: boolean;
  private readonly widen: number;
  /** Per symbol: the guard is on (the last bars' range is above the threshold). */
  private readonly guarded: boolean[] = [];
  /** Times the guard switched on, for the strategy's own description of the run. */
  guardsOn = 0;

  constructor(
    private readonly settings: BuiltinSettings,
    private readonly instruments: readonly Instrument[],
    private readonly ctx: StrategyContext,
  ) {
    const p = ctx.params;
    this.window = new BarWindow(p['bars'] as number);
    this.thresholdBps = p['thresholdBps'] as number;
    this.pause = p['action'] === 'pause';
    this.widen = p['widenFactor'] as number;
  }

  onBar(symbol: SymbolIndex, bar: StrategyBar): void {
    this.window.add(symbol, bar);
    if (symbol < 0) return;
    const range = this.window.rangeBps(symbol);
    const on = range !== null && range > this.thresholdBps;
    if (on && this.guarded[symbol] !== true) {
      this.guardsOn++;
      // Pausing takes the quotes off at once, not at the next quote.
      if (this.pause) this.ctx.cancelAll(symbol);
    }
    this.guarded[symbol] = on;
  }

  onQuote(symbol: SymbolIndex, _quote: StrategyQuote, midTicks: number): void {
    const on = this.guarded[symbol] === true;
    if (on && this.pause) return;
    const instrument = this.instruments[symbol]!;
    const spreadE4 = on ? this.settings.spreadBpsE4 * this.widen : this.settings.spreadBpsE4;
    const half = Math.max(1, Math.ceil((midTicks * spreadE4) / (2 * BPS_E4_PER_UNIT)));
    const requote = Math.max(1, Math.ceil((midTicks * this.settings.requoteBpsE4) / BPS_E4_PER_UNIT));
    const lots = (price: number): number => (price > 0 ? Math.floor(this.settings.orderNotionalE8 / (price * instrument.atomE8)) : 0);
    this.ctx.quote(symbol, 'BUY', midTicks - half, lots(midTicks - half), requote);
    this.ctx.quote(symbol, 'SELL', midTicks + half, lots(midTicks + half), requote);
  }
}

export function rangeGuardDefinition(settings: BuiltinSettings, instruments: readonly Instrument[]): StrategyDefinition {
  return {
    name: 'range-guard',
    version: '1',
    description:
      'the symmetric quote of --spread-bps, --order-notional and --requote-bps; while the high-low range of the last `bars` closed bars (finest --bars resolution) exceeds thresholdBps of the last close, the quotes are widened widenFactor times (action widen) or taken off until the range narrows (action pause)',
    simplifications: ['without bars (--bars) the guard never switches on: it then quotes exactly as symmetric'],
    parameters: {
      type: 'object',
      properties: {
        bars: { type: 'integer', minimum: 1, maximum: 10_000, default: 5, description: 'bars in the range window' },
        thresholdBps: { type: 'number', minimum: 0, maximum: 10_000, default: 50, description: 'range above which the guard switches on, bps of the last close' },
        action: { type: 'string', enum: ['widen', 'pause'], default: 'widen', description: 'widen the spread, or stop quoting' },
        widenFactor: { type: 'integer', minimum: 1, maximum: 100, default: 3, description: 'spread multiple while widened' },
      },
    },
    create: (ctx) => new RangeGuard(settings, instruments, ctx),
  };
}
