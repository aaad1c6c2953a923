// BinanceApiGate: Binance's REST API in front of the simulated matching engine — weight and order-count limits with 80 % queueing, 429/418 answers, and the dry-run journal.
import { invariantViolation } from '../../core/errors/shadow-exec-error.js';
import { formatPrice, formatQty, type Instrument } from '../../core/model/instrument.js';
import type { JsonValue } from '../../core/report/canonical-json.js';
import { isoUtc } from '../../core/report/units.js';
import type { GateRequest, RequestGate } from '../../ports/request-gate.js';
import type { VenueReject } from '../../ports/venue-rules.js';
import type { FixedWindowSet, WindowCosts } from '../../core/limits/fixed-window-set.js';
import { maskKey } from '../../secrets/mask-key.js';
import { dryRunSection, type DryRunSettings } from '../shared/dry-run.js';
import { requestJournalLine } from '../shared/request-journal-line.js';
import { ThrottleStats } from '../shared/throttle-stats.js';
import { BINANCE_SPOT_ERRORS, BINANCE_USDM_ERRORS, binanceErrorPayload } from './binance-error-codes.js';
import type { BinanceMarket } from './binance-market.js';
import { renderOco } from './binance-oco.js';
import {
  BINANCE_HTTP_IP_BANNED,
  BINANCE_HTTP_RATE_LIMITED,
  BINANCE_LIMITS,
  BINANCE_RETRY_AFTER_HEADER,
  binanceCosts,
  binanceRetryAfterSeconds,
  binanceSimulatedBanMs,
  createBinanceWindows,
  type BinanceEndpoint,
} from './binance-rate-limits.js';
import { renderCancelAll, renderCancelOrder, renderModifyOrder, renderNewOrder, type BinanceRequest } from './binance-requests.js';
import { binanceQueryString, signBinanceRequest, withBinanceTiming } from './binance-signing.js';

export interface BinanceApiGateSettings {
  readonly market: BinanceMarket;
  readonly instruments: ReadonlyMap<string, Instrument>;
  /** true: the client queues from 80 % of any limit and never exceeds one; false: it sends anyway (429s, then 418 bans). */
  readonly throttle: boolean;
  /**
   * One-way latency, virtual ms, from a request leaving the client to the venue counting it. Binance counts a request in
   * the epoch-aligned window it arrives in, so the client charges its own limiters at send + latencyMs: charged at send
   * time, the tail of one client window and the next could land in one venue window (up to 2 × 80 % of a limit).
   */
  readonly latencyMs: number;
  /** newClientOrderId = prefix + order id; listClientOrderId = prefix + list id. */
  readonly clientIdPrefix: string;
  readonly dryRun: DryRunSettings | null;
}

const ENDPOINTS: Readonly<Record<BinanceMarket, Partial<Record<GateRequest['kind'], BinanceEndpoint>>>> = {
  spot: { create: 'POST /api/v3/order', cancel: 'DELETE /api/v3/order', 'cancel-all': 'DELETE /api/v3/openOrders', oco: 'POST /api/v3/orderList/oco' },
  usdm: { create: 'POST /fapi/v1/order', cancel: 'DELETE /fapi/v1/order', 'cancel-all': 'DELETE /fapi/v1/allOpenOrders', amend: 'PUT /fapi/v1/order' },
};

/**
 * Repeat-offender rule (a simulator choice; Binance documents only that "repeatedly violating rate limits and/or failing
 * to back off after receiving 429s will result in an automated IP ban (HTTP status 418)"): a request that arrives over a
 * limit before the Retry-After of the previous 429 has passed is a failure to back off, and bans the IP for
 * binanceSimulatedBanMs(n) (2 min, doubling per ban, at most 3 days). While banned every request gets 418.
 */
