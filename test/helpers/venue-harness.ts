// venueHarness: a SimulatedVenue on a virtual clock with the fake rules, a report recorder, and helpers to place orders and move the market.
import { SimulatedVenue } from '../../src/core/sim/simulated-venue.js';
import { ProbabilisticFillModel } from '../../src/core/sim/probabilistic-fill-model.js';
import { IcebergVisible } from '../../src/core/sim/iceberg-visible.js';
import { ConstantLatencyModel } from '../../src/core/sim/constant-latency-model.js';
import type { LatencyModel } from '../../src/ports/latency-model.js';
import type { FillModel } from '../../src/ports/fill-model.js';
import type { RequestGate } from '../../src/ports/request-gate.js';
import type { VenueReject, VenueRules } from '../../src/ports/venue-rules.js';
import { EventScheduler } from '../../src/core/scheduler/event-scheduler.js';
import { VirtualClock } from '../../src/core/time/virtual-clock.js';
import { SeededRng } from '../../src/core/random/seeded-rng.js';
import { buildInstrument, type Instrument } from '../../src/core/model/instrument.js';
import type { Fill } from '../../src/core/model/fill.js';
import type { OrderNo } from '../../src/core/model/ids.js';
import type { Order, OrderOptions, OrderRequest, Side } from '../../src/core/model/order.js';
import type { ExecutionListener } from '../../src/ports/exchange-client.js';
import type { Rng } from '../../src/ports/rng.js';
import { FakeVenueRules } from '../../src/venues/fake/fake-venue-rules.js';
import { FAKE_INSTRUMENTS } from '../../src/venues/fake/fake-instruments.js';

export function instrument(symbol: string): Instrument {
  const spec = FAKE_INSTRUMENTS.find((i) => i.symbol === symbol);
  if (spec === undefined) throw new Error(symbol);
  return buildInstrument(spec);
}

export const BTC = instrument('BTCUSDT'); // tick 0.1, lot 0.001, min qty 0.001, max qty 100, min notional 5
export const ETH = instrument('ETHUSDT');

/** Records every execution report as a line, with the order's status at the moment of the report. */
export class Recorder implements ExecutionListener {
  readonly lines: string[] = [];
  readonly fills: Fill[] = [];
  readonly rejects: VenueReject[] = [];
  constructor(private readonly clock: VirtualClock) {}
  onAccepted(order: Order): void {
    this.lines.push(`${this.clock.now()} accepted ${order.id} ${order.status} acceptedAt=${order.acceptedAt}`);
  }
  onRejected(order: Order, reject: VenueReject): void {
    this.rejects.push(reject);
    this.lines.push(`${this.clock.now()} rejected ${order.id} ${order.status} ${reject.code}`);
  }
  onFill(fill: Fill, order: Order): void {
    this.fills.push(fill);
    this.lines.push(
      `${this.clock.now()} fill ${fill.id} ${fill.orderId} ${fill.side} ${fill.qtyLots}@${fill.priceTicks} ${fill.liquidity} ts=${fill.ts} ${order.status} filled=${order.filledLots}`,
    );
  }
  onCanceled(order: Order): void {
    this.lines.push(`${this.clock.now()} canceled ${order.id} ${order.status} filled=${order.filledLots}`);
  }
  onDropped(order: Order): void {
    this.lines.push(`${this.clock.now()} dropped ${order.id} ${order.status}`);
  }
  onCancelRejected(order: Order, reject: VenueReject): void {
    this.rejects.push(reject);
    this.lines.push(`${this.clock.now()} cancel-rejected ${order.id} ${order.status} ${reject.code}`);
  }
  onAmended(order: Order): void {
    this.lines.push(`${this.clock.now()} amended ${order.id} ${order.status} ${order.qtyLots}@${order.priceTicks}`);
  }
  onAmendRejected(order: Order, reject: VenueReject): void {
    this.rejects.push(reject);
    this.lines.push(`${this.clock.now()} amend-rejected ${order.id} ${order.status} ${reject.code}`);
  }
  onCancelAllRejected(symbol: string, reject: VenueReject): void {
    this.rejects.push(reject);
    this.lines.push(`${this.clock.now()} cancel-all-rejected ${symbol} ${reject.code}`);
  }
}

