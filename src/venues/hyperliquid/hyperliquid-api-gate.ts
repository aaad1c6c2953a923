// HyperliquidApiGate: Hyperliquid's /exchange endpoint in front of the simulated matching engine — the per-IP weight budget, the per-address count, and the dry-run journal of signed bodies.
//
// Rate limits: hyperliquid-rate-limits.ts (…/for-developers/api/rate-limits). Every action here is unbatched or a
// cancel batch, weighing 1 + floor(batch / 40) of the 1200 a minute per IP; the per-address budget (10000 requests plus
// one per USDC traded, hyperliquid-address-budget.ts) is enforced for a fresh address (no volume before the run), on
// the client (throttled) and at the venue (--no-throttle: its own error). Nothing is ever sent: a dry run renders, signs
// (mainnet, phantom agent source "a") and journals.
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { invariantViolation } from '../../core/errors/shadow-exec-error.js';
import { Decimal } from '../../core/money/decimal.js';
import { SlidingWindowLimiter } from '../../core/limits/sliding-window-limiter.js';
import { formatPrice, formatQty, type Instrument } from '../../core/model/instrument.js';
import type { Order } from '../../core/model/order.js';
import type { GateRequest, RequestGate } from '../../ports/request-gate.js';
import type { VenueReject } from '../../ports/venue-rules.js';
import { dryRunSection, type DryRunSettings } from '../shared/dry-run.js';
import { requestJournalLine } from '../shared/request-journal-line.js';
import { ThrottleStats } from '../shared/throttle-stats.js';
import {
  actionAddressRequests,
  actionWeight,
  cancelByCloidAction,
  type HyperliquidAction,
  type HyperliquidOrderWire,
  type HyperliquidTif,
  modifyAction,
  orderAction,
  orderWire,
} from './hyperliquid-actions.js';
import { HyperliquidAddressBudget } from './hyperliquid-address-budget.js';
import { HyperliquidAnswers } from './hyperliquid-answers.js';
import { HyperliquidTradedVolume } from './hyperliquid-traded-volume.js';
import type { HyperliquidInstrument } from './hyperliquid-instruments.js';
import { HyperliquidNonceClock } from './hyperliquid-nonce-clock.js';
import { HYPERLIQUID_ADDRESS_LIMITS, HYPERLIQUID_REST_WEIGHT_PER_MINUTE, HYPERLIQUID_REST_WINDOW_MS } from './hyperliquid-rate-limits.js';
import { signedBody, signedBodyText } from './hyperliquid-signed-body.js';
import type { HyperliquidWallet } from './hyperliquid-wallet.js';
import { hyperliquidWalletOf } from './hyperliquid-credentials.js';

/** The endpoint every action is POSTed to (exchange endpoint docs: POST https://api.hyperliquid.xyz/exchange). */
export const HYPERLIQUID_EXCHANGE_PATH = '/exchange';

/**
 * The answer to a request over the per-IP budget. The docs give the budget but not the answer; HTTP 429 is the
 * standard status for it and what clients see (an inference for the message: the standard reason phrase).
 */
const IP_LIMITED: VenueReject = {
  code: 'HTTP_429',
  message: 'Too Many Requests',
  detail: `IP weight budget exceeded (${HYPERLIQUID_REST_WEIGHT_PER_MINUTE} per ${HYPERLIQUID_REST_WINDOW_MS} ms)`,
};

/**
 * The answer to a request past the address budget: {"status": "err", "response": "<text>"} (HTTP 200). The docs give
 * the budget, not the answer; the text is the venue's as live answers show it ("Too many cumulative requests sent (97460
 * > 97456) for cumulative volume traded $87457.46. Place taker orders to free up 1 request per USDC traded.").
 */
export function addressLimited(used: number, cap: number, usdcTraded: string): VenueReject {
  return {
    code: 'err',
    message: `Too many cumulative requests sent (${used} > ${cap}) for cumulative volume traded $${usdcTraded}. Place taker orders to free up 1 request per USDC traded.`,
    detail: 'address budget: 10000 requests plus 1 per USDC traded, one request per 10 s past it',
  };
}

/** Lanes: orders and modifies apart from cancels, so a held create never delays a cancel; both draw on the one IP budget. */
const LANE_ORDERS = 0;
const LANE_CANCELS = 1;

export interface HyperliquidApiGateSettings {
  /** Instruments by coin, as built and as the venue lists them (asset index). */
  readonly instruments: ReadonlyMap<string, Instrument>;
  readonly coins: ReadonlyMap<string, HyperliquidInstrument>;
  /** true: the client holds a request until the IP budget has room; false: it sends anyway. */
  readonly throttle: boolean;
  /** cloid = first 16 bytes of keccak-256(prefix + order id): per-run ids, written as the venue's 16-byte hex. */
  readonly clientIdPrefix: string;
  /** Present in --mode dryrun: credentials (apiKey the account address, apiSecret the private key) and the journal. */
  readonly dryRun: DryRunSettings | null;
  /** The run's log of venue answers (the rules write the order answers); reported as `answers`. */
  readonly answers?: HyperliquidAnswers;
}

