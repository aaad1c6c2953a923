// The built-in `avellaneda-stoikov` strategy: an inventory-skewed reservation price and the model's optimal spread, volatility estimated from bars.
//
// Avellaneda & Stoikov (2008), with prices in bps of the mid and a rolling horizon τ (the run has no end time):
//   reservation r = mid × (1 − q·γ·σ²·τ / 10⁴),  total spread δ = γ·σ²·τ + (2/γ)·ln(1 + γ/κ)   (both in bps)
// q is the position in order sizes (position lots / the order's lots), σ² the variance of the bars' close-to-close
// returns per ms (bps² / ms, over the last `volBars` bars of the finest --bars resolution). Until that many bars have
// closed, σ² is 0 and the spread is the liquidity term alone, never below `minSpreadBps`.
import type { Instrument } from '../model/instrument.js';
import type { SymbolIndex } from '../model/symbol-table.js';
import type { Strategy, StrategyBar, StrategyContext, StrategyDefinition, StrategyQuote } from '../../ports/strategy.js';
import { BarWindow } from './bar-window.js';

export interface BuiltinSettings {
  /** --spread-bps × 10⁴. */
  readonly spreadBpsE4: number;
  /** --order-notional, QUOTE_E8. */
  readonly orderNotionalE8: number;
  /** --requote-bps × 10⁴. */
  readonly requoteBpsE4: number;
}

const BPS_E4_PER_UNIT = 100_000_000;

class AvellanedaStoikov implements Strategy {
  private readonly gamma: number;
  private readonly kappa: number;
  private readonly horizonMs: number;
  private readonly minSpreadBps: number;
  private readonly window: BarWindow;
  /** (2/γ)·ln(1 + γ/κ), bps: the liquidity part of the spread (computed once). */
  private readonly liquidityBps: number;

  constructor(
    private readonly settings: BuiltinSettings,
    private readonly instruments: readonly Instrument[],
    private readonly ctx: StrategyContext,
  ) {
    const p = ctx.params;
    this.gamma = p['gamma'] as number;
    this.kappa = p['kappa'] as number;
    this.horizonMs = p['horizonMs'] as number;
    this.minSpreadBps = p['minSpreadBps'] as number;
    this.window = new BarWindow(p['volBars'] as number);
    this.liquidityBps = (2 / this.gamma) * Math.log(1 + this.gamma / this.kappa);
  }

  onBar(symbol: SymbolIndex, bar: StrategyBar): void {
    this.window.add(symbol, bar);
  }

  onQuote(symbol: SymbolIndex, _quote: StrategyQuote, midTicks: number): void {
    const instrument = this.instruments[symbol]!;
    const orderLots = Math.max(1, Math.floor(this.settings.orderNotionalE8 / (midTicks * instrument.atomE8)));
    const q = this.ctx.position(symbol).lots / orderLots;
    const risk = this.gamma * (this.window.varianceBps2PerMs(symbol) ?? 0) * this.horizonMs;
    const spreadBps = Math.max(this.minSpreadBps, risk + this.liquidityBps);
    const reservation = midTicks * (1 - (q * risk) / 10_000);
    const half = (midTicks * spreadBps) / 20_000;
    const bid = Math.min(midTicks - 1, Math.floor(reservation - half));
    const ask = Math.max(midTicks + 1, Math.ceil(reservation + half));
    const requote = Math.max(1, Math.ceil((midTicks * this.settings.requoteBpsE4) / BPS_E4_PER_UNIT));
    const lots = (price: number): number => (price > 0 ? Math.floor(this.settings.orderNotionalE8 / (price * instrument.atomE8)) : 0);
    this.ctx.quote(symbol, 'BUY', bid, lots(bid), requote);
    this.ctx.quote(symbol, 'SELL', ask, lots(ask), requote);
  }
}

export function avellanedaStoikovDefinition(settings: BuiltinSettings, instruments: readonly Instrument[]): StrategyDefinition {
  return {
    name: 'avellaneda-stoikov',
    version: '1',
    description:
      'Avellaneda-Stoikov market making: quotes around a reservation price r = mid × (1 − q·γ·σ²·τ/10⁴) with total spread δ = γ·σ²·τ + (2/γ)·ln(1 + γ/κ) (bps), q = position / order size, σ² = variance per ms of the last volBars bar returns (bps²), τ = horizonMs; sizes from --order-notional, requotes per --requote-bps',
    simplifications: [
      'a rolling horizon τ instead of a session end time T − t',
      'σ² from close-to-close returns of the finest --bars resolution; 0 (liquidity term only) until volBars bars have closed',
      'κ is a parameter, not estimated from the fills',
    ],
    parameters: {
      type: 'object',
      properties: {
        gamma: { type: 'number', minimum: 0.000001, maximum: 100, default: 0.01, description: 'risk aversion γ' },
        kappa: { type: 'number', minimum: 0.000001, maximum: 1000000, default: 1.5, description: 'order-book liquidity κ, 1/bps' },
        horizonMs: { type: 'integer', minimum: 1, maximum: 86_400_000, default: 60_000, description: 'horizon τ, virtual ms' },
        minSpreadBps: { type: 'number', minimum: 0, maximum: 10_000, default: 2, description: 'floor of the total spread, bps' },
        volBars: { type: 'integer', minimum: 2, maximum: 100_000, default: 20, description: 'bars in the volatility estimate' },
      },
    },
    create: (ctx) => new AvellanedaStoikov(settings, instruments, ctx),
  };
}