export class BinanceApiGate implements RequestGate {
  private readonly client: FixedWindowSet;
  private readonly venue: FixedWindowSet;
  private readonly throttle = new ThrottleStats();
  /** Per request kind of this market: its endpoint, its cost vectors on both window sets, and how many were sent. */
  private readonly routes: Partial<Record<GateRequest['kind'], EndpointRoute>> = {};
  private rendered = 0;
  private http429 = 0;
  private http418 = 0;
  private bans = 0;
  private bannedUntilMs = Number.NEGATIVE_INFINITY;
  private backOffUntilMs = Number.NEGATIVE_INFINITY;
  private lastRetryAfter: string | null = null;
  /** The venue limiters' usage after the last admitted request, by BINANCE_LIMITS index (headers made in report()); their peaks are the venue window set's. */
  private lastUsage: number[] | null = null;
  /** Where admit writes the usage (left as it was when a window is exceeded); lastUsage once a request was admitted. */
  private readonly usage: number[];

  constructor(private readonly settings: BinanceApiGateSettings) {
    this.client = createBinanceWindows(settings.market);
    this.venue = createBinanceWindows(settings.market, 100);
    this.usage = this.venue.names.map(() => 0);
    const endpoints = ENDPOINTS[settings.market];
    for (const kind of Object.keys(endpoints) as GateRequest['kind'][]) {
      const endpoint = endpoints[kind]!;
      const costs = binanceCosts(endpoint);
      this.routes[kind] = new EndpointRoute(endpoint, this.client.costsOf(costs), this.venue.costsOf(costs));
    }
    this.createRoute = this.routes.create;
    this.cancelRoute = this.routes.cancel;
  }

  /** routes.create and routes.cancel: the two kinds of nearly every request. */
  private readonly createRoute: EndpointRoute | undefined;
  private readonly cancelRoute: EndpointRoute | undefined;

  private route(request: GateRequest): EndpointRoute {
    // A switch on the kind, not routes[kind]: a keyed load by a variable string is the slow path of property access.
    let route: EndpointRoute | undefined;
    switch (request.kind) {
      case 'create':
        route = this.createRoute;
        break;
      case 'cancel':
        route = this.cancelRoute;
        break;
      default:
        route = this.routes[request.kind];
    }
    if (route === undefined) throw invariantViolation(`Binance ${this.settings.market} has no ${request.kind} endpoint (the CLI refuses it)`);
    return route;
  }

  private throttleOn: boolean | null = null;

  /** Rehearsals switch client throttling off for a rate-limit storm and back on after it. */
  setThrottle(on: boolean): void {
    this.throttleOn = on;
  }

  private get throttled(): boolean {
    return this.throttleOn ?? this.settings.throttle;
  }

  /**
   * Two lanes: requests that count against the ORDERS limits (new orders, OCO lists, modifies) and the rest (cancels),
   * so a create waiting for the 10 s order window never holds back a cancel. Both lanes share REQUEST_WEIGHT.
   */
  readonly laneCount = 2;

  laneOf(request: GateRequest): number {
    return request.kind === 'create' || request.kind === 'oco' || request.kind === 'amend' ? 0 : 1;
  }

  /** When the client's limiters have room at the request's arrival (send + latencyMs: the venue counts it then). */
  sendableAtMs(request: GateRequest, nowMs: number): number {
    if (!this.throttled) return nowMs;
    const arrivalMs = nowMs + this.settings.latencyMs;
    return nowMs + this.client.waitMs(arrivalMs, this.route(request).clientCosts);
  }

  onSend(gateRequest: GateRequest, sendMs: number, heldMs: number): void {
    const route = this.route(gateRequest);
    if (this.throttled) {
      const arrivalMs = sendMs + this.settings.latencyMs;
      if (this.client.tryTake(arrivalMs, route.clientCosts) !== 0) throw invariantViolation(`Binance client limiter refused at ${arrivalMs}, when sendableAtMs said it had room`);
    }
    this.throttle.record(heldMs);
    route.sent++;
    const dryRun = this.settings.dryRun;
    if (dryRun === null) return;
    const request = this.render(gateRequest);
    const params = withBinanceTiming(request.params, sendMs, dryRun.recvWindowMs);
    // Parameters travel in the query string for every method (all are allowed there; rest-api.md "General API Information").
    const signed = signBinanceRequest({ apiKey: dryRun.credentials.apiKey, apiSecret: dryRun.credentials.apiSecret, queryString: binanceQueryString(params) });
    this.rendered++;
    if (dryRun.journal === null) return;
    dryRun.journal.append(
      requestJournalLine(this.rendered, sendMs, gateRequest, {
        method: request.method,
        path: request.path,
        query: signed.queryString,
        headers: { ...signed.headers, 'X-MBX-APIKEY': maskKey(dryRun.credentials.apiKey) },
        body: signed.requestBody,
      }),
    );
  }

