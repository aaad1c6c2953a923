// Renders Hyperliquid exchange actions exactly as the /exchange endpoint receives them (and as their hash covers them): order, cancel, cancelByCloid, scheduleCancel.
//
// Shapes and key order: hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/exchange-endpoint ("Place an order",
// "Cancel order(s)", "Cancel order(s) by cloid", "Schedule cancel (dead man's switch)") and the python SDK that the docs
// defer to (hyperliquid/utils/signing.py `order_request_to_order_wire`, `order_wires_to_order_action`;
// hyperliquid/exchange.py `bulk_cancel`, `bulk_cancel_by_cloid`, `schedule_cancel`; v0.23.0). The key order matters:
// the hash packs the keys in the order they are written here.
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { untrustedText } from '../../core/text/untrusted-text.js';
import { decimalToWire } from './hyperliquid-wire-number.js';

/** Time in force of a limit order: "Alo" (add liquidity only: post-only), "Ioc", "Gtc". */
export type HyperliquidTif = 'Alo' | 'Ioc' | 'Gtc';

/** `t`: a limit order, or a trigger (TP/SL) order. */
export type HyperliquidOrderType =
  | { readonly limit: { readonly tif: HyperliquidTif } }
  | { readonly trigger: { readonly isMarket: boolean; readonly triggerPx: string; readonly tpsl: 'tp' | 'sl' } };

/** One order as sent: a asset, b isBuy, p price, s size, r reduceOnly, t type, c cloid (optional, last). */
export interface HyperliquidOrderWire {
  readonly a: number;
  readonly b: boolean;
  readonly p: string;
  readonly s: string;
  readonly r: boolean;
  readonly t: HyperliquidOrderType;
  readonly c?: string;
}

export interface HyperliquidOrderAction {
  readonly type: 'order';
  readonly orders: readonly HyperliquidOrderWire[];
  readonly grouping: 'na' | 'normalTpsl' | 'positionTpsl';
}

export interface HyperliquidCancelAction {
  readonly type: 'cancel';
  /** a asset, o order id. */
  readonly cancels: readonly { readonly a: number; readonly o: number }[];
}

export interface HyperliquidCancelByCloidAction {
  readonly type: 'cancelByCloid';
  readonly cancels: readonly { readonly asset: number; readonly cloid: string }[];
}

export interface HyperliquidScheduleCancelAction {
  readonly type: 'scheduleCancel';
  /** When all open orders are cancelled, ms since the epoch; absent: removes the scheduled cancel. */
  readonly time?: number;
}

/** "Modify an order": {type: "modify", oid: Number | Cloid, order: <order wire>}. */
export interface HyperliquidModifyAction {
  readonly type: 'modify';
  readonly oid: number | string;
  readonly order: HyperliquidOrderWire;
}

export type HyperliquidAction = HyperliquidOrderAction | HyperliquidCancelAction | HyperliquidCancelByCloidAction | HyperliquidScheduleCancelAction | HyperliquidModifyAction;

/** "Client Order ID (cloid) is an optional 128 bit hex string, e.g. 0x1234567890abcdef1234567890abcdef" (exchange endpoint docs). */
const CLOID = /^0x[0-9a-f]{32}$/;

/** Checks a cloid: 0x + 32 lower-case hex digits (16 bytes), as python `Cloid` validates and `Cloid.from_int` writes it. */
export function checkCloid(cloid: string): string {
  if (typeof cloid !== 'string' || !CLOID.test(cloid)) {
    throw new ShadowExecError('E_USAGE', `a cloid must be 0x followed by 32 lower-case hex digits (16 bytes), got '${untrustedText(cloid)}'`);
  }
  return cloid;
}

/** python `Cloid.from_int(n)`: f"{n:#034x}", the 16-byte cloid of a non-negative integer. */
export function cloidFromInt(n: bigint | number): string {
  const big = BigInt(n);
  if (big < 0n || big >= 1n << 128n) throw new ShadowExecError('E_USAGE', `a cloid integer must be in [0, 2^128), got ${big.toString()}`);
  return `0x${big.toString(16).padStart(32, '0')}`;
}

function checkAsset(asset: number): number {
  // Perps: index in meta.universe; spot: 10000 + index in spotMeta.universe (exchange endpoint docs, "Asset").
  if (!Number.isSafeInteger(asset) || asset < 0) throw new ShadowExecError('E_USAGE', `an asset must be a non-negative integer index, got ${String(asset)}`);
  return asset;
}

