// BarWindow: the last N closed bars of each symbol at the finest resolution seen, for strategies that read volatility or range from bars.
import type { StrategyBar } from '../../ports/strategy.js';

interface Series {
  resolutionMs: number;
  /** Ring of the last `size` bars, oldest first once read through bars(). */
  readonly ring: StrategyBar[];
  next: number;
}

export class BarWindow {
  private readonly bySymbol: Series[] = [];

  /** @param size bars kept per symbol, ≥ 1 */
  constructor(readonly size: number) {}

  /** Keeps a closed bar of a traded symbol; a finer resolution than the one kept replaces it (its window restarts), a coarser one is ignored. */
  add(symbol: number, bar: StrategyBar): void {
    if (symbol < 0 || !bar.closed) return;
    let series = this.bySymbol[symbol];
    if (series === undefined || bar.resolutionMs < series.resolutionMs) {
      series = { resolutionMs: bar.resolutionMs, ring: [], next: 0 };
      this.bySymbol[symbol] = series;
    }
    if (bar.resolutionMs !== series.resolutionMs) return;
    if (series.ring.length < this.size) series.ring.push(bar);
    else series.ring[series.next] = bar;
    series.next = (series.next + 1) % this.size;
  }

  /** The kept bars, oldest first. */
  bars(symbol: number): readonly StrategyBar[] {
    const series = this.bySymbol[symbol];
    if (series === undefined) return [];
    if (series.ring.length < this.size) return series.ring;
    return [...series.ring.slice(series.next), ...series.ring.slice(0, series.next)];
  }

  /** Bar length kept for `symbol`, ms; null before its first bar. */
  resolutionMs(symbol: number): number | null {
    return this.bySymbol[symbol]?.resolutionMs ?? null;
  }

  /** (max high − min low) / last close over the kept bars, bps; null until the window is full. */
  rangeBps(symbol: number): number | null {
    const bars = this.bars(symbol);
    if (bars.length < this.size) return null;
    let high = -Infinity;
    let low = Infinity;
    for (const bar of bars) {
      if (bar.highTicks > high) high = bar.highTicks;
      if (bar.lowTicks < low) low = bar.lowTicks;
    }
    const close = bars[bars.length - 1]!.closeTicks;
    return close > 0 ? ((high - low) * 10_000) / close : null;
  }

  /** Variance of close-to-close returns per ms, bps² / ms; null until the window is full. */
  varianceBps2PerMs(symbol: number): number | null {
    const bars = this.bars(symbol);
    if (bars.length < this.size || this.size < 2) return null;
    const returns: number[] = [];
    for (let i = 1; i < bars.length; i++) {
      const previous = bars[i - 1]!.closeTicks;
      if (previous > 0) returns.push(((bars[i]!.closeTicks - previous) * 10_000) / previous);
    }
    if (returns.length < 2) return null;
    const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
    const variance = returns.reduce((a, r) => a + (r - mean) * (r - mean), 0) / (returns.length - 1);
    return variance / this.bySymbol[symbol]!.resolutionMs;
  }
}