  venueAdmit(request: GateRequest, arrivalMs: number): VenueReject | null {
    if (arrivalMs < this.bannedUntilMs) return this.banned(arrivalMs);
    const costs = this.route(request).venueCosts;
    const venue = this.venue;
    // Records and writes the usage only when no window is exceeded (FixedWindowSet.admit).
    const exceeded = venue.admit(arrivalMs, costs, this.usage);
    if (exceeded !== 0) {
      if (arrivalMs < this.backOffUntilMs) {
        this.bans++;
        this.bannedUntilMs = arrivalMs + binanceSimulatedBanMs(this.bans);
        return this.banned(arrivalMs);
      }
      return this.rateLimited(venue.namesOf(exceeded), arrivalMs);
    }
    this.lastUsage = this.usage;
    return null;
  }

  /**
   * HTTP 429 with Retry-After until every broken limit has reset: the message and Retry-After follow the broken limit whose
   * window ends last (member order on a tie); body -1003 (weight) or -1015 (orders). The message is the body's `msg` as
   * is; the body code and Retry-After go in the detail.
   */
  private rateLimited(limiterNames: readonly string[], arrivalMs: number): VenueReject {
    const resetAt = (windowMs: number): number => arrivalMs - (arrivalMs % windowMs) + windowMs;
    const broken = BINANCE_LIMITS[this.settings.market].filter((l) => limiterNames.includes(l.name));
    const spec = broken.reduce((last, l) => (resetAt(l.windowMs) > resetAt(last.windowMs) ? l : last));
    const resetMs = resetAt(spec.windowMs);
    const retryAfter = binanceRetryAfterSeconds(resetMs - arrivalMs);
    this.http429++;
    this.backOffUntilMs = resetMs;
    this.lastRetryAfter = retryAfter;
    const errors = this.settings.market === 'spot' ? BINANCE_SPOT_ERRORS : BINANCE_USDM_ERRORS;
    const interval = spec.windowMs === 60_000 ? '1 MINUTE' : spec.windowMs === 10_000 ? '10 SECOND' : '1 DAY';
    const body =
      spec.kind === 'REQUEST_WEIGHT'
        ? binanceErrorPayload(this.settings.market === 'spot' ? BINANCE_SPOT_ERRORS.TOO_MUCH_WEIGHT : BINANCE_USDM_ERRORS.TOO_MANY_REQUESTS, spec.limit, interval)
        : binanceErrorPayload(errors.TOO_MANY_ORDERS, spec.limit, interval);
    return { code: `HTTP_${BINANCE_HTTP_RATE_LIMITED}`, message: body.msg, detail: `body code ${body.code}, ${BINANCE_RETRY_AFTER_HEADER}: ${retryAfter}` };
  }

  private banned(arrivalMs: number): VenueReject {
    this.http418++;
    const retryAfter = binanceRetryAfterSeconds(this.bannedUntilMs - arrivalMs);
    this.lastRetryAfter = retryAfter;
    const errors = this.settings.market === 'spot' ? BINANCE_SPOT_ERRORS : BINANCE_USDM_ERRORS;
    const body = binanceErrorPayload(errors.IP_BANNED, String(this.bannedUntilMs));
    return { code: `HTTP_${BINANCE_HTTP_IP_BANNED}`, message: body.msg, detail: `body code ${body.code}, ${BINANCE_RETRY_AFTER_HEADER}: ${retryAfter}` };
  }

