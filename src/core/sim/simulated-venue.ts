// SimulatedVenue: an ExchangeClient that runs orders through the request gate, latency, venue rules and a fill model on the run's scheduler.
import type { Clock } from '../../ports/clock.js';
import type { ExchangeClient, ExecutionListener, VenueStats } from '../../ports/exchange-client.js';
import { IdSequence, type OrderNo } from '../model/ids.js';
import type { SymbolIndex } from '../model/symbol-table.js';
import type { Instrument } from '../model/instrument.js';
import type { MarketContextEvent } from '../model/market-data-event.js';
import type { TopOfBook } from '../model/market-update.js';
import type { OrderRequest } from '../model/order.js';
import type { OcoIds, OcoRequest } from '../model/order-list.js';
import type { EventScheduler } from '../scheduler/event-scheduler.js';
import { ppmToBps } from './fee-schedule.js';
import type { FillModel } from '../../ports/fill-model.js';
import type { LatencyModel } from '../../ports/latency-model.js';
import { ClientSendQueue } from './client-send-queue.js';
import { OPEN_GATE, type RequestGate } from '../../ports/request-gate.js';
import { VenueMatchingEngine } from './venue-matching-engine.js';
import { VenueRequest, type RequestReceiver } from './venue-request.js';
import type { VenueReject, VenueRules } from '../../ports/venue-rules.js';
import { WireCounters } from './wire-counters.js';

export interface SimulatedVenueDeps {
  readonly clock: Clock;
  readonly scheduler: EventScheduler;
  readonly instruments: ReadonlyMap<string, Instrument>;
  readonly rules: VenueRules;
  readonly fillModel: FillModel;
  readonly latency: LatencyModel;
  /** The venue API in front of the matching engine; defaults to OPEN_GATE (no limits, no journal). */
  readonly gate?: RequestGate;
}

const NO_LISTENER: ExecutionListener = {
  onAccepted() {},
  onRejected() {},
  onFill() {},
  onCanceled() {},
  onDropped() {},
  onCancelRejected() {},
  onAmended() {},
  onAmendRejected() {},
  onCancelAllRejected() {},
};

/** The UTC day of virtual ms `ms` (days since the epoch): the venues count daily limits from 00:00 UTC. */
function utcDay(ms: number): number {
  return Math.floor(ms / 86_400_000);
}

export class SimulatedVenue implements ExchangeClient, RequestReceiver {
  readonly venue: string;
  private listener: ExecutionListener = NO_LISTENER;
  private readonly gate: RequestGate;
  private readonly engine: VenueMatchingEngine;
  private readonly listIds = new IdSequence<string>('L');
  /** Creates and OCO lists waiting in the client's queue, by order number (an OCO by its limit leg): a cancel drops them unsent. */
  private readonly heldCreates = new Map<OrderNo, VenueRequest>();
  private readonly queue: ClientSendQueue<VenueRequest>;
  private readonly wire = new WireCounters();
  /** The time the dead-man switch is armed for; null: disarmed. */
  private scheduledCancelAt: number | null = null;
  /** Times the switch fired, by UTC day (ms / 86 400 000). */
  private readonly scheduledCancelFired = new Map<number, number>();

  constructor(private readonly deps: SimulatedVenueDeps) {
    this.venue = deps.rules.venue;
    const gate = deps.gate ?? OPEN_GATE;
    this.gate = gate;
    this.engine = new VenueMatchingEngine({ ...deps, listener: () => this.listener });
    this.queue = new ClientSendQueue<VenueRequest>(deps.clock, deps.scheduler, gate, gate.laneCount, (request, sendMs, heldMs) => this.leave(request, sendMs, heldMs));
  }

  onMarketUpdate(update: TopOfBook, symbol: SymbolIndex): void {
    this.engine.onMarketUpdate(update, symbol);
  }

  /** Trades reach resting orders through the fill model (trade-through, queue); bars, marks and tickers play no part. `symbol` -1: not traded. */
  onMarketEvent(event: MarketContextEvent, symbol: SymbolIndex): void {
    if (event.kind === 'trade' && symbol >= 0) this.engine.onTrade(event, symbol);
  }

  setListener(listener: ExecutionListener): void {
    this.listener = listener;
  }

  placeOrder(request: OrderRequest): OrderNo {
    const now = this.deps.clock.now();
    const order = this.engine.store.create(request, now);
    this.engine.byNo.set(order);
    this.send(new VenueRequest(this, 'create', order.symbol, order, null), now, this.deps.latency.entryDelayMs());
    return order.seq;
  }

  cancelOrder(orderNo: OrderNo): void {
    const order = this.engine.byNo.get(orderNo);
    if (order === undefined) {
      // The venue has no record (terminal and forgotten): the cancel is refused without a report.
      this.engine.counters.cancelsRejected++;
      return;
    }
    order.cancelRequested = true;
    const held = this.heldCreates.size === 0 ? undefined : (this.heldCreates.get(orderNo) ?? (order.leg === null ? undefined : this.heldCreates.get(order.leg.siblingSeq)));
    if (held !== undefined) {
      // Never sent: the client drops it (an OCO: the whole list) from its queue, no request goes out.
      this.heldCreates.delete(held.order!.seq);
      this.queue.drop(held, this.deps.clock.now());
      this.engine.dequeue(held.order!);
      return;
    }
    this.send(new VenueRequest(this, 'cancel', order.symbol, order, null), this.deps.clock.now(), this.deps.latency.cancelDelayMs());
  }

  cancelAll(symbol: string): void {
    this.send(new VenueRequest(this, 'cancel-all', symbol, null, null), this.deps.clock.now(), this.deps.latency.cancelDelayMs());
  }

