// SeriesSampler: the --series observer — per symbol every `everyMs` of virtual time the mid, our quotes, position, PnL inputs, edge and open orders; every fill; every risk event. Kept as rows of integers during the run (no record objects, no decimal work), made decimal strings once at the end.
import { invariantViolation } from '../core/errors/shadow-exec-error.js';
import type { Fill } from '../core/model/fill.js';
import type { FeeSchedule } from '../core/sim/fee-schedule.js';
import type { Instrument } from '../core/model/instrument.js';
import type { Ledger } from '../core/portfolio/ledger.js';
import type { CircuitBreaker } from '../core/risk/circuit-breaker.js';
import type { EdgeTracker } from '../core/risk/edge-tracker.js';
import { BLOCK_REASONS } from '../core/risk/risk-decision.js';
import type { RiskMonitor } from '../core/risk/risk-monitor.js';
import type { SeriesFormat } from '../core/report/series-format.js';
import type { SeriesRecord } from '../core/report/series-record.js';
import { formatScaled } from '../core/report/scaled-decimal.js';
import { isoUtc } from '../core/report/units.js';
import type { RunObserver } from '../ports/run-observer.js';
import { BPS_E4_SCALE, STATES, type SeriesBatch } from './series-batch.js';
import { BlockColumns, FillColumns, F, idNumber, O, SampleColumns } from './series-columns.js';
import { buildSeriesRecords } from './series-record-builder.js';
import { SeriesReplay } from './series-replay.js';
import { writeSeriesText } from './series-text-writer.js';

/** A symbol's live quotes as a sample reads them: the loop's own per-symbol record (read, never written). */
export interface QuoteState {
  readonly bid: { readonly priceTicks: number } | null;
  readonly ask: { readonly priceTicks: number } | null;
  /** Live orders of the symbol (quotes, exit legs, orders being cancelled). */
  readonly orders: number;
}

/** What a sample reads a symbol's live quotes from (the loop's working orders). */
export interface QuoteView {
  /** The same record for the whole run (updated in place): the sampler reads it once, at its start. */
  quoteState(symbol: number): QuoteState;
}

export interface SeriesSamplerDeps {
  readonly instruments: readonly Instrument[];
  readonly ledger: Ledger;
  /** The run's fees: the records replay the fills through a ledger of their own to recover cash, cost and fees at each sample. */
  readonly fees: FeeSchedule;
  readonly edge: EdgeTracker;
  readonly risk: RiskMonitor;
  readonly breaker: CircuitBreaker;
  readonly quotes: QuoteView;
  /** Virtual ms of the first sample (the run's start). */
  readonly startMs: number;
  /** Virtual ms between samples, ≥ 1. */
  readonly everyMs: number;
}

export class SeriesSampler implements RunObserver {
  private nextMs: number;
  /** Samples, fills and block bursts not yet made records (a take empties them); `fillBase` is the run index of the first fill row. */
  private readonly samples = new SampleColumns();
  private readonly fills = new FillColumns();
  private fillBase = 0;
  private readonly blocks = new BlockColumns();
  /** Risk log entries made records so far, and collected (seen by a sample or the end) so far: the next take's are in between. */
  private readonly taken = { freezes: 0, unfreezes: 0, states: 0, breaker: 0 };
  private readonly collected = { freezes: 0, unfreezes: 0, states: 0, breaker: 0 };
  private blocksTotal = 0;
  /** Blocks per reason (BLOCK_REASONS slot) by the last sample. */
  private readonly blocksSeen = new Float64Array(BLOCK_REASONS.length);
  private lastSampleMs: number;
  private ended = false;
  /** The fills replayed so far through a ledger of the sampler's own (the run's exact arithmetic): fees, cash, cost basis. */
  private readonly replay: SeriesReplay;
  /** Every record taken so far is at or before this ms (the last sample's); the next ones are all after it. */
  private takenUpToMs = Number.NEGATIVE_INFINITY;
  /**
   * What a sample reads per symbol, looked up once: its ledger book and live quotes (each the same object all run). A
   * sample runs amid the loop's work, its reads mostly cache misses: each object fewer to reach is one miss fewer
   * (measured: bench/series-bench.ts).
   */
  private readonly books: readonly { readonly markTicks: number }[];
  private readonly quoteStates: readonly QuoteState[];

