// EdgeTracker: per-symbol net edge = quoted half-spread − maker fee − adverse selection from the loop's own fills.
import { invariantViolation } from '../errors/shadow-exec-error.js';
import type { Fill } from '../model/fill.js';
import { sideSign } from '../model/order.js';
import type { SymbolIndex } from '../model/symbol-table.js';

/** All edge figures are bps × 10⁴ (1 unit = 0.0001 bps), integers. */
export interface EdgeSettings {
  readonly halfSpreadBpsE4: number;
  readonly makerFeeBpsE4: number;
  /** A fill's markout is read at the first update of its symbol at or after fill time + horizon (ms). */
  readonly markoutMs: number;
  /** Adverse selection is the mean of the last `window` matured markouts… */
  readonly window: number;
  /** …and counts only once at least `minFills` have matured (before that it is taken as 0). */
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
  ) {}
}

interface SymbolEdge {
  readonly pending: PendingMarkout[];
  pendingHead: number;
  /** Ring buffer of the last `window` adverse-selection samples. */
  readonly samples: number[];
  sampleCount: number;
  sampleSum: number;
  matured: number;
}

export interface EdgeSnapshot {
  readonly netEdgeBpsE4: number;
  readonly adverseSelectionBpsE4: number;
  readonly maturedMarkouts: number;
  readonly pendingMarkouts: number;
}

export class EdgeTracker {
  /** Per symbol index (the order `symbols` were given). */
  private readonly bySymbol: SymbolEdge[] = [];

  /** @param symbols the run's symbols in order: index i is symbols[i] */
  constructor(readonly symbols: readonly string[], readonly settings: EdgeSettings) {
    for (let i = 0; i < symbols.length; i++) {
      this.bySymbol.push({ pending: [], pendingHead: 0, samples: [], sampleCount: 0, sampleSum: 0, matured: 0 });
    }
  }

  private symbol(symbol: SymbolIndex): SymbolEdge {
    const s = this.bySymbol[symbol];
    if (s === undefined) throw invariantViolation(`edge tracker has no symbol index ${symbol}`);
    return s;
  }

  onFill(fill: Fill): void {
    this.symbol(fill.symbolIndex).pending.push(new PendingMarkout(fill.ts + this.settings.markoutMs, sideSign(fill.side), fill.quoteMidTicks));
  }

  /**
   * Matures due markouts with this update's mid. Adverse selection of one fill, bps × 10⁴:
   *   sign × (quoteMid − markoutMid) / quoteMid × 10⁸   (truncated toward zero; buy sign +1)
   * Positive means the market moved against the fill. Returns true when the edge changed.
   */
  onMarket(symbol: SymbolIndex, ts: number, midTicks: number): boolean {
    const s = this.symbol(symbol);
    let changed = false;
    while (s.pendingHead < s.pending.length && s.pending[s.pendingHead]!.dueTs <= ts) {
      const p = s.pending[s.pendingHead++]!;
      this.push(s, adverseSelectionBpsE4(p.sign * (p.quoteMidTicks - midTicks), p.quoteMidTicks));
      changed = true;
    }
    if (s.pendingHead > 1024 && s.pendingHead * 2 > s.pending.length) {
      s.pending.splice(0, s.pendingHead);
      s.pendingHead = 0;
    }
    return changed;
  }

  private push(s: SymbolEdge, sample: number): void {
    const window = this.settings.window;
    if (s.sampleCount < window) {
      s.samples.push(sample);
      s.sampleCount++;
    } else {
      const slot = s.matured % window;
      s.sampleSum -= s.samples[slot]!;
      s.samples[slot] = sample;
    }
    s.sampleSum += sample;
    s.matured++;
  }

  snapshot(symbol: SymbolIndex): EdgeSnapshot {
    const s = this.symbol(symbol);
    const adverse = this.adverse(s);
    return {
      netEdgeBpsE4: this.settings.halfSpreadBpsE4 - this.settings.makerFeeBpsE4 - adverse,
      adverseSelectionBpsE4: adverse,
      maturedMarkouts: s.matured,
      pendingMarkouts: s.pending.length - s.pendingHead,
    };
  }

  /** snapshot(symbol).netEdgeBpsE4 without building the snapshot (the loop asks after every matured markout). */
  netEdgeBpsE4(symbol: SymbolIndex): number {
    return this.settings.halfSpreadBpsE4 - this.settings.makerFeeBpsE4 - this.adverse(this.symbol(symbol));
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
function adverseSelectionBpsE4(moveTicks: number, quoteMidTicks: number): number {
  const scaled = moveTicks * 100_000_000;
  if (quoteMidTicks > 0 && Math.abs(scaled) + quoteMidTicks <= Number.MAX_SAFE_INTEGER) {
    const q = Math.trunc(scaled / quoteMidTicks);
    return q === 0 ? 0 : q; // never -0 (bigint 0 is +0)
  }
  return Number((BigInt(moveTicks) * 100_000_000n) / BigInt(quoteMidTicks));
}
