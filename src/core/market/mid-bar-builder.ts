// MidBarBuilder: bars of a feed's mid prices (the synthetic feed has no trades) per symbol at one or more resolutions, aligned to epoch boundaries.
//
// Rules (ts in ms since the epoch, prices in ticks):
// - A bar covers [openTs, openTs + resolutionMs), openTs = floor(ts / resolutionMs) × resolutionMs: a mid exactly on a
//   boundary opens the new bar. Its event ts is the end boundary and `closed` is true.
// - Open = the first mid in the interval, close = the last, high/low = the extremes; volumeLots 0 and tradeCount 0
//   (mids are not trades); source 'buffer'.
// - A bar is emitted when the first mid of a later interval arrives; intervals without a mid yield no bar; a bar still
//   open when the feed ends is not emitted (as bars from trades on replay feeds).
// - Emission order within one call: ts, then resolutionMs (unique per symbol: one symbol per call).
import { invariantViolation } from '../errors/shadow-exec-error.js';
import type { BarEvent } from '../model/market-data-event.js';

interface OpenBar {
  openTs: number;
  openTicks: number;
  highTicks: number;
  lowTicks: number;
  closeTicks: number;
}

export class MidBarBuilder {
  private readonly resolutions: readonly number[];
  /** Per symbol name: one open bar (or null) per resolution, in `resolutions` order. */
  private readonly open = new Map<string, (OpenBar | null)[]>();

  /** @param resolutionsMs bar lengths, positive whole ms, no repeats */
  constructor(resolutionsMs: readonly number[]) {
    const sorted = [...resolutionsMs].sort((a, b) => a - b);
    if (sorted.length === 0) throw invariantViolation('MidBarBuilder needs at least one resolution');
    for (let i = 0; i < sorted.length; i++) {
      if (!Number.isSafeInteger(sorted[i]) || sorted[i]! <= 0) throw invariantViolation(`bar resolution must be a positive integer of ms, got ${sorted[i]}`);
      if (i > 0 && sorted[i] === sorted[i - 1]) throw invariantViolation(`bar resolution ${sorted[i]} ms is given twice`);
    }
    this.resolutions = sorted;
  }

  /** Adds `symbol`'s mid at `ts` (non-decreasing per symbol); returns the bars it completed, possibly none (a shared empty array). */
  onMid(symbol: string, ts: number, midTicks: number): readonly BarEvent[] {
    let bars = this.open.get(symbol);
    if (bars === undefined) {
      bars = this.resolutions.map(() => null);
      this.open.set(symbol, bars);
    }
    let out: BarEvent[] | null = null;
    for (let i = 0; i < this.resolutions.length; i++) {
      const r = this.resolutions[i]!;
      const bucket = ts - (ts % r);
      const bar = bars[i] ?? null;
      if (bar !== null && bucket === bar.openTs) {
        if (midTicks > bar.highTicks) bar.highTicks = midTicks;
        if (midTicks < bar.lowTicks) bar.lowTicks = midTicks;
        bar.closeTicks = midTicks;
        continue;
      }
      if (bar !== null) {
        if (bucket < bar.openTs) throw invariantViolation(`mid of ${symbol} at ${ts} is before its open bar (${bar.openTs})`);
        (out ??= []).push({
          kind: 'bar',
          symbol,
          ts: bar.openTs + r,
          resolutionMs: r,
          openTs: bar.openTs,
          openTicks: bar.openTicks,
          highTicks: bar.highTicks,
          lowTicks: bar.lowTicks,
          closeTicks: bar.closeTicks,
          volumeLots: 0,
          tradeCount: 0,
          source: 'buffer',
          closed: true,
        });
      }
      bars[i] = { openTs: bucket, openTicks: midTicks, highTicks: midTicks, lowTicks: midTicks, closeTicks: midTicks };
    }
    if (out === null) return NONE;
    if (out.length > 1) out.sort((a, b) => a.ts - b.ts || a.resolutionMs - b.resolutionMs);
    return out;
  }
}

const NONE: readonly BarEvent[] = Object.freeze([]);
