// Normalised top-of-book market update, on the instrument's tick/lot grid.

export interface TopOfBook {
  readonly symbol: string;
  /** Virtual ms since the Unix epoch. */
  readonly ts: number;
  readonly bidTicks: number;
  readonly askTicks: number;
  readonly bidLots: number;
  readonly askLots: number;
}

/** Mid in half-ticks would need a fraction; the mid is floored to a whole tick. Invariant: bid < ask. */
export function midTicks(update: TopOfBook): number {
  return Math.floor((update.bidTicks + update.askTicks) / 2);
}
