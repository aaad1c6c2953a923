// BinanceVenueRules: Binance spot and USD-M order checks (symbol filters, iceberg, order count) answered with Binance's codes, on the order's ticks and lots (binance-order-grid.ts; the decimal checkBinanceOrder is the reference).
import { Decimal, formatUnits } from '../../core/money/decimal.js';
import type { OcoRequest } from '../../core/model/order-list.js';
import { checkBinanceOco } from './binance-oco.js';
import { checkBinanceOcoOnGrid } from './binance-oco-grid.js';
import { buildBinanceOrderGrid, checkBinanceOrderByDecimals, checkBinanceOrderOnGrid, icebergLotsOf, type BinanceGridOrder, type BinanceOrderGrid } from './binance-order-grid.js';
import { buildInstrument, type Instrument } from '../../core/model/instrument.js';
import type { OrderRequest } from '../../core/model/order.js';
import type { FeeSchedule } from '../../core/sim/fee-schedule.js';
import type { VenueOutcome, VenueReject, VenueRules } from '../../ports/venue-rules.js';
import { BINANCE_SPOT_ERRORS, BINANCE_USDM_ERRORS, binanceReject } from './binance-error-codes.js';
import { timestampBreach, timestampBreachDetail } from '../shared/timestamp-window.js';
import type { BinanceInstrument } from './binance-instruments.js';
import type { BinanceMarket } from './binance-market.js';

/** What the rules need from the simulated venue beyond the request itself. */
export interface BinanceOrderContext {
  /** Orders open on `symbol` at the venue now, not counting the order being validated. */
  openOrders(symbol: string): number;
  /** The order's icebergQty as a decimal string on the lot grid, or null for a plain order. */
  icebergQty(request: OrderRequest): string | null;
}

/**
 * USD-M Modify Order (PUT /fapi/v1/order): "the order will be cancelled by the amendment … when the order is in partially
 * filled status and the new `quantity` <= `executedQty`". Binance documents no error code for it; the VenueRules port
 * can only answer an amend with a reject, so this marks the case for the integrator. Not a Binance code.
 */
export const BINANCE_USDM_AMEND_BELOW_FILLED: VenueReject = {
  code: 'ORDER_CANCELED_BY_AMEND',
  message: 'the order will be cancelled by the amendment',
  detail: 'new quantity <= executedQty of a partially filled order (USD-M Modify Order); Binance documents no error code for it',
};

export class BinanceVenueRules implements VenueRules {
  readonly venue = 'binance';

  constructor(
    readonly market: BinanceMarket,
    readonly fees: FeeSchedule,
    private readonly instruments: ReadonlyMap<string, BinanceInstrument>,
    private readonly context: BinanceOrderContext,
  ) {}

  /** Per symbol index, the instrument's filters on the grid of the Instrument last validated against (built on first use; an array: no string hashing per order). */
  private readonly grids: (BinanceOrderGrid | undefined)[] = [];
  /** The last icebergQty text read into lots, and on which grid (an order option: the same text on every order). */
  private icebergText: string | null = null;
  private icebergGrid: BinanceOrderGrid | null = null;
  private icebergLots: number | undefined = undefined;
  private readonly order: { -readonly [K in keyof BinanceGridOrder]: BinanceGridOrder[K] } = { priceTicks: 0, qtyLots: 0, icebergLots: null, reduceOnly: false };

