// SeriesSampler: the --series observer — per symbol every `everyMs` of virtual time the mid, our quotes, position, PnL inputs, edge and open orders; every fill; every risk event. Kept as columns of integers during the run (no record objects, no decimal work), made decimal strings once at the end.
import { invariantViolation } from '../core/errors/shadow-exec-error.js';
import type { Fill } from '../core/model/fill.js';
import { FillRecord } from '../core/model/fill-record.js';
import type { FillId, OrderId } from '../core/model/ids.js';
import type { FeeSchedule } from '../core/sim/fee-schedule.js';
import type { Instrument } from '../core/model/instrument.js';
import { bookPnl, Ledger } from '../core/portfolio/ledger.js';
import type { CircuitBreaker } from '../core/risk/circuit-breaker.js';
import type { EdgeTracker } from '../core/risk/edge-tracker.js';
import type { RiskMonitor, RiskState } from '../core/risk/risk-monitor.js';
import type { SeriesRecord } from '../core/report/series-record.js';
import { formatCount, formatScaled, scaledUnit, type ScaledUnit } from '../core/report/scaled-decimal.js';
import { isoUtc } from '../core/report/units.js';
import type { RunObserver } from '../ports/run-observer.js';
import { FillColumns, F, idNumber, O, SampleColumns } from './series-columns.js';

/** A symbol's live quotes as a sample reads them: the loop's own per-symbol record (read, never written). */
export interface QuoteState {
  readonly bid: { readonly priceTicks: number } | null;
  readonly ask: { readonly priceTicks: number } | null;
  /** Live orders of the symbol (quotes, exit legs, orders being cancelled). */
  readonly orders: number;
}

/** What a sample reads a symbol's live quotes from (the loop's working orders). */
export interface QuoteView {
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

/** Order of records at one ms: what happened by then (fills, then risk events, then block counts), then the samples. */
const RANK: Readonly<Record<SeriesRecord['type'], number>> = { fill: 0, freeze: 1, unfreeze: 1, risk_state: 1, breaker: 1, blocks: 2, sample: 3 };
const STATES: readonly RiskState[] = ['ACTIVE', 'REDUCING', 'FROZEN'];
/** pico-quote (10⁻¹²) and bps × 10⁴ as decimal places. */
const PICO_SCALE = 12;
const BPS_E4_SCALE = 4;

export class SeriesSampler implements RunObserver {
  private nextMs: number;
  /** Samples and risk records not yet made records (takeRecords empties them). */
  private samples = new SampleColumns();
  private events: SeriesRecord[] = [];
  /** Fills not yet made records; `fillBase` is the run index of its first row. */
  private fills = new FillColumns();
  private fillBase = 0;
  private seenFreezes = 0;
  private seenUnfreezes = 0;
  private seenStates = 0;
  private seenBreaker = 0;
  private blocksTotal = 0;
  private readonly blocksSeen = new Map<string, number>();
  private lastSampleMs: number;
  private ended = false;
  /** The fills replayed so far through a ledger of the sampler's own (the run's exact arithmetic): fees, cash, cost basis. */
  private readonly replay: Ledger;
  private replayed = 0;
  /** Every record taken so far is at or before this ms (the last sample's); the next ones are all after it. */
  private takenUpToMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: SeriesSamplerDeps) {
    if (!Number.isSafeInteger(deps.everyMs) || deps.everyMs < 1) throw invariantViolation(`series interval ${deps.everyMs} ms must be a whole number ≥ 1`);
    this.nextMs = deps.startMs;
    this.lastSampleMs = deps.startMs;
    this.replay = new Ledger(deps.instruments, deps.fees);
  }

