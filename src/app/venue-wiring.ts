// Chooses the venue's rules and API gate for a run (fake or Bybit) and describes them for the report's model section.
import type { Instrument } from '../core/model/instrument.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import type { FeeSchedule } from '../core/sim/fee-schedule.js';
import type { RequestGate } from '../core/sim/request-gate.js';
import type { VenueRules } from '../core/sim/venue-rules.js';
import { BybitApiGate, type BybitDryRun } from '../venues/bybit/bybit-api-gate.js';
import { BybitVenueRules } from '../venues/bybit/bybit-venue-rules.js';
import type { BybitInstrument } from '../venues/bybit/bybit-instruments.js';
import { FakeVenueRules } from '../venues/fake/fake-venue-rules.js';
import type { RunConfig } from './run-config.js';

export interface VenueWiring {
  readonly rules: VenueRules;
  /** undefined: no API in front of the matching engine (the fake venue). */
  readonly gate: RequestGate | undefined;
  readonly model: JsonValue;
}

/** `dryRun` carries the signing keys and journal of a --mode dryrun run on a real venue; null otherwise. */
export function wireVenue(config: RunConfig, instruments: ReadonlyMap<string, Instrument>, fees: FeeSchedule, dryRun: BybitDryRun | null): VenueWiring {
  const instrumentModel: Record<string, JsonValue> = {};
  for (const v of config.instruments) {
    instrumentModel[v.spec.symbol] = {
      tick_size: v.spec.tickSize,
      lot_size: v.spec.lotSize,
      min_qty: v.spec.minQty,
      max_qty: v.spec.maxQty,
      min_notional: v.spec.minNotional,
      source: v.provenance,
      taken_at: v.takenAt,
      ...(v.bybit === null ? {} : { min_price: v.bybit.minPrice, max_price: v.bybit.maxPrice, post_only_max_qty: v.bybit.postOnlyMaxQty }),
    };
  }
  const options = {
    time_in_force: config.orderOptions.timeInForce,
    post_only: config.orderOptions.postOnly,
    reduce_only: config.orderOptions.reduceOnly,
  };
  if (config.exchange === 'fake' || config.category === null) {
    return { rules: new FakeVenueRules(fees), gate: undefined, model: { instruments: instrumentModel, order_options: options } };
  }
  const bybitInstruments = new Map<string, BybitInstrument>(config.instruments.map((v) => [v.spec.symbol, v.bybit!]));
  return {
    rules: new BybitVenueRules(config.category, fees, bybitInstruments),
    gate: new BybitApiGate({
      category: config.category,
      instruments,
      throttle: config.throttle,
      linkIdPrefix: `se${config.seed}-`,
      dryRun,
    }),
    model: {
      category: config.category,
      instruments: instrumentModel,
      order_options: options,
      rules:
        'checked in this order on arrival: tick grid, price band, qty step, min qty, max qty (post-only: its own maximum), min order value; a post-only order that would take is cancelled (EC_PostOnlyWillTakeLiquidity); a reduce-only order must face the position and not exceed it (else 110017); IOC/FOK take at the touch up to its displayed size and cancel the rest',
    },
  };
}
