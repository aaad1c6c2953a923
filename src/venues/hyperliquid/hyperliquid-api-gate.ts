// HyperliquidApiGate: Hyperliquid's /exchange endpoint in front of the simulated matching engine — the per-IP weight budget, the per-address count, and the dry-run journal of signed bodies.
//
// Rate limits: hyperliquid-rate-limits.ts (…/for-developers/api/rate-limits). Every action here is unbatched or a
// cancel batch, weighing 1 + floor(batch / 40) of the 1200 a minute per IP; the per-address budget (10000 requests plus
// one per USDC traded since the address began) depends on the account's history, so it is counted and reported, not
// enforced. Nothing is ever sent: a dry run renders, signs (mainnet, phantom agent source "a") and journals.
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { invariantViolation } from '../../core/errors/shadow-exec-error.js';
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
import { HyperliquidAnswers } from './hyperliquid-answers.js';
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

  constructor(private readonly settings: HyperliquidApiGateSettings) {
    this.wallet = settings.dryRun === null ? null : hyperliquidWalletOf(settings.dryRun.credentials);
    this.answers = settings.answers ?? new HyperliquidAnswers();
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
  sendableAtMs(_request: GateRequest, nowMs: number): number {
    return this.throttled ? nowMs + this.client.waitMs(nowMs, 1) : nowMs;
  }

  onSend(gateRequest: GateRequest, sendMs: number, heldMs: number): void {
    const action = this.action(gateRequest);
    const weight = actionWeight(action);
    if (this.throttled) this.client.record(sendMs, weight);
    this.throttleStats.record(heldMs);
    this.sent++;
    this.weightSent += weight;
    this.addressRequests += actionAddressRequests(action);
    const dryRun = this.settings.dryRun;
    if (dryRun === null || this.wallet === null) return;
    const body = signedBody(this.wallet, action, { nonce: this.nonces.next(sendMs), network: 'mainnet' });
    this.rendered++;
    if (dryRun.journal === null) return;
    const request = { method: 'POST', path: HYPERLIQUID_EXCHANGE_PATH, headers: { 'Content-Type': 'application/json' }, body: signedBodyText(body) };
    dryRun.journal.append(requestJournalLine(this.rendered, sendMs, gateRequest, request));
  }

  venueAdmit(_request: GateRequest, arrivalMs: number): VenueReject | null {
    // Every request that reaches the venue counts against the IP budget, whatever the answer; each as weight 1 (a
    // cancel-all batch of 40 or more orders weighs more; the venue side does not see the batch: a simplification).
    const full = !this.venueIp.canTake(arrivalMs, 1);
    this.venueIp.record(arrivalMs, 1);
    if (full) {
      this.ipLimited++;
      return IP_LIMITED;
    }
    return null;
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
        address_rule: 'per address: 10000 requests plus 1 per USDC traded since inception; counted, not enforced (it depends on the account history)',
      },
      dry_run: dryRunSection(this.settings.dryRun, this.rendered),
      answers: this.answers.report(),
    };
  }
}
