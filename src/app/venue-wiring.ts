// Chooses the venue's rules and API gate for a run (fake or Bybit) and describes them for the report's model section.
import type { Instrument } from '../core/model/instrument.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import type { FeeSchedule } from '../core/sim/fee-schedule.js';
import type { RequestGate } from '../ports/request-gate.js';
import type { VenueRules } from '../ports/venue-rules.js';
import type { BybitDryRun } from '../venues/bybit/bybit-api-gate.js';
import type { BybitInstrument } from '../venues/bybit/bybit-instruments.js';
import { FakeVenueRules } from '../venues/fake/fake-venue-rules.js';
import type { BinanceInstrument } from '../venues/binance/binance-instruments.js';
import type { BinanceMarket } from '../venues/binance/binance-market.js';
import { binanceModules, bybitModules } from './venue-modules.js';
import type { RunConfig } from './config/run-config.js';
import { binanceMarket, bybitCategory } from './config/venue-config.js';
import { orderOptionsEcho } from './config-echo.js';

export interface VenueWiring {
  readonly rules: VenueRules;
  /** undefined: no API in front of the matching engine (the fake venue). */
  readonly gate: RequestGate | undefined;
  readonly model: JsonValue;
  /** Rules that ask the venue about its open orders learn the venue here, once it exists. */
  bindVenue(venue: { openOrderCount(symbol: string): number }): void;
}

/** Keys and journal of a dry run on a real venue (the same shape for Bybit and Binance). */
export type VenueDryRun = BybitDryRun;

/** `dryRun` carries the signing keys and journal of a --mode dryrun run on a real venue; null otherwise. */
export function wireVenue(config: RunConfig, instruments: ReadonlyMap<string, Instrument>, fees: FeeSchedule, dryRun: VenueDryRun | null): VenueWiring {
  const instrumentModel: Record<string, JsonValue> = {};
  for (const v of config.venue.instruments) {
    instrumentModel[v.spec.symbol] = {
      tick_size: v.spec.tickSize,
      lot_size: v.spec.lotSize,
      min_qty: v.spec.minQty,
      max_qty: v.spec.maxQty,
      min_notional: v.spec.minNotional,
      source: v.provenance,
      taken_at: v.takenAt,
      ...(v.bybit === null ? {} : { min_price: v.bybit.minPrice, max_price: v.bybit.maxPrice, post_only_max_qty: v.bybit.postOnlyMaxQty }),
      ...(v.binance === null
        ? {}
        : {
            min_price: v.binance.priceFilter.minPrice,
            max_price: v.binance.priceFilter.maxPrice,
            notional_filter: v.binance.notional?.filter ?? null,
            max_notional: v.binance.notional?.max ?? null,
            iceberg_parts: v.binance.icebergParts,
            max_num_orders: v.binance.maxNumOrders,
          }),
    };
  }
  const options = orderOptionsEcho(config.strategy.orderOptions);
  const unbound = (): void => {};
  const market = binanceMarket(config.venue);
  const category = bybitCategory(config.venue);
  if (market !== null) return wireBinance(config, market, instruments, fees, dryRun, instrumentModel, options);
  if (category === null) {
    return { rules: new FakeVenueRules(fees), gate: undefined, model: { instruments: instrumentModel, order_options: options }, bindVenue: unbound };
  }
  const { BybitApiGate, BybitVenueRules } = bybitModules();
  const bybitInstruments = new Map<string, BybitInstrument>(config.venue.instruments.map((v) => [v.spec.symbol, v.bybit!]));
  return {
    rules: new BybitVenueRules(category, fees, bybitInstruments),
    gate: new BybitApiGate({
      category,
      instruments,
      throttle: config.throttle,
      linkIdPrefix: `se${config.seed}-`,
      dryRun,
    }),
    model: {
      category,
      instruments: instrumentModel,
      order_options: options,
      rules:
        'checked in this order on arrival: tick grid, price band, qty step, min qty, max qty (post-only: its own maximum), min order value; a post-only order that would take is cancelled (EC_PostOnlyWillTakeLiquidity); a reduce-only order must face the position and not exceed it (else 110017); IOC/FOK take at the touch up to its displayed size and cancel the rest',
    },
    bindVenue: unbound,
  };
}

function wireBinance(
  config: RunConfig,
  market: BinanceMarket,
  instruments: ReadonlyMap<string, Instrument>,
  fees: FeeSchedule,
  dryRun: VenueDryRun | null,
  instrumentModel: Record<string, JsonValue>,
  options: JsonValue,
): VenueWiring {
  const { BinanceApiGate, BinanceVenueRules } = binanceModules();
  let venue: { openOrderCount(symbol: string): number } | null = null;
  const binanceInstruments = new Map<string, BinanceInstrument>(config.venue.instruments.map((v) => [v.spec.symbol, v.binance!]));
  const rules = new BinanceVenueRules(market, fees, binanceInstruments, {
    openOrders: (symbol) => venue?.openOrderCount(symbol) ?? 0,
    icebergQty: (request) => request.options?.icebergQty ?? null,
  });
  return {
    rules,
    gate: new BinanceApiGate({ market, instruments, throttle: config.throttle, latencyMs: config.latency.ms, clientIdPrefix: `se${config.seed}-`, dryRun }),
    model: {
      market,
      instruments: instrumentModel,
      order_options: options,
      rules:
        market === 'spot'
          ? 'checked on arrival: PRICE_FILTER, LOT_SIZE, NOTIONAL, ICEBERG_PARTS, MAX_NUM_ORDERS (-1013 "Filter failure: …"), then iceberg checks (-2010); LIMIT_MAKER that would take: -2010 "Order would immediately match and take."; IOC/FOK remainder: EXPIRED; OCO: each leg\'s filters, then LIMIT_MAKER price > last > stop (SELL) or < last < stop (BUY), the mid standing in for the last price'
          : 'checked on arrival: PRICE_FILTER (-4014/-4013/-4002), LOT_SIZE (-4023/-4004/-4005), MIN_NOTIONAL (-4164, not for reduce-only), open orders (-2025); GTX that would take: -5022; reduceOnly that would grow: -2022; IOC remainder EXPIRED; FOK that cannot fill: -5021',
    },
    bindVenue: (v) => {
      venue = v;
    },
  };
}
