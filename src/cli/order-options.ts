// Parses --order-options ("postOnly,timeInForce=IOC") into the OrderOptions every order carries, per venue, listing what is supported on a mistake.
import { ShadowExecError, UsageError } from '../core/errors/shadow-exec-error.js';
import { DEFAULT_ORDER_OPTIONS, type OrderOptions, type TimeInForce } from '../core/model/order.js';
import type { BybitCategory } from '../venues/bybit/bybit-category.js';
import { checkBybitOptions } from '../venues/bybit/bybit-requests.js';

const TIME_IN_FORCE: readonly TimeInForce[] = ['GTC', 'IOC', 'FOK'];

/** The options a venue (and category) accepts, in the words --order-options uses. */
export function supportedOrderOptions(exchange: 'fake' | 'bybit', category: BybitCategory | null): string[] {
  const tif = `timeInForce=${TIME_IN_FORCE.join('|')}`;
  return exchange === 'bybit' && category === 'spot' ? ['postOnly', tif] : ['postOnly', 'reduceOnly', tif];
}

function flag(name: string, value: string | undefined, raw: string): boolean {
  if (value === undefined || value === 'true') return true;
  if (value === 'false') return false;
  throw new UsageError(`--order-options '${raw}': ${name}=${value} is not allowed: expected ${name}, ${name}=true or ${name}=false`);
}

export function parseOrderOptions(raw: string | undefined, exchange: 'fake' | 'bybit', category: BybitCategory | null): OrderOptions {
  if (raw === undefined || raw.trim() === '') return DEFAULT_ORDER_OPTIONS;
  const supported = supportedOrderOptions(exchange, category);
  const where = exchange === 'bybit' ? `bybit ${category}` : exchange;
  let options: { -readonly [K in keyof OrderOptions]: OrderOptions[K] } = { ...DEFAULT_ORDER_OPTIONS };
  const seen = new Set<string>();
  for (const part of raw.split(',')) {
    const [rawName, value, ...rest] = part.trim().split('=');
    const name = rawName ?? '';
    if (rest.length > 0 || name === '') throw new UsageError(`--order-options '${raw}': '${part}' is not NAME or NAME=VALUE; supported for ${where}: ${supported.join(', ')}`);
    if (!supported.some((s) => s === name || s.startsWith(`${name}=`))) {
      const hint = name === 'reduceOnly' && category === 'spot' ? ' (reduceOnly is valid for category linear only)' : '';
      throw new UsageError(`--order-options: unknown option '${name}'${hint}; supported for ${where}: ${supported.join(', ')}`);
    }
    if (seen.has(name)) throw new UsageError(`--order-options '${raw}' names ${name} twice`);
    seen.add(name);
    if (name === 'timeInForce') {
      const tif = (value ?? '').toUpperCase();
      if (!(TIME_IN_FORCE as readonly string[]).includes(tif)) {
        throw new UsageError(`--order-options '${raw}': timeInForce=${value ?? ''} is not allowed: expected one of ${TIME_IN_FORCE.join(', ')}`);
      }
      options = { ...options, timeInForce: tif as TimeInForce };
    } else if (name === 'postOnly') {
      options = { ...options, postOnly: flag(name, value, raw) };
    } else {
      options = { ...options, reduceOnly: flag(name, value, raw) };
    }
  }
  if (options.postOnly && options.timeInForce !== 'GTC') {
    throw new UsageError(`--order-options '${raw}': postOnly cannot be combined with timeInForce=${options.timeInForce} (a post-only order rests; IOC/FOK never rest)`);
  }
  if (exchange === 'bybit') {
    try {
      checkBybitOptions(category!, 'Limit', options);
    } catch (error) {
      if (error instanceof ShadowExecError) throw new UsageError(`--order-options '${raw}': ${error.message}`);
      throw error;
    }
  }
  return Object.freeze(options);
}
