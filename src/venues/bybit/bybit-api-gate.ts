// BybitApiGate: Bybit's V5 API in front of the simulated matching engine — client throttling, venue rate limits (10006 / 403), and the dry-run request journal.
import { SlidingWindowLimiter } from '../../core/limits/sliding-window-limiter.js';
import { formatPrice, formatQty, type Instrument } from '../../core/model/instrument.js';
import type { JsonValue } from '../../core/report/canonical-json.js';
import { dryRunSection, type DryRunSettings } from '../shared/dry-run.js';
import { requestJournalLine } from '../shared/request-journal-line.js';
import { ThrottleStats } from '../shared/throttle-stats.js';
import type { GateRequest, RequestGate } from '../../ports/request-gate.js';
import type { VenueReject } from '../../ports/venue-rules.js';
import { maskKey } from '../../secrets/mask-key.js';
import type { BybitCategory } from './bybit-category.js';
import { BYBIT_ERRORS, BYBIT_HTTP_FORBIDDEN_MESSAGE, bybitReject } from './bybit-error-codes.js';
import { BYBIT_IP_BAN_HTTP_STATUS, BYBIT_IP_LIMIT, BYBIT_UID_WINDOW_MS, bybitEndpointLimit, bybitLimitHeaders, type BybitTradeEndpoint } from './bybit-rate-limits.js';
import { BYBIT_ENDPOINTS, type BybitRequestKind, renderAmendOrder, renderCancelAll, renderCancelOrder, renderCreateOrder, type BybitRequest } from './bybit-requests.js';
import { invariantViolation } from '../../core/errors/shadow-exec-error.js';
import { signBybitRest } from './bybit-signing.js';

const KINDS: readonly BybitRequestKind[] = ['create', 'cancel', 'cancel-all', 'amend'];

/** What Bybit answers when the per-IP limit is breached: HTTP 403, no retCode (docs/v5/error.mdx, HTTP codes). */
const IP_LIMITED: VenueReject = {
  code: `HTTP_${BYBIT_IP_BAN_HTTP_STATUS}`,
  message: BYBIT_HTTP_FORBIDDEN_MESSAGE,
  detail: `IP rate limit breached (${BYBIT_IP_LIMIT.requests} requests per ${BYBIT_IP_LIMIT.windowMs} ms)`,
};
const RATE_LIMITED: VenueReject = bybitReject(BYBIT_ERRORS.RATE_LIMIT);

export interface BybitApiGateSettings {
  readonly category: BybitCategory;
  readonly instruments: ReadonlyMap<string, Instrument>;
  /** true: the client holds a request until every limit has room; false: it sends anyway (rate-limit storm). */
  readonly throttle: boolean;
  /** orderLinkId = prefix + order id (ids are per run: give each run its own prefix against a real account). */
  readonly linkIdPrefix: string;
  /** Present in --mode dryrun: every request is rendered, signed and journaled. */
  readonly dryRun: DryRunSettings | null;
}

interface EndpointState {
  readonly client: SlidingWindowLimiter;
  readonly venue: SlidingWindowLimiter;
  sent: number;
  limited: number;
  lastStatus: number | null;
  minStatus: number | null;
  /** NaN until the first answer (lastStatus null then): a double from the start, written in place (see WindowLimiter.lastMs). */
  lastResetMs: number;
}

export class BybitApiGate implements RequestGate {
  private readonly endpoints = new Map<BybitRequestKind, EndpointState>();
  private readonly venueIp = new SlidingWindowLimiter({ name: 'venue ip', limit: BYBIT_IP_LIMIT.requests, windowMs: BYBIT_IP_LIMIT.windowMs });
  private readonly throttle = new ThrottleStats();
  private ipLimited = 0;
  private rendered = 0;

  constructor(private readonly settings: BybitApiGateSettings) {
    for (const kind of KINDS) {
      const path = BYBIT_ENDPOINTS[kind] as BybitTradeEndpoint;
      const limit = bybitEndpointLimit(path, settings.category);
      this.endpoints.set(kind, {
        client: new SlidingWindowLimiter({ name: `client ${path}`, limit, windowMs: BYBIT_UID_WINDOW_MS }),
        venue: new SlidingWindowLimiter({ name: `venue ${path}`, limit, windowMs: BYBIT_UID_WINDOW_MS }),
        sent: 0,
        limited: 0,
        lastStatus: null,
        minStatus: null,
        lastResetMs: Number.NaN,
      });
    }
    this.byLane = KINDS.map((kind) => this.endpoints.get(kind)!);
  }

  /** The endpoint states by KINDS index (a switch on the kind reads them: no Map lookup by string per request). */
  private readonly byLane: readonly EndpointState[];

  /** The endpoint state of a request; an OCO never reaches Bybit (the CLI refuses it), so it is a bug here. */
  private endpoint(request: GateRequest): EndpointState {
    return this.byLane[this.laneOf(request)]!;
  }

  private throttleOn: boolean | null = null;

  /** Rehearsals switch client throttling off for a rate-limit storm and back on after it. */
  setThrottle(on: boolean): void {
    this.throttleOn = on;
  }

  /** One lane per endpoint (KINDS order): a held create never delays a cancel. */
  readonly laneCount = KINDS.length;

  laneOf(request: GateRequest): number {
    // KINDS order; a switch rather than KINDS.indexOf (string compares down the list) on every request.
    switch (request.kind) {
      case 'create':
        return 0;
      case 'cancel':
        return 1;
      case 'cancel-all':
        return 2;
      case 'amend':
        return 3;
      case 'oco':
        throw invariantViolation('Bybit has no OCO order lists');
    }
  }

