// The --order-options of a ccxt venue: ccxt's unified postOnly, reduceOnly and timeInForce, as far as the exchange class's `features` (createOrder) says the market supports them.
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import type { OrderOptions } from '../../core/model/order.js';

/** What createOrder supports on one market, read from ccxt's `features`. */
export interface CcxtOrderSupport {
  /** The time-in-force values among GTC, IOC, FOK that features.<market>.createOrder.timeInForce marks true. */
  readonly timeInForce: readonly ('GTC' | 'IOC' | 'FOK')[];
  /** timeInForce.PO: post-only. */
  readonly postOnly: boolean;
  /** reduceOnly: ccxt's unified param applies to contract markets (swap). */
  readonly reduceOnly: boolean;
  /** Where the answer comes from, for the report ("features.swap.linear.createOrder"). */
  readonly source: string;
}

function object(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** features.<type>[.linear].createOrder of the exchange class; null when the class declares none for the market. */
export function orderSupport(features: unknown, type: string): CcxtOrderSupport {
  const byType = object(object(features)?.[type]);
  const direct = object(byType?.['createOrder']);
  const linear = direct === null ? object(object(byType?.['linear'])?.['createOrder']) : null;
  const createOrder = direct ?? linear;
  const source = direct !== null ? `features.${type}.createOrder` : linear !== null ? `features.${type}.linear.createOrder` : `features.${type} (none declared: GTC only)`;
  const tif = object(createOrder?.['timeInForce']);
  const timeInForce = (['GTC', 'IOC', 'FOK'] as const).filter((t) => tif?.[t] === true || (t === 'GTC' && createOrder !== null && tif === null));
  return { timeInForce: timeInForce.length === 0 ? ['GTC'] : timeInForce, postOnly: tif?.['PO'] === true, reduceOnly: type === 'swap' && createOrder !== null, source };
}

/** The options in --order-options words ("postOnly", "timeInForce=GTC|IOC"). */
export function supportedWords(support: CcxtOrderSupport): string[] {
  return [...(support.postOnly ? ['postOnly'] : []), ...(support.reduceOnly ? ['reduceOnly'] : []), `timeInForce=${support.timeInForce.join('|')}`];
}

/** Refuses a combination the market does not support (a time in force its features mark false). */
export function checkOrderOptions(support: CcxtOrderSupport, venue: string, options: OrderOptions): void {
  if (!support.timeInForce.includes(options.timeInForce)) {
    throw new ShadowExecError('E_ORDER_OPTIONS', `timeInForce=${options.timeInForce} is not supported by ${venue} (${support.source}: ${support.timeInForce.join(', ')})`);
  }
}
