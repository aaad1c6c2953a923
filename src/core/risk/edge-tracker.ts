// EdgeTracker: per-symbol net edge = realised half-spread − maker fee − adverse selection, both measured on the loop's own fills (DESIGN §5).
import { invariantViolation } from '../errors/shadow-exec-error.js';
import type { Fill } from '../model/fill.js';
import { sideSign } from '../model/order.js';
import type { SymbolIndex } from '../model/symbol-table.js';

/** All edge figures are bps × 10⁴ (1 unit = 0.0001 bps), integers. */
export interface EdgeSettings {
  /** The prior of the spread term: the configured half-spread, used until `minFills` fills have matured. */
  readonly halfSpreadBpsE4: number;
  readonly makerFeeBpsE4: number;
  /** A fill's markout is read at the first update of its symbol at or after fill time + horizon (ms). */
  readonly markoutMs: number;
  /** Adverse selection is the mean of the last `window` matured markouts… */
  readonly window: number;
  /** …and counts only once at least `minFills` have matured (before that it is taken as 0, and the spread term is the prior). */
  readonly minFills: number;
}

/** A fill waiting for its markout (a hot-path record: docs/hot-path-records.md). */
class PendingMarkout {
  constructor(
    /** Virtual ms at which the markout matures (fill time + markout horizon). */
    readonly dueTs: number,
    /** +1 buy, -1 sell. */
    readonly sign: 1 | -1,
    readonly quoteMidTicks: number,
    /** The fill's realised half-spread, bps × 10⁴: sign × (quoteMid − fill price) / quoteMid × 10⁸. */
    readonly realisedBpsE4: number,
  ) {}
}

interface SymbolEdge {
  readonly pending: PendingMarkout[];
  pendingHead: number;
  /** Ring buffer of the last `window` adverse-selection samples. */
  readonly samples: number[];
  sampleCount: number;
  sampleSum: number;
  /** The same fills' realised half-spreads (same ring slots, same count). */
  readonly spreadSamples: number[];
  spreadSum: number;
  matured: number;
}

export interface EdgeSnapshot {
  readonly netEdgeBpsE4: number;
  /** The spread term in use: the mean realised half-spread of the window once `minFills` have matured, else the prior. */
  readonly halfSpreadBpsE4: number;
  readonly adverseSelectionBpsE4: number;
  readonly maturedMarkouts: number;
  readonly pendingMarkouts: number;
}

export class EdgeTracker {
  /** Per symbol index (the order `symbols` were given). */
  private readonly bySymbol: SymbolEdge[] = [];
  /**
   * Per symbol index, the dueTs of its oldest pending markout (pending[pendingHead]), +Infinity when none: onMarket
   * answers "nothing due" from this array without loading the symbol's record (a cache miss per quote at 1000 symbols).
   */
  private readonly nextDue: Float64Array;

  /** @param symbols the run's symbols in order: index i is symbols[i] */
  constructor(readonly symbols: readonly string[], readonly settings: EdgeSettings) {
    this.nextDue = new Float64Array(symbols.length).fill(Number.POSITIVE_INFINITY);
    for (let i = 0; i < symbols.length; i++) {
      this.bySymbol.push({ pending: [], pendingHead: 0, samples: [], sampleCount: 0, sampleSum: 0, spreadSamples: [], spreadSum: 0, matured: 0 });
    }
  }

  private symbol(symbol: SymbolIndex): SymbolEdge {
    const s = this.bySymbol[symbol];
    if (s === undefined) throw invariantViolation(`edge tracker has no symbol index ${symbol}`);
    return s;
  }

  /**
   * A fill of the loop's own: its markout is due `markoutMs` later. Its realised half-spread is measured now against
   * the mid its order was priced from (the reference of its adverse selection too, so the two terms add up to the
   * fill's markout: sign × (markoutMid − price) / quoteMid), whichever strategy priced it.
   */
  onFill(fill: Fill): void {
    const sign = sideSign(fill.side);
    const s = this.symbol(fill.symbolIndex);
    const dueTs = fill.ts + this.settings.markoutMs;
    if (s.pendingHead === s.pending.length) this.nextDue[fill.symbolIndex] = dueTs;
    s.pending.push(new PendingMarkout(dueTs, sign, fill.quoteMidTicks, scaledBpsE4(sign * (fill.quoteMidTicks - fill.priceTicks), fill.quoteMidTicks)));
  }

