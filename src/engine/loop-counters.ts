// LoopCounters: what the execution loop itself did, counted from its side of the wire.
import type { ReportInput } from '../core/report/build-report.js';

export interface LoopCounters {
  marketUpdates: number;
  /** Quote orders the loop asked the venue client to place (the client's queue may hold or drop them: see VenueStats.wire). */
  ordersPlaced: number;
  /** Quote orders (not OCO legs) that filled completely, were cancelled, were rejected. */
  ordersFilled: number;
  ordersCanceled: number;
  ordersRejected: number;
  cancelsSent: number;
  /** Cancels sent again because the venue refused the first one while the order still rested (rate limit). */
  cancelRetries: number;
  /** Cancel-all requests (one per symbol) sent by a freeze or stop in cancel-all mode. */
  cancelAllsSent: number;
  /** Amends sent to move a quote in place (amend requote mode), and the venue's refusals of them. */
  amendsSent: number;
  amendsRejected: number;
  /** Exit OCOs placed, cancelled because the position changed, and skipped as below the instrument's minimums. */
  exitOcosPlaced: number;
  exitOcosCancelled: number;
  exitOcosSkipped: number;
  /** OCO legs that filled completely, were cancelled (by us or by the venue when the other leg executed), were rejected. */
  exitOcoLegsFilled: number;
  exitOcoLegsCanceled: number;
  exitOcoLegsRejected: number;
  /** Quotes not sent because the venue circuit breaker was open or its single half-open probe was taken. */
  circuitBlocks: number;
  /** Cancels the venue refused because the order had already filled: the fill won the race. */
  cancelRacesLost: number;
  /** Orders not sent because the quoted size rounded below one lot. */
  zeroSizeQuotes: number;
  fills: number;
  placedWhileFrozen: number;
}

export function newLoopCounters(): LoopCounters {
  return {
    marketUpdates: 0,
    ordersPlaced: 0,
    ordersFilled: 0,
    ordersCanceled: 0,
    ordersRejected: 0,
    cancelsSent: 0,
    cancelRetries: 0,
    cancelAllsSent: 0,
    amendsSent: 0,
    amendsRejected: 0,
    exitOcosPlaced: 0,
    exitOcosCancelled: 0,
    exitOcosSkipped: 0,
    exitOcoLegsFilled: 0,
    exitOcoLegsCanceled: 0,
    exitOcoLegsRejected: 0,
    circuitBlocks: 0,
    cancelRacesLost: 0,
    zeroSizeQuotes: 0,
    fills: 0,
    placedWhileFrozen: 0,
  };
}

/** The loop's counters as the report takes them (ReportInput['orders']): one mapping for every composition. */
export function loopOrderCounts(c: LoopCounters, openAtEnd: number): ReportInput['orders'] {
  return {
    placed: c.ordersPlaced,
    filled: c.ordersFilled,
    canceled: c.ordersCanceled,
    rejected: c.ordersRejected,
    cancelRetries: c.cancelRetries,
    amendsRejected: c.amendsRejected,
    exitOcosPlaced: c.exitOcosPlaced,
    exitOcosCancelled: c.exitOcosCancelled,
    exitOcosSkipped: c.exitOcosSkipped,
    exitOcoLegsFilled: c.exitOcoLegsFilled,
    exitOcoLegsCanceled: c.exitOcoLegsCanceled,
    exitOcoLegsRejected: c.exitOcoLegsRejected,
    cancelRacesLost: c.cancelRacesLost,
    zeroSizeQuotes: c.zeroSizeQuotes,
    placedWhileFrozen: c.placedWhileFrozen,
    openAtEnd,
  };
}
