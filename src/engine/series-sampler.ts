// SeriesSampler: the --series observer — per symbol every `everyMs` of virtual time the mid, our quotes, position, PnL, edge and open orders; every fill; every risk event; kept as integers during the run, made decimal strings once at the end.
import { invariantViolation } from '../core/errors/shadow-exec-error.js';
import type { Fill } from '../core/model/fill.js';
import { formatPrice, formatQty, type Instrument } from '../core/model/instrument.js';
import { bookPnl, type Ledger } from '../core/portfolio/ledger.js';
import type { CircuitBreaker } from '../core/risk/circuit-breaker.js';
import type { EdgeTracker } from '../core/risk/edge-tracker.js';
import type { RiskMonitor, RiskState } from '../core/risk/risk-monitor.js';
import type { SeriesRecord } from '../core/report/series-record.js';
import { bpsE4, isoUtc, pico } from '../core/report/units.js';
import type { RunObserver } from '../ports/run-observer.js';

/** What a sample reads a symbol's live quotes from (the loop's working orders). */
export interface QuoteView {
  /** Price of the resting bid and ask quote, ticks; null when none rests. */
  quoteTicks(symbol: number, side: 'BUY' | 'SELL'): number | null;
  /** Live orders of the symbol (quotes, exit legs, orders being cancelled). */
  openOrdersOf(symbol: number): number;
}

export interface SeriesSamplerDeps {
  readonly instruments: readonly Instrument[];
  readonly ledger: Ledger;
  readonly edge: EdgeTracker;
  readonly risk: RiskMonitor;
  readonly breaker: CircuitBreaker;
  readonly quotes: QuoteView;
  /** Virtual ms of the first sample (the run's start). */
  readonly startMs: number;
  /** Virtual ms between samples, ≥ 1. */
  readonly everyMs: number;
}

/** One symbol's state at a sample, integers only (a hot-path record: docs/hot-path-records.md). */
class RawSample {
  constructor(
    readonly ts: number,
    readonly symbol: number,
    readonly midTicks: number,
    readonly bidTicks: number | null,
    readonly askTicks: number | null,
    readonly positionLots: number,
    readonly positionValuePico: bigint,
    readonly realisedPico: bigint,
    readonly unrealisedPico: bigint,
    readonly feesPico: bigint,
    readonly totalPico: bigint,
    readonly netEdgeBpsE4: number,
    readonly openOrders: number,
    readonly state: RiskState,
  ) {}
}

class RawFill {
  constructor(
    readonly fill: Fill,
    readonly feePico: bigint,
  ) {}
}

/** Order of records at one ms: what happened by then (fills, then risk events, then block counts), then the samples. */
const RANK: Readonly<Record<SeriesRecord['type'], number>> = { fill: 0, freeze: 1, unfreeze: 1, risk_state: 1, breaker: 1, blocks: 2, sample: 3 };

export class SeriesSampler implements RunObserver {
  private nextMs: number;
  private readonly samples: RawSample[] = [];
  private readonly fills: RawFill[] = [];
  /** Risk records, made as they are seen (rare: at most a few per sample). */
  private readonly events: SeriesRecord[] = [];
  private seenFreezes = 0;
  private seenUnfreezes = 0;
  private seenStates = 0;
  private seenBreaker = 0;
  private blocksTotal = 0;
  private readonly blocksSeen = new Map<string, number>();
  private lastSampleMs: number;
  private ended = false;

  constructor(private readonly deps: SeriesSamplerDeps) {
    if (!Number.isSafeInteger(deps.everyMs) || deps.everyMs < 1) throw invariantViolation(`series interval ${deps.everyMs} ms must be a whole number ≥ 1`);
    this.nextMs = deps.startMs;
    this.lastSampleMs = deps.startMs;
  }

  onFill(fill: Fill, feePico: bigint): void {
    this.fills.push(new RawFill(fill, feePico));
  }

  advance(nextMs: number): number {
    while (this.nextMs < nextMs) {
      this.sample(this.nextMs);
      this.nextMs += this.deps.everyMs;
    }
    return this.nextMs;
  }

  /** Samples every grid time up to `endMs`, then one at `endMs` itself unless it is a grid time (the run's final state). */
  end(endMs: number): void {
    if (this.ended) return;
    this.ended = true;
    while (this.nextMs <= endMs) {
      this.sample(this.nextMs);
      this.nextMs += this.deps.everyMs;
    }
    // The state the report ends with: one more sample at the end when it falls between two grid times.
    if (this.nextMs - this.deps.everyMs < endMs) this.sample(endMs);
    this.collectEvents(endMs);
  }

  /** Samples taken so far (symbols × sample times). */
  get sampleCount(): number {
    return this.samples.length;
  }

  private sample(ts: number): void {
    const { instruments, ledger, edge, risk, quotes } = this.deps;
    const state = risk.state;
    for (let s = 0; s < instruments.length; s++) {
      const book = ledger.book(s);
      const pnl = bookPnl(book);
      this.samples.push(
        new RawSample(ts, s, book.markTicks, quotes.quoteTicks(s, 'BUY'), quotes.quoteTicks(s, 'SELL'), book.positionLots, pnl.positionValuePico, pnl.realisedPico, pnl.unrealisedPico, pnl.feesPico, pnl.totalPico, edge.netEdgeBpsE4(s), quotes.openOrdersOf(s), state),
      );
    }
    this.collectEvents(ts);
  }