  /**
   * Matures due markouts with this update's mid. Adverse selection of one fill, bps × 10⁴:
   *   sign × (quoteMid − markoutMid) / quoteMid × 10⁸   (truncated toward zero; buy sign +1)
   * Positive means the market moved against the fill. Returns true when the edge changed.
   */
  onMarket(symbol: SymbolIndex, ts: number, midTicks: number): boolean {
    if (!(this.nextDue[symbol]! <= ts)) {
      if (this.bySymbol[symbol] === undefined) this.symbol(symbol); // an unknown index still throws (a slot read, not the record)
      return false;
    }
    const s = this.symbol(symbol);
    let changed = false;
    while (s.pendingHead < s.pending.length && s.pending[s.pendingHead]!.dueTs <= ts) {
      const p = s.pending[s.pendingHead++]!;
      this.push(s, scaledBpsE4(p.sign * (p.quoteMidTicks - midTicks), p.quoteMidTicks), p.realisedBpsE4);
      changed = true;
    }
    this.nextDue[symbol] = s.pendingHead < s.pending.length ? s.pending[s.pendingHead]!.dueTs : Number.POSITIVE_INFINITY;
    if (s.pendingHead > 1024 && s.pendingHead * 2 > s.pending.length) {
      s.pending.splice(0, s.pendingHead);
      s.pendingHead = 0;
    }
    return changed;
  }

  private push(s: SymbolEdge, sample: number, spread: number): void {
    const window = this.settings.window;
    if (s.sampleCount < window) {
      s.samples.push(sample);
      s.spreadSamples.push(spread);
      s.sampleCount++;
    } else {
      const slot = s.matured % window;
      s.sampleSum -= s.samples[slot]!;
      s.samples[slot] = sample;
      s.spreadSum -= s.spreadSamples[slot]!;
      s.spreadSamples[slot] = spread;
    }
    s.sampleSum += sample;
    s.spreadSum += spread;
    s.matured++;
  }

  snapshot(symbol: SymbolIndex): EdgeSnapshot {
    const s = this.symbol(symbol);
    const adverse = this.adverse(s);
    const spread = this.spread(s);
    return {
      netEdgeBpsE4: spread - this.settings.makerFeeBpsE4 - adverse,
      halfSpreadBpsE4: spread,
      adverseSelectionBpsE4: adverse,
      maturedMarkouts: s.matured,
      pendingMarkouts: s.pending.length - s.pendingHead,
    };
  }

  /** snapshot(symbol).netEdgeBpsE4 without building the snapshot (the loop asks after every matured markout). */
  netEdgeBpsE4(symbol: SymbolIndex): number {
    const s = this.symbol(symbol);
    return this.spread(s) - this.settings.makerFeeBpsE4 - this.adverse(s);
  }

  /** Mean realised half-spread of the window's fills once minFills have matured, else the configured prior (bps × 10⁴, truncated toward zero). */
  private spread(s: SymbolEdge): number {
    if (!(s.matured >= this.settings.minFills && s.sampleCount > 0)) return this.settings.halfSpreadBpsE4;
    const mean = Math.trunc(s.spreadSum / s.sampleCount);
    return mean === 0 ? 0 : mean;
  }

  /** Mean of the window's samples once minFills have matured, else 0 (bps × 10⁴, truncated toward zero). */
  private adverse(s: SymbolEdge): number {
    return s.matured >= this.settings.minFills && s.sampleCount > 0 ? Math.trunc(s.sampleSum / s.sampleCount) : 0;
  }
}

/**
 * trunc(moveTicks × 10⁸ / quoteMidTicks), exactly (integer division truncated toward zero). Plain number division
 * is exact here when |moveTicks × 10⁸| + quoteMidTicks ≤ 2⁵³: the true quotient is then at least 1/quoteMidTicks
 * away from the next integer, more than half an ulp of it, so rounding cannot carry it across. Otherwise (or for a
 * non-positive mid, where bigint division throws or truncates differently) the bigint path.
 */
function scaledBpsE4(moveTicks: number, quoteMidTicks: number): number {
  const scaled = moveTicks * 100_000_000;
  if (quoteMidTicks > 0 && Math.abs(scaled) + quoteMidTicks <= Number.MAX_SAFE_INTEGER) {
    const q = Math.trunc(scaled / quoteMidTicks);
    return q === 0 ? 0 : q; // never -0 (bigint 0 is +0)
  }
  return Number((BigInt(moveTicks) * 100_000_000n) / BigInt(quoteMidTicks));
}