  validate(request: OrderRequest, instrument: Instrument): VenueReject | null {
    let grid = this.grids[request.symbolIndex];
    if (grid === undefined || grid.instrument !== instrument) {
      const binance = this.instruments.get(request.symbol);
      // -1121 BAD_SYMBOL "Invalid symbol." (spot errors.md; USD-M error-code).
      if (binance === undefined) return binanceReject(this.market === 'spot' ? BINANCE_SPOT_ERRORS.BAD_SYMBOL : BINANCE_USDM_ERRORS.BAD_SYMBOL);
      grid = buildBinanceOrderGrid(binance, instrument);
      this.grids[request.symbolIndex] = grid;
    }
    const icebergQty = this.context.icebergQty(request);
    const icebergLots = icebergQty === null ? null : this.icebergLotsOn(icebergQty, grid);
    // One scratch order for every validate (the checks read it and keep nothing): no object per order.
    const order = this.order;
    order.priceTicks = request.priceTicks;
    order.qtyLots = request.qtyLots;
    order.icebergLots = icebergLots ?? null;
    order.reduceOnly = request.options?.reduceOnly ?? false;
    const open = this.context.openOrders(request.symbol);
    // An icebergQty that is not a whole number of lots takes the decimal reference (it answers LOT_SIZE on its strings).
    const error = icebergLots === undefined
      ? checkBinanceOrderByDecimals(order, icebergQty, grid, open)
      : checkBinanceOrderOnGrid(order, grid, open);
    return error === null ? null : binanceReject(error);
  }

  private icebergLotsOn(icebergQty: string, grid: BinanceOrderGrid): number | undefined {
    if (icebergQty !== this.icebergText || grid !== this.icebergGrid) {
      this.icebergText = icebergQty;
      this.icebergGrid = grid;
      this.icebergLots = icebergLotsOf(icebergQty, grid.instrument);
    }
    return this.icebergLots;
  }

  /** -2011 CANCEL_REJECTED "Unknown order sent." (spot errors.md) / "Unknown order sent" (USD-M error-code): the order is not open. */
  cancelRejected(): VenueReject {
    return binanceReject(this.market === 'spot' ? BINANCE_SPOT_ERRORS.UNKNOWN_ORDER : BINANCE_USDM_ERRORS.UNKNOWN_ORDER);
  }

  /**
   * Spot LIMIT_MAKER: rejected, -2010 "Order would immediately match and take." (errors.md). USD-M GTX: rejected, -5022
   * GTX_ORDER_REJECT "… the Post Only order will be rejected." (usds-margined-futures error-code).
   */
  postOnlyWouldTake(): VenueOutcome {
    const error = this.market === 'spot' ? BINANCE_SPOT_ERRORS.LIMIT_MAKER_WOULD_TAKE : BINANCE_USDM_ERRORS.POST_ONLY_REJECTED;
    return { kind: 'reject', reject: binanceReject(error) };
  }

  /** USD-M -2022 REDUCE_ONLY_REJECT. Spot has no reduceOnly parameter (refused client-side): -1103 UNKNOWN_PARAM. */
  reduceOnlyViolated(): VenueReject {
    return binanceReject(this.market === 'spot' ? BINANCE_SPOT_ERRORS.UNKNOWN_PARAM : BINANCE_USDM_ERRORS.REDUCE_ONLY_REJECTED);
  }

  /**
   * Spot has no price/quantity amend beyond Order Amend Keep Priority (reduce quantity only; faqs/order_amend_keep_priority.md):
   * -1020 "This operation is not supported.". USD-M: see {@link BINANCE_USDM_AMEND_BELOW_FILLED}.
   */
  amendBelowFilled(): VenueReject {
    return this.market === 'spot' ? binanceReject(BINANCE_SPOT_ERRORS.UNSUPPORTED_OPERATION) : BINANCE_USDM_AMEND_BELOW_FILLED;
  }

  /**
   * Spot OCO (checkBinanceOco): each leg's filters (an OCO adds 2 orders to MAX_NUM_ORDERS), ocoAllowed, then the price
   * relationship against the last price — the simulator passes the mid, having no trade prints on a synthetic market.
   * USD-M has no OCO: -1020 "This operation is not supported." (the CLI refuses it before).
   */
  validateOco(request: OcoRequest, marketTicks: number): VenueReject | null {
    const binance = this.instruments.get(request.symbol);
    if (binance === undefined) return binanceReject(BINANCE_SPOT_ERRORS.BAD_SYMBOL);
    if (this.market !== 'spot') return binanceReject(BINANCE_SPOT_ERRORS.UNSUPPORTED_OPERATION);
    const grid = this.ocoGrid(request.symbol, binance);
    if (grid === null) return this.validateOcoByDecimals(request, marketTicks);
    const error = checkBinanceOcoOnGrid(request, grid, this.context.openOrders(request.symbol), marketTicks);
    return error === null ? null : binanceReject(error);
  }