  constructor(private readonly deps: SeriesSamplerDeps) {
    if (!Number.isSafeInteger(deps.everyMs) || deps.everyMs < 1) throw invariantViolation(`series interval ${deps.everyMs} ms must be a whole number ≥ 1`);
    this.nextMs = deps.startMs;
    this.lastSampleMs = deps.startMs;
    this.replay = new SeriesReplay(deps.instruments, deps.fees);
    this.books = deps.instruments.map((_, s) => deps.ledger.book(s));
    this.quoteStates = deps.instruments.map((_, s) => deps.quotes.quoteState(s));
  }

  /** Fills the run has applied so far: the rows kept and those already made records. */
  private get appliedFills(): number {
    return this.fillBase + this.fills.length;
  }

  onFill(fill: Fill): void {
    const f = this.fills;
    const id = idNumber(fill.id, F);
    const order = idNumber(fill.orderId, O);
    f.add(fill.ts, fill.symbolIndex * 4 + (fill.side === 'SELL' ? 2 : 0) + (fill.liquidity === 'TAKER' ? 1 : 0), fill.priceTicks, fill.qtyLots, id, order);
    const n = this.appliedFills - 1;
    if (id < 0) f.oddIds.set(`F${n}`, fill.id);
    if (order < 0) f.oddIds.set(`O${n}`, fill.orderId);
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
    if (this.nextMs - this.deps.everyMs < endMs) this.sample(endMs);
    this.collectEvents(endMs);
  }

  /** Samples taken and not yet made records (symbols × sample times). */
  get sampleCount(): number {
    return this.samples.mid.length;
  }

  /** Integers only: the time, the fills applied by then, the risk state, and per symbol mark, quotes, net edge and live orders. */
  private sample(ts: number): void {
    const { edge, risk } = this.deps;
    const c = this.samples;
    c.addTime(ts, this.appliedFills, STATES.indexOf(risk.state));
    const books = this.books;
    const quotes = this.quoteStates;
    for (let s = 0; s < books.length; s++) {
      const q = quotes[s]!;
      c.addSymbol(books[s]!.markTicks, q.bid === null ? -1 : q.bid.priceTicks, q.ask === null ? -1 : q.ask.priceTicks, edge.netEdgeBpsE4(s), q.orders);
    }
    this.collectEvents(ts);
  }

  /**
   * How far the risk logs (freezes, unfreezes, state changes, breaker transitions: each entry at its own time) have
   * reached — their records are made when taken — and the blocks since the last sample, per reason, as integers.
   */
  private collectEvents(ts: number): void {
    const { risk, breaker } = this.deps;
    const c = this.collected;
    c.freezes = risk.freezeEvents.length;
    c.unfreezes = risk.unfreezeEvents.length;
    c.states = risk.transitions.length;
    c.breaker = breaker.transitions.length;
    // Blocks are counted, not logged: a burst is the blocks of one reason between two samples.
    const total = risk.blocksTotal;
    if (total !== this.blocksTotal) {
      this.blocksTotal = total;
      // BLOCK_REASONS order: the order blocksByReason() lists them in.
      for (let slot = 0; slot < BLOCK_REASONS.length; slot++) {
        const count = risk.blocksOf(slot);
        const before = this.blocksSeen[slot]!;
        if (count === before) continue;
        this.blocksSeen[slot] = count;
        this.blocks.add(ts, slot, count - before, this.lastSampleMs);
      }
    }
    this.lastSampleMs = ts;
  }

  /**
   * Every record not taken yet, after end(): ordered by (ms, kind: fills, risk events, blocks, samples; then the order
   * they were taken in). With takeRecords() before it, the records taken and these, one after the other, are exactly
   * what records() alone would have returned.
   */
  records(): SeriesRecord[] {
    if (!this.ended) throw invariantViolation('series records read before the run ended');
    return this.made(buildSeriesRecords(this.take(true)));
  }