  private get throttled(): boolean {
    return this.throttleOn ?? this.settings.throttle;
  }

  /**
   * When the endpoint's rolling window has room. No client-side IP queue is needed: the four endpoint limits together
   * allow at most 4 × limit × 5 requests per 5 s (200 linear, 400 spot), under the 600 of the IP limit.
   */
  sendableAtMs(request: GateRequest, nowMs: number): number {
    if (!this.throttled) return nowMs;
    return nowMs + this.endpoint(request).client.waitMs(nowMs, 1);
  }

  onSend(gateRequest: GateRequest, sendMs: number, heldMs: number): void {
    const endpoint = this.endpoint(gateRequest);
    if (this.throttled) endpoint.client.take(sendMs, 1);
    this.throttle.record(heldMs);
    endpoint.sent++;
    const dryRun = this.settings.dryRun;
    if (dryRun === null) return;
    const request = this.render(gateRequest);
    const { credentials, recvWindowMs, journal } = dryRun;
    const signed = signBybitRest({
      method: request.method,
      apiKey: credentials.apiKey,
      apiSecret: credentials.apiSecret,
      timestampMs: sendMs,
      recvWindowMs,
      jsonBody: request.body,
    });
    this.rendered++;
    if (journal === null) return;
    const headers = { ...signed.headers, 'X-BAPI-API-KEY': maskKey(credentials.apiKey) };
    journal.append(requestJournalLine(this.rendered, sendMs, gateRequest, { method: request.method, path: request.path, headers, body: request.body }));
  }

  venueAdmit(request: GateRequest, arrivalMs: number): VenueReject | null {
    const endpoint = this.endpoint(request);
    // Every request that reaches Bybit counts against the IP limit, whatever the answer (403 and 10006 included).
    // One usage read per limiter (the venue's limiters queue at 100 %: budget = limit), not canTake, take and usage.
    const ip = this.venueIp;
    const ipFull = ip.usage(arrivalMs) + 1 > ip.budget;
    ip.record(arrivalMs, 1);
    if (ipFull) {
      this.ipLimited++;
      return IP_LIMITED;
    }
    const venue = endpoint.venue;
    const used = venue.usage(arrivalMs);
    if (used + 1 > venue.budget) {
      endpoint.limited++;
      endpoint.lastStatus = 0;
      endpoint.minStatus = 0;
      endpoint.lastResetMs = venue.limitResetAtMs(arrivalMs);
      return RATE_LIMITED;
    }
    venue.record(arrivalMs, 1);
    const status = venue.limit - (used + 1);
    endpoint.lastStatus = status;
    endpoint.minStatus = endpoint.minStatus === null ? status : Math.min(endpoint.minStatus, status);
    endpoint.lastResetMs = arrivalMs;
    return null;
  }

  private render(request: GateRequest): BybitRequest {
    const { category, linkIdPrefix } = this.settings;
    const { kind, order, symbol } = request;
    const instrument = this.settings.instruments.get(symbol)!;
    if (kind === 'cancel-all') return renderCancelAll(category, symbol);
    if (order === null) throw invariantViolation(`a Bybit ${kind} request needs its order`);
    const linkId = linkIdPrefix + order.id;
    if (kind === 'cancel') return renderCancelOrder(category, symbol, linkId);
    if (kind === 'amend') {
      const amend = request.amend!;
      return renderAmendOrder(category, symbol, linkId, {
        ...(amend.qtyLots === order.qtyLots ? {} : { qty: formatQty(instrument, amend.qtyLots) }),
        ...(amend.priceTicks === order.priceTicks ? {} : { price: formatPrice(instrument, amend.priceTicks) }),
      });
    }
    return renderCreateOrder({
      category,
      symbol: order.symbol,
      side: order.side,
      orderType: 'Limit',
      qty: formatQty(instrument, order.qtyLots),
      price: formatPrice(instrument, order.priceTicks),
      options: order.options,
      orderLinkId: linkId,
    });
  }

  report(): Record<string, unknown> {
    const byEndpoint: Record<string, JsonValue> = {};
    for (const kind of KINDS) {
      const e = this.endpoints.get(kind)!;
      if (e.sent === 0 && e.limited === 0) continue;
      byEndpoint[BYBIT_ENDPOINTS[kind]] = {
        sent: e.sent,
        rejected_10006: e.limited,
        limit_per_window: e.venue.limit,
        peak_in_window: e.venue.peakUsage,
        limit_status_min: e.minStatus,
        last_response_headers: e.lastStatus === null ? null : bybitLimitHeaders(e.venue.limit, e.lastStatus, e.lastResetMs),
      };
    }
    const dryRun = this.settings.dryRun;
    return {
      category: this.settings.category,
      endpoints: byEndpoint,
      rate_limits: {
        rule: 'per endpoint: the limit in any rolling 1 s window per UID (docs/v5/rate-limit.mdx); per IP: 600 requests in any 5 s',
        throttle: this.settings.throttle,
        ...this.throttle.report(),
        ip_limit: `${BYBIT_IP_LIMIT.requests} per ${BYBIT_IP_LIMIT.windowMs} ms`,
        ip_peak_in_window: this.venueIp.peakUsage,
        ip_rejected_403: this.ipLimited,
      },
      dry_run: dryRunSection(dryRun, this.rendered),
    };
  }
}
