// Parses --order-options ("postOnly,timeInForce=IOC") into the OrderOptions every order carries, per venue, listing what is supported on a mistake.
import { ShadowExecError, UsageError } from '../../core/errors/shadow-exec-error.js';
import { DEFAULT_ORDER_OPTIONS, type OrderOptions, type TimeInForce } from '../../core/model/order.js';
import type { VenueModule } from '../../venues/venue-module.js';
import { loadedVenues } from '../venue-registry.js';
import { matchChoice, notOnVenue, venueFlags } from './venue-flag.js';

const TIME_IN_FORCE: readonly TimeInForce[] = ['GTC', 'IOC', 'FOK'];
/** Every option name some venue takes; a name is matched case-insensitively, like every choice. */
const OPTION_NAMES = ['postOnly', 'reduceOnly', 'timeInForce', 'icebergQty'] as const;
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;

/** The venue (and market) whose orders carry the options. */
export interface OptionVenue {
  readonly module: VenueModule;
  readonly market: string;
}

/** The options a venue (and market) accepts, in the words --order-options uses. */
export function supportedOrderOptions(venue: OptionVenue): readonly string[] {
  return venue.module.orderOptions.supported(venue.market);
}

function describeVenue(venue: OptionVenue): string {
  return venue.module.markets.flag === null ? venue.module.name : `${venue.module.name} ${venue.market}`;
}

const takes = (supported: readonly string[], name: string): boolean => supported.some((s) => s === name || s.startsWith(`${name}=`));

/** The venue's own reason, else the venues and markets that take the option ("icebergQty is a Binance spot option"). */
function hintFor(name: string, venue: OptionVenue): string {
  const own = venue.module.orderOptions.refusal(name, venue.market);
  if (own !== null) return own;
  const owners = loadedVenues().flatMap((v) => v.markets.names.filter((m) => takes(v.orderOptions.supported(m), name)).map((m) => `${v.label} ${v.markets.labels[m] ?? m}`.trim()));
  return owners.length === 0 ? `${name} is not an option of this venue` : `${name} is a ${owners.join(' or ')} option`;
}

function flag(name: string, value: string | undefined, raw: string): boolean {
  if (value === undefined || value === 'true') return true;
  if (value === 'false') return false;
  throw new UsageError(`--order-options '${raw}': ${name}=${value} is not allowed: expected ${name}, ${name}=true or ${name}=false`);
}

export function parseOrderOptions(raw: string | undefined, venue: OptionVenue): OrderOptions {
  if (raw === undefined || raw.trim() === '') return DEFAULT_ORDER_OPTIONS;
  const supported = supportedOrderOptions(venue);
  let options: { -readonly [K in keyof OrderOptions]: OrderOptions[K] } = { ...DEFAULT_ORDER_OPTIONS };
  const seen = new Set<string>();
  for (const part of raw.split(',')) {
    const [rawName, value, ...rest] = part.trim().split('=');
    const given = rawName ?? '';
    const name = matchChoice(given, OPTION_NAMES) ?? given;
    if (rest.length > 0 || name === '') throw new UsageError(`--order-options '${raw}': '${part}' is not NAME or NAME=VALUE; supported for ${describeVenue(venue)}: ${supported.join(', ')}`);
    if (!(OPTION_NAMES as readonly string[]).includes(name)) {
      throw new UsageError(`--order-options: unknown option '${given}'; supported for ${describeVenue(venue)}: ${supported.join(', ')}`);
    }
    if (!takes(supported, name)) {
      throw notOnVenue(`--order-options ${name}`, venueFlags(venue.module.name, venue.module.markets.flag, venue.market), `${hintFor(name, venue)}; supported for ${describeVenue(venue)}: ${supported.join(', ')}`);
    }
    if (seen.has(name)) throw new UsageError(`--order-options '${raw}' names ${name} twice`);
    seen.add(name);
    if (name === 'timeInForce') {
      const tif = (value ?? '').toUpperCase();
      if (!(TIME_IN_FORCE as readonly string[]).includes(tif)) {
        throw new UsageError(`--order-options '${raw}': timeInForce=${value ?? ''} is not allowed: expected one of ${TIME_IN_FORCE.join(', ')}`);
      }
      options = { ...options, timeInForce: tif as TimeInForce };
    } else if (name === 'icebergQty') {
      if (value === undefined || !DECIMAL.test(value) || Number(value) === 0) {
        throw new UsageError(`--order-options '${raw}': icebergQty=${value ?? ''} is not allowed: expected a positive decimal quantity of the base asset, e.g. icebergQty=0.001`);
      }
      options = { ...options, icebergQty: value };
    } else if (name === 'postOnly') {
      options = { ...options, postOnly: flag(name, value, raw) };
    } else {
      options = { ...options, reduceOnly: flag(name, value, raw) };
    }
  }
  if (options.postOnly && options.timeInForce !== 'GTC') {
    throw new UsageError(`--order-options '${raw}': postOnly cannot be combined with timeInForce=${options.timeInForce} (a post-only order rests; IOC/FOK never rest)`);
  }
  try {
    venue.module.orderOptions.check(venue.market, options);
  } catch (error) {
    if (error instanceof ShadowExecError) throw new UsageError(`--order-options '${raw}': ${error.message}`);
    throw error;
  }
  return Object.freeze(options);
}
