// PerturbedFeed: a market-data feed a rehearsal can push around — price jumps, spread blow-outs, extra volatility, adverse drift, trade bursts, silence.
import { approxStandardNormal } from '../core/random/seeded-rng.js';
import type { MarketDataEvent, QuoteEvent, TradeEvent } from '../core/model/market-data-event.js';
import type { Side } from '../core/model/order.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import type { MarketDataFeed } from '../ports/market-data-feed.js';
import type { Rng } from '../ports/rng.js';

interface SymbolState {
  /** Shift applied to bid and ask, ticks (jumps and drift accumulate here). */
  offsetTicks: number;
  pendingJumpBps: number;
  extraSpreadTicks: number;
  spreadUntilMs: number;
  /** Extra σ per update, bps of the mid (0: none). */
  extraSigmaBps: number;
  driftBpsPerUpdate: number;
  driftUntilMs: number;
}

/**
 * Rules: every perturbation starts with the first event at or after the time it was applied and changes only what
 * the wrapped feed yields, never the wrapped feed's own state. bps are converted to ticks at the quote's own mid and
 * rounded half away from zero; a moved bid never falls below 1 tick and the ask stays above the bid. During a silence
 * events are dropped (counted), as if the connection delivered nothing.
 */
export class PerturbedFeed implements MarketDataFeed {
  readonly kind: string;
  readonly expectedUpdates: number | null;
  private readonly symbols = new Map<string, SymbolState>();
  private silenceUntilMs = Number.NEGATIVE_INFINITY;
  private readonly injected: TradeEvent[] = [];
  private lastTs = Number.NEGATIVE_INFINITY;
  private dropped = 0;
  private readonly applied: JsonValue[] = [];
  private tradeSeq = 0;

  constructor(
    private readonly inner: MarketDataFeed,
    private readonly rng: Rng,
  ) {
    this.kind = inner.kind;
    this.expectedUpdates = inner.expectedUpdates;
  }

  private state(symbol: string): SymbolState {
    let s = this.symbols.get(symbol);
    if (s === undefined) {
      s = { offsetTicks: 0, pendingJumpBps: 0, extraSpreadTicks: 0, spreadUntilMs: 0, extraSigmaBps: 0, driftBpsPerUpdate: 0, driftUntilMs: 0 };
      this.symbols.set(symbol, s);
    }
    return s;
  }

  priceJump(symbol: string, bps: number): void {
    this.state(symbol).pendingJumpBps += bps;
  }

  spreadBlowout(symbol: string, ticks: number, untilMs: number): void {
    const s = this.state(symbol);
    s.extraSpreadTicks = ticks;
    s.spreadUntilMs = untilMs;
  }

  volatility(symbol: string, extraSigmaBps: number): void {
    this.state(symbol).extraSigmaBps = extraSigmaBps;
  }

  adverseFlow(symbol: string, bpsPerUpdate: number, untilMs: number): void {
    const s = this.state(symbol);
    s.driftBpsPerUpdate = bpsPerUpdate;
    s.driftUntilMs = untilMs;
  }

  silence(untilMs: number): void {
    this.silenceUntilMs = Math.max(this.silenceUntilMs, untilMs);
  }

  /** `count` aggressive trades of one lot at the last delivered price of `symbol`, delivered next. */
  tradeBurst(symbol: string, count: number, takerSide: Side, priceTicks: number, atMs: number): void {
    for (let i = 0; i < count; i++) {
      this.injected.push({ kind: 'trade', symbol, ts: Math.max(atMs, this.lastTs), priceTicks, qtyLots: 1, takerSide: takerSide === 'BUY' ? 'buy' : 'sell', tradeId: `burst-${++this.tradeSeq}` });
    }
  }

  next(): MarketDataEvent | null {
    const burst = this.injected.shift();
    if (burst !== undefined) return burst;
    for (;;) {
      const event = this.inner.next();
      if (event === null) return null;
      if (event.ts < this.silenceUntilMs) {
        this.dropped++;
        continue;
      }
      this.lastTs = event.ts;
      return event.kind === 'quote' ? this.perturb(event) : event;
    }
  }

  private perturb(quote: QuoteEvent): QuoteEvent {
    const s = this.symbols.get(quote.symbol);
    if (s === undefined) return quote;
    const mid = (quote.bidTicks + quote.askTicks) / 2;
    const ticks = (bps: number): number => Math.sign(bps) * Math.round(Math.abs((mid * bps) / 10_000));
    if (s.pendingJumpBps !== 0) {
      s.offsetTicks += ticks(s.pendingJumpBps);
      s.pendingJumpBps = 0;
    }
    if (s.driftBpsPerUpdate !== 0 && quote.ts < s.driftUntilMs) s.offsetTicks += ticks(s.driftBpsPerUpdate);
    if (s.extraSigmaBps > 0) s.offsetTicks += Math.round(approxStandardNormal(this.rng) * ((mid * s.extraSigmaBps) / 10_000));
    const bidTicks = Math.max(1, quote.bidTicks + s.offsetTicks);
    const spread = quote.askTicks - quote.bidTicks + (quote.ts < s.spreadUntilMs ? s.extraSpreadTicks : 0);
    return { ...quote, bidTicks, askTicks: bidTicks + Math.max(1, spread) };
  }

  stop(): void {
    this.inner.stop();
  }

  /** What the rehearsal did to the market, for the report. */
  report(): JsonValue {
    return { dropped_during_silence: this.dropped, trades_injected: this.tradeSeq, applied: [...this.applied] };
  }

  /** Records a perturbation as applied (the runner calls it with a readable description). */
  note(entry: JsonValue): void {
    this.applied.push(entry);
  }

  health(): JsonValue {
    return this.inner.health?.() ?? null;
  }
}