/** The cloid of an order: 0x + the first 32 hex digits of keccak-256(prefix + id). */
export function hyperliquidCloid(prefix: string, orderId: string): string {
  return `0x${bytesToHex(keccak_256(new TextEncoder().encode(prefix + orderId))).slice(0, 32)}`;
}

export class HyperliquidApiGate implements RequestGate {
  readonly laneCount = 2;
  private readonly client = new SlidingWindowLimiter({ name: 'client ip weight', limit: HYPERLIQUID_REST_WEIGHT_PER_MINUTE, windowMs: HYPERLIQUID_REST_WINDOW_MS });
  private readonly venueIp = new SlidingWindowLimiter({ name: 'venue ip weight', limit: HYPERLIQUID_REST_WEIGHT_PER_MINUTE, windowMs: HYPERLIQUID_REST_WINDOW_MS });
  private readonly throttleStats = new ThrottleStats();
  private readonly nonces = new HyperliquidNonceClock();
  private readonly wallet: HyperliquidWallet | null;
  /** cloids of the orders sent and not yet cancelled, per coin (a cancel-all cancels these by cloid). */
  private readonly live = new Map<string, Set<string>>();
  private sent = 0;
  private weightSent = 0;
  private addressRequests = 0;
  private ipLimited = 0;
  private rendered = 0;
  private throttleOn: boolean | null = null;
  private readonly answers: HyperliquidAnswers;
  /** The address budget as the client counts it (at send) and as the venue does (at arrival). */
  private readonly clientAddress = new HyperliquidAddressBudget();
  private readonly venueAddress = new HyperliquidAddressBudget();
  private readonly traded: HyperliquidTradedVolume;
  /** Address requests of each request sent (a cancel-all batch of n counts n), until it arrives. */
  private readonly addressCount = new WeakMap<GateRequest, number>();

  constructor(private readonly settings: HyperliquidApiGateSettings) {
    this.wallet = settings.dryRun === null ? null : hyperliquidWalletOf(settings.dryRun.credentials);
    this.answers = settings.answers ?? new HyperliquidAnswers();
    this.traded = new HyperliquidTradedVolume(settings.instruments);
  }

  /** The address cap now (client and venue see the same fills): 10000 + whole USDC traded; cancels more. */
  private addressCap(kind: GateRequest['kind'], used: number, n: number): number {
    const cancel = kind === 'cancel' || kind === 'cancel-all';
    // Volume matters only past the initial buffer: the exact sum is computed then.
    if (used + n <= HYPERLIQUID_ADDRESS_LIMITS.initialRequests) return HyperliquidAddressBudget.cap(0, cancel);
    this.traded.sweep();
    return HyperliquidAddressBudget.cap(this.traded.usdc().floor().toNumber(), cancel);
  }

  /** Address requests a request counts before it is rendered: a cancel-all, the coin's orders sent and not cancelled. */
  private addressRequestsOf(request: GateRequest): number {
    return request.kind === 'cancel-all' ? this.liveOf(request.symbol).size : 1;
  }

  /** Rehearsals switch client throttling off for a rate-limit storm and back on after it. */
  setThrottle(on: boolean): void {
    this.throttleOn = on;
  }

  private get throttled(): boolean {
    return this.throttleOn ?? this.settings.throttle;
  }

  laneOf(request: GateRequest): number {
    return request.kind === 'cancel' || request.kind === 'cancel-all' ? LANE_CANCELS : LANE_ORDERS;
  }

  /** Each request weighs 1 except a cancel-all batch (1 + floor(n / 40)); its weight is known once rendered, so 1 is asked for. */
  sendableAtMs(request: GateRequest, nowMs: number): number {
    if (!this.throttled) return nowMs;
    const n = this.addressRequestsOf(request);
    const addressWait = this.clientAddress.waitMs(nowMs, n, this.addressCap(request.kind, this.clientAddress.used, n));
    return nowMs + Math.max(this.client.waitMs(nowMs, 1), addressWait);
  }

  onSend(gateRequest: GateRequest, sendMs: number, heldMs: number): void {
    const action = this.action(gateRequest);
    const weight = actionWeight(action);
    const n = actionAddressRequests(action);
    if (this.throttled) {
      this.client.record(sendMs, weight);
      this.clientAddress.take(sendMs, n, this.addressCap(gateRequest.kind, this.clientAddress.used, n));
    }
    if (gateRequest.kind === 'create' && gateRequest.order !== null) this.traded.track(gateRequest.order);
    this.addressCount.set(gateRequest, n);
    this.throttleStats.record(heldMs);
    this.sent++;
    this.weightSent += weight;
    this.addressRequests += n;
    const dryRun = this.settings.dryRun;
    if (dryRun === null || this.wallet === null) return;
    const body = signedBody(this.wallet, action, { nonce: this.nonces.next(sendMs), network: 'mainnet' });
    this.rendered++;
    if (dryRun.journal === null) return;
    const request = { method: 'POST', path: HYPERLIQUID_EXCHANGE_PATH, headers: { 'Content-Type': 'application/json' }, body: signedBodyText(body) };
    dryRun.journal.append(requestJournalLine(this.rendered, sendMs, gateRequest, request));
  }

