// Wire shape of Bybit's GET /v5/market/instruments-info response (linear and spot), as far as the simulator reads it.

/** docs/v5/market/instrument.mdx, Linear/Inverse tab. Every number is a decimal string. */
export interface BybitLinearInstrumentWire {
  readonly symbol: string;
  readonly status: string;
  readonly baseCoin: string;
  readonly quoteCoin: string;
  readonly priceFilter: { readonly minPrice: string; readonly maxPrice: string; readonly tickSize: string };
  readonly lotSizeFilter: {
    readonly maxOrderQty: string;
    readonly maxMktOrderQty?: string;
    readonly minOrderQty: string;
    readonly qtyStep: string;
    readonly minNotionalValue: string;
  };
}

/** docs/v5/market/instrument.mdx, Spot tab. `minOrderQty`/`maxOrderAmt` are deprecated there: Bybit checks `minOrderAmt` and `maxLimitOrderQty`. */
export interface BybitSpotInstrumentWire {
  readonly symbol: string;
  readonly status: string;
  readonly baseCoin: string;
  readonly quoteCoin: string;
  readonly priceFilter: { readonly tickSize: string };
  readonly lotSizeFilter: {
    readonly basePrecision: string;
    readonly quotePrecision?: string;
    readonly minOrderQty?: string;
    readonly maxOrderQty?: string;
    readonly minOrderAmt: string;
    readonly maxOrderAmt?: string;
    readonly maxLimitOrderQty?: string;
    readonly maxMarketOrderQty?: string;
    readonly postOnlyMaxLimitOrderSize?: string;
  };
}

export interface BybitInstrumentsInfoWire {
  readonly retCode: number;
  readonly retMsg: string;
  readonly result: { readonly category: string; readonly list: readonly unknown[] };
  readonly time?: number;
}
