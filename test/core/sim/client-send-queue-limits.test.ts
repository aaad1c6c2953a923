// Property test: the client queue in front of each venue's gate, under random demand with random drops, never sends over a limit (checked by an independent model of the venue's limits), keeps a backlogged lane at ≥ 95 % of its limit, and sends every request it does not drop.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Order } from '../../../src/core/model/order.js';
import type { GateRequest, RequestGate, VenueRequestKind } from '../../../src/ports/request-gate.js';
import { BybitApiGate } from '../../../src/venues/bybit/bybit-api-gate.js';
import type { BybitCategory } from '../../../src/venues/bybit/bybit-category.js';
import type { BinanceMarket } from '../../../src/venues/binance/binance-market.js';
import { T0, USDM_ORDER, SPOT_ORDER, binanceGate, ocoReq } from '../../helpers/binance-gate.js';
import { docsBtc, gridOf } from '../../helpers/bybit-instruments.js';
import { GateQueueHarness, type QueuedRequest } from '../../helpers/gate-queue-harness.js';
import { makeOrder } from '../../helpers/orders.js';

/**
 * The limits as the venues document them, written out here rather than read from the code under test.
 * Bybit (docs/v5/rate-limit.mdx): per endpoint and UID, a rolling 1 s window; create/cancel/cancel-all 10 (linear) or
 * 20 (spot), amend 10. Binance (rest-api.md, USD-M trade docs): epoch-aligned fixed windows; the client queues from
 * 80 % of each, so its caps are floor(0.8 × limit).
 */
const BYBIT_LIMITS: Readonly<Record<BybitCategory, Readonly<Record<string, number>>>> = {
  linear: { create: 10, cancel: 10, 'cancel-all': 10, amend: 10 },
  spot: { create: 20, cancel: 20, 'cancel-all': 20, amend: 10 },
};

interface FixedLimit {
  readonly name: string;
  readonly windowMs: number;
  readonly cap: number;
  /** Units each request kind costs. */
  readonly cost: Readonly<Partial<Record<VenueRequestKind, number>>>;
}

const BINANCE_LIMITS: Readonly<Record<BinanceMarket, readonly FixedLimit[]>> = {
  spot: [
    { name: 'weight/1m', windowMs: 60_000, cap: 4_800, cost: { create: 1, cancel: 1, 'cancel-all': 1, oco: 1 } },
    { name: 'orders/10s', windowMs: 10_000, cap: 40, cost: { create: 1, oco: 2 } },
    { name: 'orders/1d', windowMs: 86_400_000, cap: 128_000, cost: { create: 1, oco: 2 } },
  ],
  usdm: [
    { name: 'weight/1m', windowMs: 60_000, cap: 1_920, cost: { cancel: 1, 'cancel-all': 1 } },
    { name: 'orders/10s', windowMs: 10_000, cap: 240, cost: { create: 1, amend: 1 } },
    { name: 'orders/1m', windowMs: 60_000, cap: 960, cost: { create: 1, amend: 1 } },
  ],
};

/** One burst of demand: `count` requests of one kind at one instant, after a gap; creates may be dropped while held. */
interface Burst {
  readonly gapMs: number;
  readonly kind: number;
  readonly count: number;
  /** Held creates of this burst are dropped this long after they were queued (null: never). */
  readonly dropAfterMs: number | null;
}

const burst = fc.record({
  gapMs: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 3_000 })),
  kind: fc.nat(99),
  count: fc.integer({ min: 1, max: 40 }),
  dropAfterMs: fc.option(fc.integer({ min: 0, max: 4_000 }), { nil: null }),
});

interface Trace {
  readonly harness: GateQueueHarness;
  /** Every request that waited in the queue: its lane, when it joined, when it left the queue (sent or dropped; +Infinity: never). */
  readonly waits: { readonly lane: number; readonly fromMs: number; readonly untilMs: number }[];
  readonly dropped: Set<QueuedRequest>;
  readonly endMs: number;
}