  amendOrder(orderNo: OrderNo, priceTicks: number, qtyLots: number): void {
    const order = this.engine.byNo.get(orderNo);
    if (order === undefined) {
      this.engine.counters.amendsRejected++;
      return;
    }
    const amend = { priceTicks, qtyLots };
    this.send(new VenueRequest(this, 'amend', order.symbol, order, amend), this.deps.clock.now(), this.deps.latency.amendDelayMs());
  }

  placeOco(request: OcoRequest): OcoIds {
    const now = this.deps.clock.now();
    const listId = this.listIds.issue();
    const { limit, stop } = this.engine.store.createOco(request, listId, { timeInForce: 'GTC', postOnly: false, reduceOnly: false }, now);
    this.engine.byNo.set(limit);
    this.engine.byNo.set(stop);
    this.engine.counters.ocoLists++;
    this.send(new VenueRequest(this, 'oco', request.symbol, limit, null, { request, limit, stop }), now, this.deps.latency.entryDelayMs());
    return { listId, limit: limit.seq, stop: stop.seq };
  }

  /**
   * Into the client's queue: sent now when its lane is free and the limits have room, else when they do (ClientSendQueue).
   * Hot path (every order and cancel): no closure; the request is its own arrival event.
   */
  private send(request: VenueRequest, now: number, latencyMs: number): void {
    request.latencyMs = latencyMs;
    if (this.queue.submit(request, now)) return;
    this.wire.held(request.kind);
    if (request.kind === 'create' || request.kind === 'oco') this.heldCreates.set(request.order!.seq, request);
  }

  /** The request leaves the client at sendMs after heldMs in its queue, and reaches the venue latencyMs later. */
  private leave(request: VenueRequest, sendMs: number, heldMs: number): void {
    if (this.heldCreates.size !== 0 && (request.kind === 'create' || request.kind === 'oco')) this.heldCreates.delete(request.order!.seq);
    this.wire.sent(request);
    this.gate.onSend(request, sendMs, heldMs);
    this.deps.scheduler.scheduleSelf(request, sendMs + request.latencyMs);
  }

  /** The request reaches the venue (called by its arrival event): the venue's rate limit may refuse it, else the matching engine acts on it. */
  deliver(request: VenueRequest): void {
    const limited = this.gate.venueAdmit(request, this.deps.clock.now());
    const order = request.order;
    switch (request.kind) {
      case 'create':
        if (limited === null) this.engine.arrive(order!);
        else this.engine.reject(order!, limited);
        return;
      case 'cancel':
        if (limited === null) this.engine.arriveCancel(order!);
        else this.engine.rejectCancelWith(order!, limited);
        return;
      case 'cancel-all':
        if (limited === null) this.engine.arriveCancelAll(request.symbol);
        else this.listener.onCancelAllRejected(request.symbol, limited);
        return;
      case 'amend':
        if (limited === null) this.engine.arriveAmend(order!, request.amend!.priceTicks, request.amend!.qtyLots);
        else this.engine.rejectAmend(order!, limited);
        return;
      case 'oco': {
        const { request: oco, limit, stop } = request.oco!;
        if (limited === null) {
          this.engine.arriveOco(oco, limit, stop);
        } else {
          this.engine.reject(limit, limited);
          this.engine.reject(stop, limited);
        }
        return;
      }
    }
  }

  /**
   * The venue's dead-man switch (VenueRules.scheduledCancel), armed at the venue now: refused under its lead or past the
   * day's triggers; a new time replaces the armed one, null disarms. At `atMs` every open order is cancelled.
   */
  scheduleCancel(atMs: number | null, onFired?: (cancelled: number) => void): VenueReject | null {
    const rule = this.deps.rules.scheduledCancel;
    if (rule === undefined) return { code: 'SCHEDULE_CANCEL_UNSUPPORTED', message: 'the venue has no scheduled cancel', detail: `venue ${this.venue}` };
    if (atMs === null) {
      this.scheduledCancelAt = null;
      return null;
    }
    const now = this.deps.clock.now();
    if (atMs < now + rule.minLeadMs) return rule.refused('too-soon', atMs, now);
    if ((this.scheduledCancelFired.get(utcDay(now)) ?? 0) >= rule.maxTriggersPerDay) return rule.refused('too-many-triggers', atMs, now);
    this.scheduledCancelAt = atMs;
    this.deps.scheduler.schedule(atMs, () => {
      // Re-armed or disarmed since: this time no longer holds.
      if (this.scheduledCancelAt !== atMs) return;
      this.scheduledCancelAt = null;
      const day = utcDay(atMs);
      this.scheduledCancelFired.set(day, (this.scheduledCancelFired.get(day) ?? 0) + 1);
      const cancelled = this.engine.cancelEveryOpen(rule.reason);
      onFired?.(cancelled);
    });
    return null;
  }

  /** Accepted, live orders on `symbol` (for venue rules that limit open orders, e.g. Binance MAX_NUM_ORDERS). */
  openOrderCount(symbol: string): number {
    return this.engine.openOrderCount(symbol);
  }

  stats(): VenueStats {
    let createsQueued = 0;
    for (const request of this.heldCreates.values()) if (request.kind === 'create') createsQueued += 1;
    const wire = this.wire.stats(createsQueued, this.heldCreates.size - createsQueued);
    return { ...this.engine.stats(this.gate.report()), wire, fillModel: this.deps.fillModel.stats() };
  }

  describe(): Record<string, unknown> {
    return {
      venue: this.venue,
      fill_model: this.deps.fillModel.describe(),
      latency_model: this.deps.latency.describe(),
      fees: { maker_bps: ppmToBps(this.deps.rules.fees.makerPpm), taker_bps: ppmToBps(this.deps.rules.fees.takerPpm) },
    };
  }
}