/** Counts draws so tests can check the fill stream is not consumed. */
export class CountingRng implements Rng {
  draws = 0;
  constructor(private readonly inner: Rng) {}
  next(): number {
    this.draws++;
    return this.inner.next();
  }
  fork(name: string): Rng {
    return this.inner.fork(name);
  }
}

export interface Harness {
  venue: SimulatedVenue;
  clock: VirtualClock;
  scheduler: EventScheduler;
  rec: Recorder;
  rng: CountingRng;
  runUntil(t: number): void;
  market(t: number, bidTicks: number, askTicks: number, symbol?: string): void;
  /** A quote with sizes at t (BTCUSDT). */
  quote(t: number, bidTicks: number, askTicks: number, bidLots: number, askLots: number): void;
  /** A public trade at t (BTCUSDT); `takerSide` 'sell' by default (a seller hitting bids). */
  trade(t: number, priceTicks: number, qtyLots: number, takerSide?: 'buy' | 'sell'): void;
  /** Places an order; returns its number (its id is "O-<n>"). */
  place(side: Side, priceTicks: number, qtyLots: number, symbol?: string, options?: OrderOptions): OrderNo;
  /** The symbol index the harness gives `symbol`: the instruments' order, then any other name in the order first used. */
  symbolIndex(symbol: string): number;
}

export function harness(options: { fillRate?: number; latency?: LatencyModel; fillModel?: FillModel; seed?: string; gate?: RequestGate; rules?: VenueRules; instruments?: readonly Instrument[] } = {}): Harness {
  const clock = new VirtualClock(0);
  const scheduler = new EventScheduler();
  const rng = new CountingRng(new SeededRng(options.seed ?? 'venue-test'));
  const fillRate = options.fillRate ?? 0;
  const instruments = new Map((options.instruments ?? [BTC, ETH]).map((i) => [i.symbol, i]));
  const names = [...instruments.keys()];
  const symbolIndex = (symbol: string): number => {
    if (!names.includes(symbol)) names.push(symbol);
    return names.indexOf(symbol);
  };
  const venue = new SimulatedVenue({
    clock,
    scheduler,
    instruments,
    rules: options.rules ?? new FakeVenueRules({ makerPpm: 200, takerPpm: 550 }),
    ...(options.gate === undefined ? {} : { gate: options.gate }),
    fillModel: options.fillModel ?? new ProbabilisticFillModel(rng, fillRate, String(fillRate), new IcebergVisible(instruments)),
    latency: options.latency ?? new ConstantLatencyModel(50),
  });
  const rec = new Recorder(clock);
  venue.setListener(rec);
  const runUntil = (t: number): void => {
    for (let next = scheduler.peekTime(); next !== null && next <= t; next = scheduler.peekTime()) {
      const e = scheduler.pop()!;
      clock.advanceTo(e.time);
      e.action();
    }
    clock.advanceTo(t);
  };
  return {
    venue,
    clock,
    scheduler,
    rec,
    rng,
    runUntil,
    symbolIndex,
    market(t, bidTicks, askTicks, symbol = 'BTCUSDT') {
      runUntil(t);
      venue.onMarketUpdate({ symbol, ts: t, bidTicks, askTicks, bidLots: 5, askLots: 5 }, symbolIndex(symbol));
    },
    quote(t, bidTicks, askTicks, bidLots, askLots) {
      runUntil(t);
      venue.onMarketUpdate({ symbol: 'BTCUSDT', ts: t, bidTicks, askTicks, bidLots, askLots }, symbolIndex('BTCUSDT'));
    },
    trade(t, priceTicks, qtyLots, takerSide = 'sell') {
      runUntil(t);
      venue.onMarketEvent({ kind: 'trade', symbol: 'BTCUSDT', ts: t, priceTicks, qtyLots, takerSide, tradeId: `T${t}` }, symbolIndex('BTCUSDT'));
    },
    place(side, priceTicks, qtyLots, symbol = 'BTCUSDT', orderOptions) {
      const request: OrderRequest = { symbol, symbolIndex: symbolIndex(symbol), side, priceTicks, qtyLots, quoteMidTicks: 935005, ...(orderOptions === undefined ? {} : { options: orderOptions }) };
      return venue.placeOrder(request);
    },
  };
}