/** Replays the bursts through a gate's queue; `pick` maps a draw to a request. Runs until the queue has drained. */
function drive(gate: RequestGate, bursts: readonly Burst[], pick: (draw: number) => GateRequest, startMs: number, latencyMs: number): Trace {
  const h = new GateQueueHarness(gate, startMs, latencyMs);
  const dropped = new Set<QueuedRequest>();
  const dropAt = new Map<QueuedRequest, number>();
  const queued: QueuedRequest[] = [];
  let now = startMs;
  for (const b of bursts) {
    now += b.gapMs;
    for (let i = 0; i < b.count; i += 1) {
      const request = pick(b.kind);
      const q = h.submit(request, now);
      if (h.sentAt(q) === null) queued.push(q);
      const creates = request.kind === 'create' || request.kind === 'oco';
      if (creates && b.dropAfterMs !== null) {
        const at = now + b.dropAfterMs;
        h.scheduler.schedule(at, () => {
          if (h.sentAt(q) === null && !dropped.has(q)) {
            dropped.add(q);
            dropAt.set(q, at);
            h.queue.drop(q, at);
          }
        });
      }
    }
  }
  h.drain();
  const endMs = h.clock.now();
  const waits = queued.map((q) => ({ lane: gate.laneOf(q), fromMs: q.queuedAtMs, untilMs: h.sentAt(q) ?? dropAt.get(q) ?? Number.POSITIVE_INFINITY }));
  return { harness: h, waits, dropped, endMs };
}

/** The spans of virtual time during which lane `lane` had a request waiting, merged, in time order. */
function backlogSpans(trace: Trace, lane: number): Array<readonly [number, number]> {
  const spans = trace.waits.filter((w) => w.lane === lane && w.untilMs > w.fromMs).sort((a, b) => a.fromMs - b.fromMs || a.untilMs - b.untilMs);
  const merged: Array<[number, number]> = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last !== undefined && s.fromMs <= last[1]) last[1] = Math.max(last[1], s.untilMs);
    else merged.push([s.fromMs, s.untilMs]);
  }
  return merged;
}

/** True when one merged span covers every instant of [fromMs, toMs). */
function covers(spans: ReadonlyArray<readonly [number, number]>, fromMs: number, toMs: number): boolean {
  return spans.some(([a, b]) => a <= fromMs && b >= toMs);
}

/** Every request not dropped left the client, and none left twice. */
function expectAllSentOnce(trace: Trace, submitted: number): void {
  const sent = trace.harness.sends.map((s) => s.request);
  expect(new Set(sent).size).toBe(sent.length);
  expect(sent.length + trace.dropped.size).toBe(submitted);
  expect(trace.harness.queue.queued).toBe(0);
}

function bybitRequest(category: BybitCategory): (draw: number) => GateRequest {
  const order: Order = makeOrder('BUY', 935000, { qtyLots: 2 });
  return (draw) => {
    const kind: VenueRequestKind = draw < 60 ? 'create' : draw < 85 ? 'cancel' : draw < 95 ? 'amend' : 'cancel-all';
    if (category === 'spot' && kind === 'amend') return { kind: 'create', symbol: order.symbol, order, amend: null };
    return { kind, symbol: order.symbol, order: kind === 'cancel-all' ? null : order, amend: kind === 'amend' ? { priceTicks: 935010, qtyLots: 2 } : null };
  };
}

function binanceRequest(market: BinanceMarket): (draw: number) => GateRequest {
  const order = market === 'spot' ? SPOT_ORDER : USDM_ORDER;
  return (draw) => {
    if (draw < 60) return { kind: 'create', symbol: order.symbol, order, amend: null };
    if (draw < 85) return { kind: 'cancel', symbol: order.symbol, order, amend: null };
    if (draw < 92) return { kind: 'cancel-all', symbol: order.symbol, order: null, amend: null };
    if (market === 'spot') return ocoReq();
    return { kind: 'amend', symbol: order.symbol, order, amend: { priceTicks: 935_010, qtyLots: 5 } };
  };
}

const RUNS = { numRuns: 30, seed: 20261203 };

