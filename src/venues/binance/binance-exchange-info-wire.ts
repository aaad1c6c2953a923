// Wire shape of Binance's exchangeInfo responses (spot GET /api/v3/exchangeInfo, USD-M GET /fapi/v1/exchangeInfo), as far as the simulator reads them.

/** binance/binance-spot-api-docs filters.md; USD-M common-definition "Filters". Every price and quantity is a decimal string. */
export interface BinancePriceFilterWire {
  readonly filterType: 'PRICE_FILTER';
  /** "0" disables the rule (filters.md). */
  readonly minPrice: string;
  readonly maxPrice: string;
  readonly tickSize: string;
}

export interface BinanceLotSizeFilterWire {
  readonly filterType: 'LOT_SIZE';
  readonly minQty: string;
  readonly maxQty: string;
  readonly stepSize: string;
}

/** Spot, current: price × quantity within [minNotional, maxNotional]. */
export interface BinanceNotionalFilterWire {
  readonly filterType: 'NOTIONAL';
  readonly minNotional: string;
  readonly maxNotional: string;
  readonly applyMinToMarket?: boolean;
  readonly applyMaxToMarket?: boolean;
  readonly avgPriceMins?: number;
}

/** Spot (legacy) carries `minNotional`; USD-M carries `notional`. */
export interface BinanceMinNotionalFilterWire {
  readonly filterType: 'MIN_NOTIONAL';
  readonly minNotional?: string;
  readonly notional?: string;
  readonly applyToMarket?: boolean;
  readonly avgPriceMins?: number;
}

/** Spot only: at most `limit` parts, parts = CEIL(qty / icebergQty). */
export interface BinanceIcebergPartsFilterWire {
  readonly filterType: 'ICEBERG_PARTS';
  readonly limit: number;
}

/** Spot names the limit `maxNumOrders`; USD-M names it `limit`. */
export interface BinanceMaxNumOrdersFilterWire {
  readonly filterType: 'MAX_NUM_ORDERS';
  readonly maxNumOrders?: number;
  readonly limit?: number;
}

/** Any other filter (PERCENT_PRICE, MARKET_LOT_SIZE, TRAILING_DELTA, …): kept on the wire, not enforced. */
export interface BinanceOtherFilterWire {
  readonly filterType: string;
}

export type BinanceSymbolFilterWire =
  | BinancePriceFilterWire
  | BinanceLotSizeFilterWire
  | BinanceNotionalFilterWire
  | BinanceMinNotionalFilterWire
  | BinanceIcebergPartsFilterWire
  | BinanceMaxNumOrdersFilterWire
  | BinanceOtherFilterWire;

/** One entry of `symbols`. Spot has icebergAllowed/ocoAllowed; USD-M has contractType/marginAsset and neither flag. */
export interface BinanceSymbolWire {
  readonly symbol: string;
  /** Spot: TRADING, END_OF_DAY, HALT, BREAK (enums.md); USD-M: PENDING_TRADING, TRADING, … (common-definition). */
  readonly status: string;
  readonly baseAsset: string;
  readonly quoteAsset: string;
  readonly orderTypes: readonly string[];
  readonly icebergAllowed?: boolean;
  readonly ocoAllowed?: boolean;
  readonly contractType?: string;
  readonly filters: readonly BinanceSymbolFilterWire[];
}

export interface BinanceExchangeInfoWire {
  readonly timezone?: string;
  /** ms since the epoch when the response was produced (USD-M docs: "Ignore please" for clock sync; still its date). */
  readonly serverTime?: number;
  readonly symbols: readonly unknown[];
}
