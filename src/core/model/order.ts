// Order domain types: sides, the status state machine, requests and the venue's view of an order.
import type { OrderId, OrderNo } from './ids.js';
import type { SymbolIndex } from './symbol-table.js';

export type Side = 'BUY' | 'SELL';

/** +1 for BUY, -1 for SELL: the sign a fill applies to a position. */
export function sideSign(side: Side): 1 | -1 {
  return side === 'BUY' ? 1 : -1;
}

export type OrderStatus = 'NEW' | 'OPEN' | 'PARTIALLY_FILLED' | 'FILLED' | 'CANCELED' | 'REJECTED' | 'EXPIRED';

export type Liquidity = 'MAKER' | 'TAKER';

/** Allowed transitions of the order state machine (NEW → OPEN → PARTIALLY_FILLED → FILLED | CANCELED | …). */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  NEW: ['OPEN', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'REJECTED', 'EXPIRED'],
  OPEN: ['PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'EXPIRED'],
  PARTIALLY_FILLED: ['PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'EXPIRED'],
  FILLED: [],
  CANCELED: [],
  REJECTED: [],
  EXPIRED: [],
};

/** A status's position in the bit masks below (a switch on interned strings: no keyed property lookup). */
function statusBit(status: OrderStatus): number {
  switch (status) {
    case 'NEW':
      return 0;
    case 'OPEN':
      return 1;
    case 'PARTIALLY_FILLED':
      return 2;
    case 'FILLED':
      return 3;
    case 'CANCELED':
      return 4;
    case 'REJECTED':
      return 5;
    case 'EXPIRED':
      return 6;
  }
}

/** ORDER_TRANSITIONS as bit masks, indexed by statusBit(from): bit statusBit(to) set when from → to is allowed. */
const ALLOWED_MASKS: readonly number[] = (Object.keys(ORDER_TRANSITIONS) as OrderStatus[])
  .sort((a, b) => statusBit(a) - statusBit(b))
  .map((from) => ORDER_TRANSITIONS[from].reduce((mask, to) => mask | (1 << statusBit(to)), 0));

/** Whether ORDER_TRANSITIONS allows from → to. */
export function transitionAllowed(from: OrderStatus, to: OrderStatus): boolean {
  return ((ALLOWED_MASKS[statusBit(from)]! >> statusBit(to)) & 1) === 1;
}

/** A status with no way out (FILLED, CANCELED, REJECTED, EXPIRED). */
export function isTerminal(status: OrderStatus): boolean {
  return ALLOWED_MASKS[statusBit(status)] === 0;
}

/** How long a limit order may rest: until cancelled, or only for its immediate match (all of it for FOK). */
export type TimeInForce = 'GTC' | 'IOC' | 'FOK';

/** Venue-neutral order options; each venue adapter maps them onto its own wire fields. */
export interface OrderOptions {
  readonly timeInForce: TimeInForce;
  /** Must rest as maker: a venue cancels, rejects or expires one that would take on arrival (venue rules decide). */
  readonly postOnly: boolean;
  /** May only shrink the position; a venue rejects one that would open or grow it. */
  readonly reduceOnly: boolean;
  /** Iceberg: only this much (a decimal string in base units) shows in the book; absent for a plain order. */
  readonly icebergQty?: string;
}

export const DEFAULT_ORDER_OPTIONS: OrderOptions = Object.freeze({ timeInForce: 'GTC', postOnly: false, reduceOnly: false });

/** What the loop asks a venue to do: a limit order on the instrument's integer grid. */
export interface OrderRequest {
  /** The symbol's name (what venue rules word and gates journal) and its index in the run (what the core keys by). */
  readonly symbol: string;
  readonly symbolIndex: SymbolIndex;
  readonly side: Side;
  readonly priceTicks: number;
  readonly qtyLots: number;
  /** Mid price (ticks) the quote was priced from; used to measure adverse selection. */
  readonly quoteMidTicks: number;
  /** Absent means DEFAULT_ORDER_OPTIONS (a plain GTC limit). */
  readonly options?: OrderOptions;
}

/** The list membership of one leg, held on the venue's Order. */
export interface OrderListLeg {
  readonly listId: string;
  readonly role: 'limit' | 'stop';
  /** The other leg's order number; set once by the OrderStore when it creates the pair. */
  siblingSeq: OrderNo;
  /** Stop leg only: the trigger price, ticks. */
  readonly stopTicks: number | null;
  /** Stop leg only: the market has reached the trigger and the leg now rests (or trades) as a limit order. */
  triggered: boolean;
}

/** The venue's record of an order; mutated only by the OrderStore. */
export interface Order {
  readonly id: OrderId;
  /** The order's number n (its id is "O-<n>"): how the loop and the venue address it. */
  readonly seq: number;
  readonly symbol: string;
  readonly symbolIndex: SymbolIndex;
  readonly side: Side;
  /** Changed only by an amend the venue accepted (OrderStore.amend). */
  priceTicks: number;
  qtyLots: number;
  readonly quoteMidTicks: number;
  readonly options: OrderOptions;
  /** Virtual ms when the request was sent and when the venue accepted it (-1 until then). */
  readonly sentAt: number;
  acceptedAt: number;
  status: OrderStatus;
  filledLots: number;
  cancelRequested: boolean;
  /** Set for a leg of an order list (OCO); null for a single order. */
  readonly leg: OrderListLeg | null;
}
