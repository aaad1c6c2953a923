// Parses --order-options ("postOnly,timeInForce=IOC") into the OrderOptions every order carries, per venue, listing what is supported on a mistake.
import { ShadowExecError, UsageError } from '../../core/errors/shadow-exec-error.js';
import { DEFAULT_ORDER_OPTIONS, type OrderOptions, type TimeInForce } from '../../core/model/order.js';
import { binanceModules, bybitModules } from '../venue-modules.js';
import type { BinanceMarket } from '../../venues/binance/binance-market.js';
import type { BybitCategory } from '../../venues/bybit/bybit-category.js';
import { matchChoice, notOnVenue, venueFlags } from './venue-flag.js';

const TIME_IN_FORCE: readonly TimeInForce[] = ['GTC', 'IOC', 'FOK'];
/** Every option name some venue takes; a name is matched case-insensitively, like every choice. */
const OPTION_NAMES = ['postOnly', 'reduceOnly', 'timeInForce', 'icebergQty'] as const;
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;

export interface OptionVenue {
  readonly exchange: 'fake' | 'bybit' | 'binance';
  readonly category: BybitCategory | null;
  readonly market: BinanceMarket | null;
}

/** The options a venue (and category or market) accepts, in the words --order-options uses. */
export function supportedOrderOptions(venue: OptionVenue): string[] {
  const tif = `timeInForce=${TIME_IN_FORCE.join('|')}`;
  if (venue.exchange === 'bybit' && venue.category === 'spot') return ['postOnly', tif];
  if (venue.exchange === 'binance' && venue.market === 'spot') return ['postOnly', tif, 'icebergQty=QTY'];
  return ['postOnly', 'reduceOnly', tif];
}

function describeVenue(venue: OptionVenue): string {
  if (venue.exchange === 'bybit') return `bybit ${venue.category}`;
  if (venue.exchange === 'binance') return `binance ${venue.market}`;
  return venue.exchange;
}

function hintFor(name: string, venue: OptionVenue): string {
  if (name === 'reduceOnly' && venue.category === 'spot') return 'reduceOnly is valid for category linear only';
  if (name === 'reduceOnly' && venue.market === 'spot') return 'reduceOnly is valid on Binance USD-M futures only';
  if (name === 'icebergQty' && venue.exchange !== 'binance') return 'icebergQty is a Binance spot option';
  if (name === 'icebergQty' && venue.market === 'usdm') return 'icebergQty is valid on Binance spot only';
  return `${name} is not an option of this venue`;
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
    if (!supported.some((s) => s === name || s.startsWith(`${name}=`))) {
      throw notOnVenue(`--order-options ${name}`, venueFlags(venue.exchange, venue.category, venue.market), `${hintFor(name, venue)}; supported for ${describeVenue(venue)}: ${supported.join(', ')}`);
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
    if (venue.exchange === 'bybit') bybitModules().checkBybitOptions(venue.category!, 'Limit', options);
    if (venue.exchange === 'binance') binanceModules().checkBinanceOptions(venue.market!, { ...options, icebergQty: options.icebergQty ?? null });
  } catch (error) {
    if (error instanceof ShadowExecError) throw new UsageError(`--order-options '${raw}': ${error.message}`);
    throw error;
  }
  return Object.freeze(options);
}