  onFill(fill: Fill): void {
    const f = this.fills;
    const i = this.fillBase + f.ts.length;
    f.ts.push(fill.ts);
    f.meta.push(fill.symbolIndex * 4 + (fill.side === 'SELL' ? 2 : 0) + (fill.liquidity === 'TAKER' ? 1 : 0));
    f.price.push(fill.priceTicks);
    f.qty.push(fill.qtyLots);
    const id = idNumber(fill.id, F);
    const order = idNumber(fill.orderId, O);
    f.id.push(id);
    f.order.push(order);
    if (id < 0) f.oddIds.set(`F${i}`, fill.id);
    if (order < 0) f.oddIds.set(`O${i}`, fill.orderId);
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

  private sample(ts: number): void {
    const { instruments, ledger, edge, risk, quotes } = this.deps;
    const c = this.samples;
    c.ts.push(ts);
    c.fills.push(this.fillBase + this.fills.ts.length);
    c.state.push(STATES.indexOf(risk.state));
    for (let s = 0; s < instruments.length; s++) {
      const q = quotes.quoteState(s);
      c.mid.push(ledger.book(s).markTicks);
      c.bid.push(q.bid === null ? -1 : q.bid.priceTicks);
      c.ask.push(q.ask === null ? -1 : q.ask.priceTicks);
      c.edge.push(edge.netEdgeBpsE4(s));
      c.open.push(q.orders);
    }
    this.collectEvents(ts);
  }

  /** New freezes, unfreezes, state changes and breaker transitions (each at its own time), and the blocks since the last sample. */
  private collectEvents(ts: number): void {
    const { risk, breaker } = this.deps;
    const freezes = risk.freezeEvents;
    for (; this.seenFreezes < freezes.length; this.seenFreezes++) {
      const f = freezes[this.seenFreezes]!;
      const edge = f.reason === 'EDGE_BELOW_THRESHOLD';
      this.events.push({
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

  /**
   * Every record not taken yet, after end(): ordered by (ms, kind: fills, risk events, blocks, samples; then the order
   * they were taken in). With takeRecords() before it, the records taken and these, one after the other, are exactly
   * what records() alone would have returned.
   */
  records(): SeriesRecord[] {
    if (!this.ended) throw invariantViolation('series records read before the run ended');
    return this.take(true);
  }

  /**
   * The records up to the last sample taken (every fill and risk event at or before its time, and the samples), in
   * records() order, and forgets them: called between slices of a run that streams its series to a file (--series-out),
   * so the sampler holds at most the records of one slice. Later records all lie after these (virtual time only moves
   * forward, and a fill or risk event is recorded at the time it happens), so writing each batch in turn writes the
   * bytes records() would have given at the end.
   */
  takeRecords(): SeriesRecord[] {
    return this.take(this.ended);
  }

  /**
   * The fills are replayed through the sampler's ledger up to each sample's count, which gives each fill's fee and
   * each sample's cash, cost basis and fees; `all`: every fill and event (the run has ended), else those up to the last sample.
   */
  private take(all: boolean): SeriesRecord[] {
    const { instruments, risk } = this.deps;
    const units = instruments.map((i): { price: ScaledUnit; qty: ScaledUnit } => ({ price: scaledUnit(i.tickSize), qty: scaledUnit(i.lotSize) }));
    const threshold = formatScaled(risk.limits.edgeThresholdBpsE4, BPS_E4_SCALE);
    const utc = new Map<number, string>();
    const isoOf = (ms: number): string => {
      let text = utc.get(ms);
      if (text === undefined) utc.set(ms, (text = isoUtc(ms)));
      return text;
    };
    const out: { record: SeriesRecord; seq: number }[] = [];
    let seq = 0;
    const f = this.fills;
    const base = this.fillBase;
    const replay = this.replay;
    const fillRecords: SeriesRecord[] = [];
    /** Applies the run's fills up to the `upTo`-th (its order in the run), recording each. */
    const replayTo = (upTo: number): void => {
      for (; this.replayed < upTo; this.replayed++) {
        const n = this.replayed;
        const i = n - base;
        const meta = f.meta.at(i);
        const symbol = meta >> 2;
        const instrument = instruments[symbol]!;
        const id = f.id.at(i) < 0 ? f.oddIds.get(`F${n}`)! : `F-${f.id.at(i)}`;
        const orderId = f.order.at(i) < 0 ? f.oddIds.get(`O${n}`)! : `O-${f.order.at(i)}`;
        const side = (meta & 2) !== 0 ? 'SELL' : 'BUY';
        const liquidity = (meta & 1) !== 0 ? 'TAKER' : 'MAKER';
        const fee = replay.applyFill(new FillRecord(id as FillId, orderId as OrderId, instrument.symbol, symbol, side, f.price.at(i), f.qty.at(i), liquidity, f.ts.at(i), 0));
        const unit = units[symbol]!;
        fillRecords.push({
          type: 'fill',
          ts_ms: f.ts.at(i),
          utc: isoOf(f.ts.at(i)),
          symbol: instrument.symbol,
          side,
          price: formatCount(f.price.at(i), unit.price),
          qty: formatCount(f.qty.at(i), unit.qty),
          liquidity,
          fee_usd: formatScaled(fee, PICO_SCALE),
          order_id: orderId,
          fill_id: id,
        });
      }
    };
    const samples: SeriesRecord[] = [];
    const c = this.samples;
    const n = instruments.length;
    for (let t = 0; t < c.ts.length; t++) {
      replayTo(c.fills.at(t));
      const ts = c.ts.at(t);
      const state = STATES[c.state.at(t)]!;
      for (let s = 0; s < n; s++) {
        const i = t * n + s;
        const instrument = instruments[s]!;
        const unit = units[s]!;
        const book = replay.book(s);
        const pnl = bookPnl({ instrument, positionLots: book.positionLots, markTicks: c.mid.at(i), cashPico: book.cashPico, costBasisPico: book.costBasisPico, feesPico: book.feesPico });
        samples.push({
          type: 'sample',
          ts_ms: ts,
          utc: isoOf(ts),
          symbol: instrument.symbol,
          mid: c.mid.at(i) <= 0 ? null : formatCount(c.mid.at(i), unit.price),
          bid: c.bid.at(i) < 0 ? null : formatCount(c.bid.at(i), unit.price),
          ask: c.ask.at(i) < 0 ? null : formatCount(c.ask.at(i), unit.price),
          position: formatCount(book.positionLots, unit.qty),
          inventory_usd: formatScaled(pnl.positionValuePico, PICO_SCALE),
          realized_pnl_usd: formatScaled(pnl.realisedPico, PICO_SCALE),
          unrealized_pnl_usd: formatScaled(pnl.unrealisedPico, PICO_SCALE),
          fees_usd: formatScaled(pnl.feesPico, PICO_SCALE),
          total_pnl_usd: formatScaled(pnl.totalPico, PICO_SCALE),
          net_edge_bps: formatScaled(c.edge.at(i), BPS_E4_SCALE),
          edge_threshold_bps: threshold,
          open_orders: c.open.at(i),
          risk_state: state,
        });
      }
    }
    if (all) replayTo(base + f.ts.length);
    const lastMs = c.ts.length === 0 ? this.takenUpToMs : c.ts.at(c.ts.length - 1);
    for (const record of fillRecords) out.push({ seq: seq++, record });
    for (const record of this.events) out.push({ seq: seq++, record });
    for (const record of samples) out.push({ seq: seq++, record });
    for (const o of out) {
      if (o.record.ts_ms <= this.takenUpToMs) throw invariantViolation(`series ${o.record.type} record at ${o.record.ts_ms} ms comes after records up to ${this.takenUpToMs} ms were taken`);
    }
    out.sort((a, b) => a.record.ts_ms - b.record.ts_ms || RANK[a.record.type] - RANK[b.record.type] || a.seq - b.seq);
    this.forgetTaken(all ? Number.POSITIVE_INFINITY : lastMs);
    return out.map((o) => o.record);
  }

  /** Drops what take() has made records: the samples, the risk records, and the replayed fills (the rest move to new columns). */
  private forgetTaken(upToMs: number): void {
    this.takenUpToMs = upToMs;
    this.samples = new SampleColumns();
    this.events = [];
    const old = this.fills;
    const from = this.replayed - this.fillBase;
    if (from === 0) return;
    const kept = new FillColumns();
    for (let i = from; i < old.ts.length; i++) {
      kept.ts.push(old.ts.at(i));
      kept.meta.push(old.meta.at(i));
      kept.price.push(old.price.at(i));
      kept.qty.push(old.qty.at(i));
      kept.id.push(old.id.at(i));
      kept.order.push(old.order.at(i));
    }
    for (const [key, id] of old.oddIds) if (Number(key.slice(1)) >= this.replayed) kept.oddIds.set(key, id);
    this.fills = kept;
    this.fillBase = this.replayed;
  }
}