  /**
   * The records up to the last sample taken (every fill and risk event at or before its time, and the samples), in
   * records() order, and forgets them: called between slices of a run that streams its series to a file (--series-out),
   * so the sampler holds at most the records of one slice. Later records all lie after these (virtual time only moves
   * forward, and a fill or risk event is recorded at the time it happens), so writing each batch in turn writes the
   * bytes records() would have given at the end.
   */
  takeRecords(): SeriesRecord[] {
    return this.made(buildSeriesRecords(this.take(this.ended)));
  }

  /** takeRecords() as the UTF-8 bytes of formatSeriesRows(takeRecords(), format), written straight from the columns. */
  takeText(format: SeriesFormat): Uint8Array {
    return this.made(writeSeriesText(this.take(this.ended), format));
  }

  /** `made` from the batch just taken, after forgetting its samples, block bursts and the fills it replayed (the rest move to the front). */
  private made<T>(made: T): T {
    this.samples.clear();
    this.blocks.clear();
    const replayed = this.replay.replayed;
    if (replayed !== this.fillBase) {
      this.fills.keepFrom(replayed - this.fillBase, replayed);
      this.fillBase = replayed;
    }
    return made;
  }

  /** The batch of everything not taken yet (`all`: the run has ended), else of what lies up to the last sample; then forgets it. */
  private take(all: boolean): SeriesBatch {
    const c = this.samples;
    const lastMs = c.ts.length === 0 ? this.takenUpToMs : c.ts.at(c.ts.length - 1);
    const batch: SeriesBatch = {
      instruments: this.deps.instruments,
      samples: c,
      fills: this.fills,
      fillBase: this.fillBase,
      fillsEnd: all ? this.fillBase + this.fills.length : c.ts.length === 0 ? this.replay.replayed : c.fills.at(c.ts.length - 1),
      replay: this.replay,
      riskEvents: this.riskEvents(),
      blocks: this.blocks,
      threshold: formatScaled(this.deps.risk.limits.edgeThresholdBpsE4, BPS_E4_SCALE),
      takenUpToMs: this.takenUpToMs,
    };
    this.takenUpToMs = all ? Number.POSITIVE_INFINITY : lastMs;
    return batch;
  }

  /** The records of the risk log entries collected and not taken yet (few: made as objects), and marks them taken. */
  private riskEvents(): SeriesRecord[] {
    const { risk, breaker } = this.deps;
    const events: SeriesRecord[] = [];
    const taken = this.taken;
    const to = this.collected;
    const freezes = risk.freezeEvents;
    for (; taken.freezes < to.freezes; taken.freezes++) {
      const f = freezes[taken.freezes]!;
      const edge = f.reason === 'EDGE_BELOW_THRESHOLD';
      events.push({
        type: 'freeze',
        ts_ms: f.ts,
        utc: isoUtc(f.ts),
        symbol: f.symbol,
        reason: f.reason,
        source: f.source,
        net_edge_bps: edge ? formatScaled(f.edgeBpsE4, BPS_E4_SCALE) : null,
        edge_threshold_bps: edge ? formatScaled(f.thresholdBpsE4, BPS_E4_SCALE) : null,
      });
    }
    const unfreezes = risk.unfreezeEvents;
    for (; taken.unfreezes < to.unfreezes; taken.unfreezes++) {
      const u = unfreezes[taken.unfreezes]!;
      events.push({ type: 'unfreeze', ts_ms: u.ts, utc: isoUtc(u.ts), symbol: u.symbol, reason: u.reason, source: u.source, since_ms: u.frozenAt });
    }
    const states = risk.transitions;
    for (; taken.states < to.states; taken.states++) {
      const t = states[taken.states]!;
      events.push({ type: 'risk_state', ts_ms: t.atMs, utc: isoUtc(t.atMs), from: t.from, to: t.to, reason: t.reason, source: t.source });
    }
    const circuit = breaker.transitions;
    for (; taken.breaker < to.breaker; taken.breaker++) {
      const t = circuit[taken.breaker]!;
      events.push({ type: 'breaker', ts_ms: t.atMs, utc: isoUtc(t.atMs), from: t.from, to: t.to, reason: t.reason });
    }
    return events;
  }
}
