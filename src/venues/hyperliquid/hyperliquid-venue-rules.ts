// HyperliquidVenueRules: the perps order checks, Alo and reduce-only rejections, Ioc remainders and cancel answers of the simulated Hyperliquid venue.
import { formatPrice, formatQty, type Instrument } from '../../core/model/instrument.js';
import { Decimal, formatUnits } from '../../core/money/decimal.js';
import type { TopOfBook } from '../../core/model/market-update.js';
import type { OrderRequest } from '../../core/model/order.js';
import type { FeeSchedule } from '../../core/sim/fee-schedule.js';
import type { ScheduledCancelRule, VenueOutcome, VenueReject, VenueRules } from '../../ports/venue-rules.js';
import { HyperliquidAnswers } from './hyperliquid-answers.js';
import { HYPERLIQUID_ERRORS, HYPERLIQUID_INVALID_NONCE, HYPERLIQUID_SCHEDULE_CANCEL, badAloPx, hyperliquidReject } from './hyperliquid-errors.js';
import type { HyperliquidInstrument } from './hyperliquid-instruments.js';
import { checkHyperliquidPerpOrder } from './hyperliquid-order-rules.js';
import { decimalToWire } from './hyperliquid-wire-number.js';

/** The nonce window: "(T - 2 days, T + 1 day), where T is the unix millisecond timestamp on the block" (…/api/nonces-and-api-wallets). */
export const NONCE_BEHIND_MS = 2 * 24 * 3600 * 1000;
export const NONCE_AHEAD_MS = 24 * 3600 * 1000;

/** The book's touch when an Alo order would take: the symbol and its best bid and ask, ticks (what a TopOfBook has of it). */
export type HyperliquidTouch = Pick<TopOfBook, 'symbol' | 'bidTicks' | 'askTicks'>;

/** The order status a partly filled Ioc's rest ends with ("canceled", info endpoint order statuses). */
export const HYPERLIQUID_IOC_REST_CANCELED = 'canceled';

/** scheduleCancel: at least 5 s ahead, at most 10 triggers a UTC day; the orders it cancels end scheduledCancel. */
const SCHEDULED_CANCEL: ScheduledCancelRule = {
  minLeadMs: HYPERLIQUID_SCHEDULE_CANCEL.minLeadMs,
  maxTriggersPerDay: HYPERLIQUID_SCHEDULE_CANCEL.maxTriggersPerDay,
  reason: HYPERLIQUID_SCHEDULE_CANCEL.status,
  refused(why, atMs, nowMs) {
    if (why === 'too-soon') return { ...HYPERLIQUID_SCHEDULE_CANCEL.tooEarly, detail: `time ${atMs} is ${atMs - nowMs} ms ahead of the venue's ${nowMs}` };
    return { ...HYPERLIQUID_SCHEDULE_CANCEL.tooManyTriggers, detail: `the switch fired ${HYPERLIQUID_SCHEDULE_CANCEL.maxTriggersPerDay} times since 00:00 UTC` };
  },
};

export class HyperliquidVenueRules implements VenueRules {
  readonly venue = 'hyperliquid';
  readonly scheduledCancel = SCHEDULED_CANCEL;

  constructor(
    readonly fees: FeeSchedule,
    private readonly instruments: ReadonlyMap<string, HyperliquidInstrument>,
    /** Where each order answer goes for the report (venue_api.answers); the gate reports it. */
    readonly answers: HyperliquidAnswers = new HyperliquidAnswers(),
  ) {}

  validate(request: OrderRequest, instrument: Instrument): VenueReject | null {
    const reject = this.check(request, instrument);
    if (reject !== null) this.answers.orderError(reject);
    return reject;
  }

  private check(request: OrderRequest, instrument: Instrument): VenueReject | null {
    const coin = this.instruments.get(request.symbol);
    // An unknown coin cannot be sent at all: the SDK has no asset index for it. Answered as the tick error would be.
    if (coin === undefined) return hyperliquidReject(HYPERLIQUID_ERRORS.TICK, `coin ${request.symbol} is not in the perps universe`);
    if (request.priceTicks <= 0) return hyperliquidReject(HYPERLIQUID_ERRORS.TICK, `price must be positive (asset=${coin.asset})`);
    const fields = { price: decimalToWire(formatPrice(instrument, request.priceTicks)), size: decimalToWire(formatQty(instrument, request.qtyLots)) };
    return checkHyperliquidPerpOrder(fields, coin.szDecimals, coin.asset);
  }