function checkOid(oid: number): number {
  if (!Number.isSafeInteger(oid) || oid < 0) throw new ShadowExecError('E_USAGE', `an order id must be a non-negative integer, got ${String(oid)}`);
  return oid;
}

export interface OrderWireInput {
  readonly asset: number;
  readonly isBuy: boolean;
  /** Exact decimal strings; written as their wire text (trailing zeros stripped). */
  readonly price: string;
  readonly size: string;
  readonly reduceOnly: boolean;
  readonly type: HyperliquidOrderType;
  readonly cloid?: string | null;
}

/** python `order_request_to_order_wire`, from exact decimals instead of floats. */
export function orderWire(input: OrderWireInput): HyperliquidOrderWire {
  const t: HyperliquidOrderType =
    'limit' in input.type
      ? { limit: { tif: input.type.limit.tif } }
      : { trigger: { isMarket: input.type.trigger.isMarket, triggerPx: decimalToWire(input.type.trigger.triggerPx), tpsl: input.type.trigger.tpsl } };
  const wire = {
    a: checkAsset(input.asset),
    b: input.isBuy,
    p: decimalToWire(input.price),
    s: decimalToWire(input.size),
    r: input.reduceOnly,
    t,
  };
  return input.cloid === undefined || input.cloid === null ? wire : { ...wire, c: checkCloid(input.cloid) };
}

/** python `order_wires_to_order_action(order_wires, builder=None, grouping="na")`: {type, orders, grouping}. */
export function orderAction(orders: readonly HyperliquidOrderWire[], grouping: HyperliquidOrderAction['grouping'] = 'na'): HyperliquidOrderAction {
  if (orders.length === 0) throw new ShadowExecError('E_USAGE', 'an order action needs at least one order');
  return { type: 'order', orders, grouping };
}

/** python `bulk_cancel`: {type: "cancel", cancels: [{a, o}]}. */
export function cancelAction(cancels: readonly { readonly asset: number; readonly oid: number }[]): HyperliquidCancelAction {
  if (cancels.length === 0) throw new ShadowExecError('E_USAGE', 'a cancel action needs at least one cancel');
  return { type: 'cancel', cancels: cancels.map((c) => ({ a: checkAsset(c.asset), o: checkOid(c.oid) })) };
}

/** python `bulk_cancel_by_cloid`: {type: "cancelByCloid", cancels: [{asset, cloid}]}. */
export function cancelByCloidAction(cancels: readonly { readonly asset: number; readonly cloid: string }[]): HyperliquidCancelByCloidAction {
  if (cancels.length === 0) throw new ShadowExecError('E_USAGE', 'a cancelByCloid action needs at least one cancel');
  return { type: 'cancelByCloid', cancels: cancels.map((c) => ({ asset: checkAsset(c.asset), cloid: checkCloid(c.cloid) })) };
}

/** python `schedule_cancel(time)`: {type: "scheduleCancel"} plus `time` when one is set (null/undefined unsets the switch). */
export function scheduleCancelAction(timeMs?: number | null): HyperliquidScheduleCancelAction {
  if (timeMs === undefined || timeMs === null) return { type: 'scheduleCancel' };
  if (!Number.isSafeInteger(timeMs) || timeMs < 0) throw new ShadowExecError('E_USAGE', `a scheduleCancel time must be a non-negative integer of ms, got ${String(timeMs)}`);
  return { type: 'scheduleCancel', time: timeMs };
}

/** "Modify an order" (exchange endpoint docs): the order addressed by its oid or cloid, replaced by `order`. */
export function modifyAction(oid: number | string, order: HyperliquidOrderWire): HyperliquidModifyAction {
  return { type: 'modify', oid: typeof oid === 'string' ? checkCloid(oid) : checkOid(oid), order };
}

/**
 * The action's weight against the per-IP REST budget: 1 + floor(batch_length / 40), batch_length the length of the
 * action's array (hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/rate-limits); scheduleCancel has none: 1.
 */
export function actionWeight(action: HyperliquidAction): number {
  const batch = action.type === 'order' ? action.orders.length : action.type === 'scheduleCancel' || action.type === 'modify' ? 0 : action.cancels.length;
  return 1 + Math.floor(batch / 40);
}

/** How many requests the action counts for against the per-address budget: n for a batch of n ("Batched Requests"). */
export function actionAddressRequests(action: HyperliquidAction): number {
  return action.type === 'order' ? action.orders.length : action.type === 'scheduleCancel' || action.type === 'modify' ? 1 : action.cancels.length;
}