  private render(request: GateRequest): BinanceRequest {
    const { market, clientIdPrefix } = this.settings;
    const instrument = this.settings.instruments.get(request.symbol)!;
    if (request.kind === 'cancel-all') return renderCancelAll(market, request.symbol);
    const order = request.order;
    if (order === null) throw invariantViolation(`a Binance ${request.kind} request needs its order`);
    const clientId = clientIdPrefix + order.id;
    switch (request.kind) {
      case 'cancel':
        return renderCancelOrder(market, request.symbol, clientId);
      case 'amend':
        return renderModifyOrder(request.symbol, clientId, order.side, formatQty(instrument, request.amend!.qtyLots), formatPrice(instrument, request.amend!.priceTicks));
      case 'oco': {
        const { request: oco, limit, stop } = request.oco!;
        return renderOco({
          symbol: oco.symbol,
          side: oco.side,
          quantity: formatQty(instrument, oco.qtyLots),
          limitMakerPrice: formatPrice(instrument, oco.limitPriceTicks),
          stopPrice: formatPrice(instrument, oco.stopTicks),
          stopLimitPrice: formatPrice(instrument, oco.stopLimitPriceTicks),
          stopTimeInForce: 'GTC',
          listClientOrderId: clientIdPrefix + (limit.leg?.listId ?? ''),
          limitMakerClientOrderId: clientIdPrefix + limit.id,
          stopClientOrderId: clientIdPrefix + stop.id,
        });
      }
      case 'create':
        return renderNewOrder({
          market,
          symbol: request.symbol,
          side: order.side,
          quantity: formatQty(instrument, order.qtyLots),
          price: formatPrice(instrument, order.priceTicks),
          options: { ...order.options, icebergQty: order.options.icebergQty ?? null },
          newClientOrderId: clientId,
        });
    }
  }

  report(): Record<string, unknown> {
    const endpoints: Record<string, JsonValue> = {};
    const sent = Object.values(this.routes).filter((r) => r.sent > 0);
    for (const route of sent.sort((a, b) => (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0))) endpoints[route.endpoint] = { sent: route.sent };
    const limits: Record<string, JsonValue> = {};
    // The venue limiters are BINANCE_LIMITS[market] in order (createBinanceLimiters), so index i is spec i.
    const specs = BINANCE_LIMITS[this.settings.market];
    specs.forEach((spec, i) => {
      limits[spec.name] = { limit: spec.limit, window_ms: spec.windowMs, peak: this.venue.peak(i), header: spec.header };
    });
    const last = this.lastUsage;
    const lastUsageHeaders = last === null ? null : Object.fromEntries(specs.map((spec, i) => [spec.header, String(last[i] ?? 0)]));
    const dryRun = this.settings.dryRun;
    return {
      market: this.settings.market,
      endpoints,
      rate_limits: {
        rule: 'fixed windows aligned to the epoch (REQUEST_WEIGHT per minute, ORDERS per 10 s and per day or minute); the client queues from 80 % of any limit',
        throttle: this.settings.throttle,
        ...this.throttle.report(),
        limits,
        last_usage_headers: lastUsageHeaders,
        http_429: this.http429,
        http_418: this.http418,
        ip_bans: this.bans,
        banned_until_utc: this.bans === 0 ? null : isoUtc(this.bannedUntilMs),
        last_retry_after: this.lastRetryAfter,
        ban_rule: 'simulator choice: a request over a limit before the last 429 Retry-After passed bans the IP for 2 min, doubling per ban, at most 3 days',
      },
      dry_run: dryRunSection(dryRun, this.rendered),
    };
  }
}

/** One endpoint of the gate's market: its cost vector on the client's and on the venue's windows, and its sent count. */
class EndpointRoute {
  sent = 0;
  constructor(
    readonly endpoint: BinanceEndpoint,
    readonly clientCosts: WindowCosts,
    readonly venueCosts: WindowCosts,
  ) {}
}
