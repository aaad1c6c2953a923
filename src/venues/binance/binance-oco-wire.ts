// Wire shape of the spot OCO order-list response (POST /api/v3/orderList/oco, RESULT) and a reader of the list id and both legs.
import { invariantViolation } from '../../core/errors/shadow-exec-error.js';

/** One entry of `orders`. */
export interface BinanceOrderListEntryWire {
  readonly symbol: string;
  readonly orderId: number;
  readonly clientOrderId: string;
}

/** One entry of `orderReports` (RESULT shape; `stopPrice` only on stop legs, `icebergQty` only when sent). */
export interface BinanceOrderReportWire {
  readonly symbol: string;
  readonly orderId: number;
  readonly orderListId: number;
  readonly clientOrderId: string;
  readonly transactTime: number;
  readonly price: string;
  readonly origQty: string;
  readonly executedQty: string;
  readonly origQuoteOrderQty: string;
  readonly cummulativeQuoteQty: string;
  readonly status: string;
  readonly timeInForce: string;
  readonly type: string;
  readonly side: string;
  readonly stopPrice?: string;
  readonly workingTime?: number;
  readonly icebergQty?: string;
  readonly selfTradePreventionMode?: string;
}

/** spot rest-api.md "New Order list - OCO (TRADE)" response. */
export interface BinanceOcoResponseWire {
  readonly orderListId: number;
  readonly contingencyType: 'OCO';
  /** enums.md Order List Status: RESPONSE, EXEC_STARTED, UPDATED, ALL_DONE. */
  readonly listStatusType: string;
  /** enums.md Order List Order Status: EXECUTING, ALL_DONE, REJECT. */
  readonly listOrderStatus: string;
  readonly listClientOrderId: string;
  readonly transactionTime: number;
  readonly symbol: string;
  readonly orders: readonly BinanceOrderListEntryWire[];
  readonly orderReports: readonly BinanceOrderReportWire[];
}

/** What the simulator keeps of a placed OCO: the list id and both legs, in the response's order. */
export interface BinanceOcoPlaced {
  readonly orderListId: number;
  readonly listClientOrderId: string;
  readonly legs: readonly {
    readonly orderId: number;
    readonly clientOrderId: string;
    readonly type: string;
    readonly side: string;
    readonly price: string;
    readonly stopPrice: string | null;
    readonly status: string;
  }[];
}

/** Reads an OCO response; a malformed one (the simulated venue builds them) is a bug: E_INVARIANT naming the field. */
export function readBinanceOcoResponse(wire: BinanceOcoResponseWire): BinanceOcoPlaced {
  if (wire.contingencyType !== 'OCO') throw invariantViolation(`OCO response contingencyType is ${JSON.stringify(wire.contingencyType)}`);
  if (wire.orders.length !== 2 || wire.orderReports.length !== 2) {
    throw invariantViolation(`OCO response has ${wire.orders.length} orders and ${wire.orderReports.length} orderReports, expected 2 and 2`);
  }
  const legs = wire.orders.map((entry, i) => {
    const report = wire.orderReports.find((r) => r.orderId === entry.orderId);
    if (report === undefined) throw invariantViolation(`OCO response orders[${i}].orderId ${entry.orderId} has no orderReport`);
    if (report.orderListId !== wire.orderListId) throw invariantViolation(`OCO response orderReport ${entry.orderId} belongs to list ${report.orderListId}`);
    return {
      orderId: entry.orderId,
      clientOrderId: entry.clientOrderId,
      type: report.type,
      side: report.side,
      price: report.price,
      stopPrice: report.stopPrice ?? null,
      status: report.status,
    };
  });
  return { orderListId: wire.orderListId, listClientOrderId: wire.listClientOrderId, legs };
}