  venueAdmit(request: GateRequest, arrivalMs: number): VenueReject | null {
    // Every request that reaches the venue counts against the IP budget, whatever the answer; each as weight 1 (a
    // cancel-all batch of 40 or more orders weighs more; the venue side does not see the batch: a simplification).
    const full = !this.venueIp.canTake(arrivalMs, 1);
    this.venueIp.record(arrivalMs, 1);
    if (full) {
      this.ipLimited++;
      return IP_LIMITED;
    }
    const n = this.addressCount.get(request) ?? 1;
    const cap = this.addressCap(request.kind, this.venueAddress.used, n);
    if (this.venueAddress.take(arrivalMs, n, cap)) return null;
    const reject = addressLimited(this.venueAddress.used, cap, this.tradedText());
    this.answers.requestError('err', reject.message);
    return reject;
  }

  /** USDC traded as the venue's message writes it: at most 2 decimals, trailing zeros dropped ("4643", "87457.46"). */
  private tradedText(): string {
    this.traded.sweep();
    return this.traded.usdc().toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed();
  }

  /** The action a request is sent as; keeps the per-coin cloids a cancel-all needs. */
  private action(request: GateRequest): HyperliquidAction {
    const { kind, order, symbol } = request;
    const coin = this.settings.coins.get(symbol);
    if (coin === undefined) throw invariantViolation(`coin ${symbol} has no Hyperliquid asset index`);
    const live = this.liveOf(symbol);
    if (kind === 'cancel-all') {
      const cloids = [...live].sort();
      live.clear();
      // Hyperliquid has no cancel-all of one coin: a cancelByCloid batch of the coin's orders sent and not cancelled. With
      // none, the empty batch is what would go out (the venue refuses it in pre-validation: "empty batch of orders",
      // error-responses docs).
      if (cloids.length === 0) return { type: 'cancelByCloid', cancels: [] };
      return cancelByCloidAction(cloids.map((cloid) => ({ asset: coin.asset, cloid })));
    }
    if (kind === 'oco') throw invariantViolation('Hyperliquid has no OCO order lists');
    if (order === null) throw invariantViolation(`a Hyperliquid ${kind} request needs its order`);
    const cloid = hyperliquidCloid(this.settings.clientIdPrefix, order.id);
    if (kind === 'cancel') {
      live.delete(cloid);
      return cancelByCloidAction([{ asset: coin.asset, cloid }]);
    }
    if (kind === 'amend') {
      const amend = request.amend!;
      return modifyAction(cloid, this.wire(order, coin, amend.priceTicks, amend.qtyLots, cloid));
    }
    live.add(cloid);
    return orderAction([this.wire(order, coin, order.priceTicks, order.qtyLots, cloid)]);
  }

  private wire(order: Order, coin: HyperliquidInstrument, priceTicks: number, qtyLots: number, cloid: string): HyperliquidOrderWire {
    const instrument = this.settings.instruments.get(order.symbol)!;
    const tif: HyperliquidTif = order.options.postOnly ? 'Alo' : order.options.timeInForce === 'IOC' ? 'Ioc' : 'Gtc';
    return orderWire({
      asset: coin.asset,
      isBuy: order.side === 'BUY',
      price: formatPrice(instrument, priceTicks),
      size: formatQty(instrument, qtyLots),
      reduceOnly: order.options.reduceOnly,
      type: { limit: { tif } },
      cloid,
    });
  }

  private liveOf(symbol: string): Set<string> {
    let set = this.live.get(symbol);
    if (set === undefined) {
      set = new Set();
      this.live.set(symbol, set);
    }
    return set;
  }

  report(): Record<string, unknown> {
    return {
      endpoint: `POST ${HYPERLIQUID_EXCHANGE_PATH}`,
      sent: this.sent,
      weight_sent: this.weightSent,
      rate_limits: {
        rule: 'per IP: 1200 weight in any rolling minute; an action weighs 1 + floor(batch_length / 40) (rate-limits docs)',
        throttle: this.settings.throttle,
        ...this.throttleStats.report(),
        ip_peak_weight_in_window: this.venueIp.peakUsage,
        ip_rejected_429: this.ipLimited,
        address_requests: this.addressRequests,
        address_initial_budget: HYPERLIQUID_ADDRESS_LIMITS.initialRequests,
        address_rejected: this.venueAddress.refused,
        address_usdc_traded: this.tradedText(),
        address_rule:
          'per address: 10000 requests plus 1 per USDC traded (a fresh address: no volume before the run; a fill valued at its limit price), cancels up to min(cap + 100000, 2 x cap), one request per 10 s past the cap; a batch of n counts n; refused requests count too',
      },
      dry_run: dryRunSection(this.settings.dryRun, this.rendered),
      answers: this.answers.report(),
    };
  }
}
