// Wires the chosen venue's rules and API gate for a run (through its module in the venue registry) and describes them for the report's model section.
import type { Instrument } from '../core/model/instrument.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import type { FeeSchedule } from '../core/sim/fee-schedule.js';
import type { DryRunSettings } from '../venues/shared/dry-run.js';
import type { VenueWiring as ModuleWiring } from '../venues/venue-module.js';
import type { RunConfig } from './config/run-config.js';
import { orderOptionsEcho } from './config-echo.js';
import { runVenue } from './run-venue.js';

export interface VenueWiring extends Omit<ModuleWiring, 'model'> {
  /** The report's `model.venue`: the module's keys, the traded instruments and the order options. */
  readonly model: JsonValue;
}

/** Keys and journal of a dry run on a venue with an API (the same shape on every venue). */
export type VenueDryRun = DryRunSettings;

/** `dryRun` carries the signing keys and journal of a --mode dryrun run on a venue with an API; null otherwise. */
export function wireVenue(config: RunConfig, instruments: ReadonlyMap<string, Instrument>, fees: FeeSchedule, dryRun: VenueDryRun | null): VenueWiring {
  const { module, market } = runVenue(config);
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
      ...module.describeInstrument(v),
    };
  }
  const wiring = module.wire({
    market,
    instruments: config.venue.instruments,
    built: instruments,
    fees,
    dryRun,
    throttle: config.throttle,
    latencyMs: config.latency.ms,
    clientIdPrefix: `se${config.seed}-`,
    requoteMode: config.strategy.requoteMode,
  });
  return {
    rules: wiring.rules,
    gate: wiring.gate,
    model: { ...wiring.model, instruments: instrumentModel, order_options: orderOptionsEcho(config.strategy.orderOptions) },
    bindVenue: (venue) => wiring.bindVenue(venue),
    ...(wiring.simplifications === undefined ? {} : { simplifications: wiring.simplifications }),
  };
}