  /** Cancel / MissingOrder: "Order was never placed, already canceled, or filled." — one answer for all three cases. */
  cancelRejected(reason: 'ALREADY_FILLED' | 'ALREADY_CANCELED' | 'UNKNOWN_ORDER'): VenueReject {
    return hyperliquidReject(HYPERLIQUID_ERRORS.MISSING_ORDER, reason.toLowerCase().replace('_', ' '));
  }

  /**
   * Alo that would take: rejected, never resting ("ALO … will be canceled instead of immediately matching", exchange
   * endpoint docs; the order answers statuses[i].error BadAloPx and ends badAloPxRejected). The venue's text names the
   * book's touch at the check ("bbo was 64990@64991", the error-responses table's "bbo was {bbo}"), prices as the
   * venue writes them (trailing zeros stripped). A coin outside the universe cannot reach here (validate refuses it).
   */
  postOnlyWouldTake(touch: HyperliquidTouch): VenueOutcome {
    const coin = this.instruments.get(touch.symbol);
    const reject =
      coin === undefined
        ? hyperliquidReject(HYPERLIQUID_ERRORS.BAD_ALO_PX, `coin ${touch.symbol} is not in the perps universe`)
        : badAloPx(this.px(coin, touch.bidTicks), this.px(coin, touch.askTicks));
    this.answers.orderError(reject);
    return { kind: 'reject', reject };
  }

  private px(coin: HyperliquidInstrument, ticks: number): string {
    return decimalToWire(formatUnits(ticks, new Decimal(coin.spec.tickSize)));
  }

  reduceOnlyViolated(): VenueReject {
    const reject = hyperliquidReject(HYPERLIQUID_ERRORS.REDUCE_ONLY);
    this.answers.orderError(reject);
    return reject;
  }

  /**
   * The docs document no error for a modify to a size not above what has filled; it is answered as the cancel of a
   * filled order (MissingOrder), an inference.
   */
  amendBelowFilled(): VenueReject {
    return hyperliquidReject(HYPERLIQUID_ERRORS.MISSING_ORDER, 'modify to a size not above the filled size (no documented error: answered as a filled order)');
  }

  /**
   * Ioc: "IOC (immediate or cancel) will have the unfilled part canceled instead of resting" (exchange endpoint docs).
   * Nothing filled: the order is refused, statuses[i].error IocCancel ("Order could not immediately match against any
   * resting orders."), status iocCancelRejected. Filled in part: the answer is statuses[i].filled and the rest ends
   * "canceled" (the order status of a cancelled order, info endpoint). Hyperliquid has no FOK; the order options refuse
   * it before it gets here.
   */
  immediateRemainder(_timeInForce: 'IOC' | 'FOK', filledLots: number): VenueOutcome {
    if (filledLots > 0) {
      this.answers.iocPartlyFilled();
      return { kind: 'cancel', reason: HYPERLIQUID_IOC_REST_CANCELED };
    }
    const reject = hyperliquidReject(HYPERLIQUID_ERRORS.IOC_CANCEL);
    this.answers.orderError(reject);
    return { kind: 'reject', reject };
  }

  /** Outside (T - 2 days, T + 1 day) of the venue's time: the whole request fails; the receive window does not apply. */
  timestampRejected(timestampMs: number, serverMs: number, _recvWindowMs: number): VenueReject | null {
    if (timestampMs > serverMs - NONCE_BEHIND_MS && timestampMs < serverMs + NONCE_AHEAD_MS) return null;
    const side = timestampMs <= serverMs - NONCE_BEHIND_MS ? 'more than 2 days behind' : 'at least 1 day ahead of';
    return { ...HYPERLIQUID_INVALID_NONCE, detail: `nonce ${timestampMs} is ${side} the venue's time ${serverMs}` };
  }
}