describe.each(['linear', 'spot'] as const)('the client queue in front of Bybit %s', (category) => {
  const limits = BYBIT_LIMITS[category];
  const instruments = new Map([['BTCUSDT', gridOf(docsBtc(category))]]);
  const kinds = ['create', 'cancel', 'cancel-all', 'amend'] as const;

  it('never sends more than an endpoint limit in any rolling second, keeps a backlogged endpoint at its full limit, and sends every request it does not drop', () => {
    fc.assert(
      fc.property(fc.array(burst, { minLength: 1, maxLength: 80 }), (bursts) => {
        const gate = new BybitApiGate({ category, instruments, throttle: true, linkIdPrefix: 'p-', dryRun: null });
        const trace = drive(gate, bursts, bybitRequest(category), 0, 25);
        expectAllSentOnce(trace, bursts.reduce((n, b) => n + b.count, 0));
        for (const kind of kinds) {
          const limit = limits[kind]!;
          const times = trace.harness.sends.filter((s) => s.request.kind === kind).map((s) => s.sendMs);
          // Rolling window (t − 1000, t]: the (i + limit)-th send is at least 1000 ms after the i-th.
          for (let i = 0; i + limit < times.length; i += 1) expect(times[i + limit]! - times[i]!).toBeGreaterThanOrEqual(1000);
          const spans = backlogSpans(trace, gate.laneOf({ kind, symbol: 'BTCUSDT', order: null, amend: null }));
          for (let t = 1000; t <= trace.endMs; t += 50) {
            if (!covers(spans, t - 1000, t)) continue;
            const inWindow = times.filter((x) => x >= t - 1000 && x < t).length; // the window of any instant just before t
            expect(inWindow).toBeGreaterThanOrEqual(Math.ceil(0.95 * limit));
          }
        }
        expect(trace.harness.arrivals.filter((a) => a.answer !== null)).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe.each(['spot', 'usdm'] as const)('the client queue in front of Binance %s', (market) => {
  const limits = BINANCE_LIMITS[market];
  /** Backlogged 10 s windows the throughput check looked at: the demand must make the check bite. */
  const checkedWindows = { count: 0 };
  afterAll(() => expect(checkedWindows.count).toBeGreaterThanOrEqual(8));

  it.each([0, 50])('with %i ms latency, never lets arrivals pass 80 percent of a limit in a window, keeps a backlogged orders lane at 95 percent or more of a binding limit, and sends every request it does not drop', (latencyMs) => {
    fc.assert(
      fc.property(fc.array(burst, { minLength: 100, maxLength: 200 }), (bursts) => {
        const gate = binanceGate(market, true, null, latencyMs);
        const trace = drive(gate, bursts, binanceRequest(market), T0 + 7_000, latencyMs);
        expectAllSentOnce(trace, bursts.reduce((n, b) => n + b.count, 0));
        const usage = limits.map(() => new Map<number, number>());
        for (const a of trace.harness.arrivals) {
          limits.forEach((l, i) => {
            const w = Math.floor(a.arrivalMs / l.windowMs);
            usage[i]!.set(w, (usage[i]!.get(w) ?? 0) + (l.cost[a.request.kind] ?? 0));
          });
        }
        limits.forEach((l, i) => {
          for (const used of usage[i]!.values()) expect(used).toBeLessThanOrEqual(l.cap);
        });
        // A 10 s order window whose whole span the orders lane was backlogged: some order or weight limit was ≥ 95 % used.
        const spans = backlogSpans(trace, gate.laneOf({ kind: 'create', symbol: 'BTCUSDT', order: null, amend: null }));
        const tenSeconds = limits.findIndex((l) => l.name === 'orders/10s');
        for (let w = Math.floor(T0 / 10_000) + 1; w * 10_000 <= trace.endMs; w += 1) {
          if (!covers(spans, w * 10_000 - latencyMs, (w + 1) * 10_000 - latencyMs)) continue;
          checkedWindows.count += 1;
          const busy = limits.some((l, i) => (usage[i]!.get(Math.floor((w * 10_000) / l.windowMs)) ?? 0) >= 0.95 * l.cap);
          expect({ window: w, busy, tenSecondUse: usage[tenSeconds]!.get(w) ?? 0 }).toMatchObject({ busy: true });
        }
        expect(trace.harness.arrivals.filter((a) => a.answer !== null)).toEqual([]);
      }),
      { ...RUNS, numRuns: 12 },
    );
  });
});