  /**
   * Per symbol, the filters on the venue's own tick and lot (the OCO's ticks are read on them, as checkBinanceOco formats
   * them); null when the spec makes no engine instrument (buildInstrument refuses it): the decimal path then answers.
   */
  private readonly ocoGrids = new Map<string, { readonly binance: BinanceInstrument; readonly grid: BinanceOrderGrid | null }>();

  private ocoGrid(symbol: string, binance: BinanceInstrument): BinanceOrderGrid | null {
    let known = this.ocoGrids.get(symbol);
    if (known === undefined || known.binance !== binance) {
      let grid: BinanceOrderGrid | null = null;
      try {
        grid = buildBinanceOrderGrid(binance, buildInstrument(binance.spec));
      } catch {
        grid = null;
      }
      known = { binance, grid };
      this.ocoGrids.set(symbol, known);
    }
    return known.grid;
  }

  /** validateOco by the decimal reference (checkBinanceOco on formatted prices): what the integer check is tested against. */
  validateOcoByDecimals(request: OcoRequest, marketTicks: number): VenueReject | null {
    const binance = this.instruments.get(request.symbol);
    if (binance === undefined) return binanceReject(BINANCE_SPOT_ERRORS.BAD_SYMBOL);
    if (this.market !== 'spot') return binanceReject(BINANCE_SPOT_ERRORS.UNSUPPORTED_OPERATION);
    const tick = new Decimal(binance.spec.tickSize);
    const price = (ticks: number): string => formatUnits(ticks, tick);
    const error = checkBinanceOco(
      {
        symbol: request.symbol,
        side: request.side,
        quantity: formatUnits(request.qtyLots, new Decimal(binance.spec.lotSize)),
        limitMakerPrice: price(request.limitPriceTicks),
        stopPrice: price(request.stopTicks),
        stopLimitPrice: price(request.stopLimitPriceTicks),
        stopTimeInForce: 'GTC',
        listClientOrderId: null,
        limitMakerClientOrderId: null,
        stopClientOrderId: null,
      },
      binance,
      this.context.openOrders(request.symbol),
      price(marketTicks),
    );
    return error === null ? null : binanceReject(error);
  }

  /**
   * Spot IOC and FOK end EXPIRED ("The order was canceled according to the order type's rules (e.g. LIMIT FOK orders with
   * no fill, LIMIT IOC … orders that partially fill)", enums.md); USD-M IOC likewise ends EXPIRED (New Order notes), USD-M
   * FOK is rejected, -5021 FOK_ORDER_REJECT (usds-margined-futures error-code).
   */
  immediateRemainder(timeInForce: 'IOC' | 'FOK'): VenueOutcome {
    if (this.market === 'usdm' && timeInForce === 'FOK') return { kind: 'reject', reject: binanceReject(BINANCE_USDM_ERRORS.FOK_REJECTED) };
    return { kind: 'expire', reason: `EXPIRED (${timeInForce})` };
  }

  /**
   * -1021 INVALID_TIMESTAMP with the message for its side (errors.md; USD-M error-code): "… was 1000ms ahead of the server's
   * time." when `timestamp >= serverTime + 1000`, "… is outside of the recvWindow." when `serverTime - timestamp > recvWindow`
   * (rest-api.md "Timing security").
   */
  timestampRejected(timestampMs: number, serverMs: number, recvWindowMs: number): VenueReject | null {
    const breach = timestampBreach(timestampMs, serverMs, recvWindowMs);
    if (breach === null) return null;
    const errors = this.market === 'spot' ? BINANCE_SPOT_ERRORS : BINANCE_USDM_ERRORS;
    const error = breach === 'ahead' ? errors.TIMESTAMP_AHEAD : errors.TIMESTAMP_OUTSIDE_RECV_WINDOW;
    return { ...binanceReject(error), detail: timestampBreachDetail(timestampMs, serverMs, recvWindowMs) };
  }
}