  /** New freezes, unfreezes, state changes and breaker transitions (each at its own time), and the blocks since the last sample. */
  private collectEvents(ts: number): void {
    const { risk, breaker } = this.deps;
    const freezes = risk.freezeEvents;
    for (; this.seenFreezes < freezes.length; this.seenFreezes++) {
      const f = freezes[this.seenFreezes]!;
      this.events.push({
        type: 'freeze',
        ts_ms: f.ts,
        utc: isoUtc(f.ts),
        symbol: f.symbol,
        reason: f.reason,
        source: f.source,
        net_edge_bps: f.reason === 'EDGE_BELOW_THRESHOLD' ? bpsE4(f.edgeBpsE4) : null,
        edge_threshold_bps: f.reason === 'EDGE_BELOW_THRESHOLD' ? bpsE4(f.thresholdBpsE4) : null,
      });
    }
    const unfreezes = risk.unfreezeEvents;
    for (; this.seenUnfreezes < unfreezes.length; this.seenUnfreezes++) {
      const u = unfreezes[this.seenUnfreezes]!;
      this.events.push({ type: 'unfreeze', ts_ms: u.ts, utc: isoUtc(u.ts), symbol: u.symbol, reason: u.reason, source: u.source, since_ms: u.frozenAt });
    }
    const states = risk.transitions;
    for (; this.seenStates < states.length; this.seenStates++) {
      const t = states[this.seenStates]!;
      this.events.push({ type: 'risk_state', ts_ms: t.atMs, utc: isoUtc(t.atMs), from: t.from, to: t.to, reason: t.reason, source: t.source });
    }
    const circuit = breaker.transitions;
    for (; this.seenBreaker < circuit.length; this.seenBreaker++) {
      const t = circuit[this.seenBreaker]!;
      this.events.push({ type: 'breaker', ts_ms: t.atMs, utc: isoUtc(t.atMs), from: t.from, to: t.to, reason: t.reason });
    }
    // Blocks are counted, not logged: a burst is the blocks of one reason between two samples.
    const total = risk.blocksTotal;
    if (total !== this.blocksTotal) {
      this.blocksTotal = total;
      for (const [reason, count] of Object.entries(risk.blocksByReason())) {
        const before = this.blocksSeen.get(reason) ?? 0;
        if (count === before) continue;
        this.blocksSeen.set(reason, count);
        this.events.push({ type: 'blocks', ts_ms: ts, utc: isoUtc(ts), reason, count: count - before, since_ms: this.lastSampleMs });
      }
    }
    this.lastSampleMs = ts;
  }

  /** Every record, ordered by (ms, kind: fills, risk events, blocks, samples; then the order they were taken in). */
  records(): SeriesRecord[] {
    const { instruments, risk } = this.deps;
    const threshold = bpsE4(risk.limits.edgeThresholdBpsE4);
    const out: { record: SeriesRecord; seq: number }[] = [];
    let seq = 0;
    for (const { fill, feePico } of this.fills) {
      const instrument = instruments[fill.symbolIndex]!;
      out.push({
        seq: seq++,
        record: {
          type: 'fill',
          ts_ms: fill.ts,
          utc: isoUtc(fill.ts),
          symbol: fill.symbol,
          side: fill.side,
          price: formatPrice(instrument, fill.priceTicks),
          qty: formatQty(instrument, fill.qtyLots),
          liquidity: fill.liquidity,
          fee_usd: pico(feePico),
          order_id: fill.orderId,
          fill_id: fill.id,
        },
      });
    }
    for (const record of this.events) out.push({ seq: seq++, record });
    for (const s of this.samples) {
      const instrument = instruments[s.symbol]!;
      out.push({
        seq: seq++,
        record: {
          type: 'sample',
          ts_ms: s.ts,
          utc: isoUtc(s.ts),
          symbol: instrument.symbol,
          mid: s.midTicks === 0 ? null : formatPrice(instrument, s.midTicks),
          bid: s.bidTicks === null ? null : formatPrice(instrument, s.bidTicks),
          ask: s.askTicks === null ? null : formatPrice(instrument, s.askTicks),
          position: formatQty(instrument, s.positionLots),
          inventory_usd: pico(s.positionValuePico),
          realized_pnl_usd: pico(s.realisedPico),
          unrealized_pnl_usd: pico(s.unrealisedPico),
          fees_usd: pico(s.feesPico),
          total_pnl_usd: pico(s.totalPico),
          net_edge_bps: bpsE4(s.netEdgeBpsE4),
          edge_threshold_bps: threshold,
          open_orders: s.openOrders,
          risk_state: s.state,
        },
      });
    }
    out.sort((a, b) => a.record.ts_ms - b.record.ts_ms || RANK[a.record.type] - RANK[b.record.type] || a.seq - b.seq);
    return out.map((o) => o.record);
  }
}
